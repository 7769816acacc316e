-- Mental health services: the taxonomy (held as data), the directories
-- they come from with what each covers, the services and where each was
-- placed, and an optional postcode table.

-- kind is 'type' (service types) or 'group' (population groups).
CREATE TABLE service_terms (
    kind        TEXT NOT NULL CHECK (kind IN ('type', 'group')),
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
);

-- What each imported directory records and covers (see service.Source).
CREATE TABLE service_sources (
    dataset_id TEXT PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
    types      TEXT NOT NULL,        -- JSON array of type ids; [] = any
    sectors    TEXT NOT NULL,        -- JSON array of sector ids; [] = any
    groups     INTEGER NOT NULL,     -- 1 if it records population groups
    england    INTEGER NOT NULL,     -- 1 if it covers all of England
    coverage   TEXT NOT NULL         -- JSON array of LTLA codes otherwise
);

-- id is the public id, dataset_id || ':' || key; the key survives
-- re-imports, so a refreshed directory updates rows in place.
CREATE TABLE services (
    id          TEXT PRIMARY KEY,
    dataset_id  TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    line        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    provider    TEXT NOT NULL,
    sector      TEXT NOT NULL CHECK (sector IN ('vcse', 'nhs', 'local-authority', 'independent')),
    description TEXT NOT NULL,
    address     TEXT NOT NULL,
    postcode    TEXT NOT NULL,
    telephone   TEXT NOT NULL,
    website     TEXT NOT NULL,
    longitude   REAL,                -- as given by the source; NULL if none
    latitude    REAL,
    serves      TEXT NOT NULL,       -- JSON array of GSS codes
    verified    TEXT NOT NULL,
    notes       TEXT NOT NULL,       -- JSON array of strings
    placement   TEXT NOT NULL CHECK (placement IN ('coordinates', 'postcode', 'not located')),
    place_lon   REAL,                -- the point used: the source's or the postcode's
    place_lat   REAL,
    place_note  TEXT NOT NULL,
    ltla        TEXT,                -- NULL when not located
    utla        TEXT,
    sub_icb     TEXT,
    icb         TEXT,
    region      TEXT,
    nhs_region  TEXT,
    hash        TEXT NOT NULL,       -- of the content, to report unchanged rows
    UNIQUE (dataset_id, key)
);
CREATE INDEX services_ltla ON services (ltla);
CREATE INDEX services_utla ON services (utla);
CREATE INDEX services_sub_icb ON services (sub_icb);
CREATE INDEX services_icb ON services (icb);
CREATE INDEX services_region ON services (region);
CREATE INDEX services_nhs_region ON services (nhs_region);

CREATE TABLE service_term_links (
    service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('type', 'group')),
    term_id    TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (service_id, kind, term_id),
    FOREIGN KEY (kind, term_id) REFERENCES service_terms (kind, id)
);
CREATE INDEX service_term_links_term ON service_term_links (kind, term_id);

-- An ONS Postcode Directory style table, imported by the user.
CREATE TABLE postcodes (
    postcode  TEXT PRIMARY KEY,      -- upper case, one space: "M33 7ZF"
    longitude REAL NOT NULL,
    latitude  REAL NOT NULL,
    lsoa      TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
