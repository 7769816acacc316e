-- The LSOAs (2021) every population and apportionment share is summed from,
-- kept so that figures published for LSOAs (or placed by postcode through an
-- LSOA) can be apportioned to any area later. Not drawn or listed by the API.
CREATE TABLE lsoas (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    population INTEGER NOT NULL CHECK (population >= 0),
    ltla       TEXT NOT NULL,
    utla       TEXT NOT NULL,
    sub_icb    TEXT NOT NULL,
    icb        TEXT NOT NULL,
    region     TEXT NOT NULL,
    nhs_region TEXT NOT NULL
);
CREATE INDEX lsoas_ltla ON lsoas (ltla);
CREATE INDEX lsoas_icb ON lsoas (icb);
