-- The first schema: geography, Census counts, indicators and their values,
-- datasets (where every figure came from) and the audit log.

CREATE TABLE datasets (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    publisher   TEXT NOT NULL,
    vintage     TEXT NOT NULL,
    licence     TEXT NOT NULL,
    files       TEXT NOT NULL,      -- JSON array of source file paths
    imported_at TEXT NOT NULL,
    row_count   INTEGER NOT NULL
);

CREATE TABLE areas (
    type       TEXT NOT NULL,
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    population INTEGER NOT NULL,
    ods_code   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (type, code)
);
CREATE INDEX areas_code ON areas (code);

-- A child's share of population in a parent (1 where it nests).
CREATE TABLE area_links (
    child_type  TEXT NOT NULL,
    child_code  TEXT NOT NULL,
    parent_type TEXT NOT NULL,
    parent_code TEXT NOT NULL,
    share       REAL NOT NULL CHECK (share > 0 AND share <= 1.0000001),
    population  INTEGER NOT NULL,
    PRIMARY KEY (child_type, child_code, parent_type, parent_code),
    FOREIGN KEY (child_type, child_code) REFERENCES areas (type, code) ON DELETE CASCADE,
    FOREIGN KEY (parent_type, parent_code) REFERENCES areas (type, code) ON DELETE CASCADE
);
CREATE INDEX area_links_parent ON area_links (parent_type, parent_code);

-- Apportionment weights: the share of a source area's population in a target.
CREATE TABLE area_weights (
    from_type TEXT NOT NULL,
    from_code TEXT NOT NULL,
    to_type   TEXT NOT NULL,
    to_code   TEXT NOT NULL,
    share     REAL NOT NULL,
    PRIMARY KEY (from_type, from_code, to_type, to_code),
    FOREIGN KEY (from_type, from_code) REFERENCES areas (type, code) ON DELETE CASCADE,
    FOREIGN KEY (to_type, to_code) REFERENCES areas (type, code) ON DELETE CASCADE
);
CREATE INDEX area_weights_to ON area_weights (to_type, to_code);

CREATE TABLE census_counts (
    ltla     TEXT NOT NULL,
    table_id TEXT NOT NULL,
    category TEXT NOT NULL,
    count    INTEGER NOT NULL CHECK (count >= 0),
    total    INTEGER NOT NULL CHECK (total >= 0),
    PRIMARY KEY (ltla, table_id, category)
);

CREATE TABLE indicators (
    id         TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    meta       TEXT NOT NULL        -- JSON: name, definition, unit, source...
);

-- value is NULL when a figure is missing (suppressed or not published).
CREATE TABLE indicator_values (
    indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    dataset_id   TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    period       TEXT NOT NULL,
    area_type    TEXT NOT NULL,
    area_code    TEXT NOT NULL,
    breakdown    TEXT NOT NULL DEFAULT '',
    numerator    REAL,
    denominator  REAL,
    value        REAL,
    PRIMARY KEY (indicator_id, dataset_id, period, area_type, area_code, breakdown)
);
CREATE INDEX indicator_values_area ON indicator_values (area_type, area_code);

CREATE TABLE data_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);

-- Every change to data, who made it and what it was.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
