-- The first schema of the .ita file: one report tree and its photos.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT '',
    agency_kind TEXT NOT NULL DEFAULT '',
    fiscal_year INTEGER NOT NULL DEFAULT 0,
    report_date TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE signatories (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position_index INTEGER NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT ''
);
CREATE INDEX signatories_report ON signatories(report_id, position_index);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position_index INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sections_report ON sections(report_id, position_index);
CREATE TABLE measure_groups (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position_index INTEGER NOT NULL,
    kind TEXT CHECK (kind IN ('IIT', 'EIT', 'OIT')),
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX measure_groups_section ON measure_groups(section_id, position_index);
CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES measure_groups(id) ON DELETE CASCADE,
    position_index INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    items TEXT NOT NULL DEFAULT '[]',
    items_previous INTEGER NOT NULL DEFAULT 0,
    steps TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    tracking_table TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX measures_group ON measures(group_id, position_index);
CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    position_index INTEGER NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX photos_measure ON photos(measure_id, position_index);
-- Pixels apart from the rows above, so listing and opening a report never reads them.
CREATE TABLE photo_blobs (
    photo_id INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
    original BLOB NOT NULL,
    print_copy BLOB NOT NULL,
    print_format TEXT NOT NULL,
    thumbnail BLOB NOT NULL
);
