-- Small facts about the database itself, such as whether the embedded
-- default dataset finished loading (so an interrupted first start is
-- finished on the next one rather than left half-loaded).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
