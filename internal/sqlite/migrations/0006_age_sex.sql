-- ONS mid-year population estimates by sex and 5-year age band for
-- lower-tier local authorities (one year at a time), from which the area
-- profiles' population pyramids are apportioned. Persons rows are not
-- kept: they are the sum of the two sexes.
CREATE TABLE age_sex_counts (
    ltla     TEXT NOT NULL,
    year     INTEGER NOT NULL,
    sex      TEXT NOT NULL CHECK (sex IN ('females', 'males')),
    age_band TEXT NOT NULL,
    count    INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (ltla, sex, age_band)
);
