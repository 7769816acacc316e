-- Workforce: figures per dataset, area, period, care need, sector, job role
-- and measure; the job-role taxonomy; ONS mid-year population estimates.

-- Workforce datasets, in import order: without source=, the most recently
-- imported dataset with figures for a period answers.
CREATE TABLE workforce_datasets (
    dataset_id TEXT PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    notes      TEXT NOT NULL DEFAULT '[]'   -- JSON array: caveats shown with the figures
);

-- value is NULL when the source suppressed the figure: missing, never zero.
-- Areas are not foreign keys, so re-importing the geography keeps figures.
CREATE TABLE workforce_values (
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    measure    TEXT NOT NULL,
    period     TEXT NOT NULL,
    care_need  TEXT NOT NULL,
    sector     TEXT NOT NULL,
    role       TEXT NOT NULL,
    area_type  TEXT NOT NULL,
    area_code  TEXT NOT NULL,
    value      REAL,
    ref        TEXT NOT NULL DEFAULT '',    -- the publication or page the figure was read from
    file       TEXT NOT NULL DEFAULT '',
    line       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (dataset_id, measure, period, care_need, sector, role, area_type, area_code)
);
CREATE INDEX workforce_values_key ON workforce_values (measure, period, care_need, sector, role);

CREATE TABLE workforce_roles (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role_group TEXT NOT NULL,
    workforce  TEXT NOT NULL CHECK (workforce IN ('social-care', 'nhs')),
    position   INTEGER NOT NULL
);

-- ONS mid-year estimates (30 June of year) for lower-tier authorities.
CREATE TABLE population_estimates (
    ltla       TEXT NOT NULL,
    year       INTEGER NOT NULL,
    population REAL NOT NULL CHECK (population >= 0),
    PRIMARY KEY (ltla, year)
);
