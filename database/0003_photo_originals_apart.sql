-- Originals (often 3–6 MB each) move to their own table: SQLite reads a row's
-- columns in order through overflow pages, so with the original first every
-- print copy or thumbnail read walked past the whole original.
CREATE TABLE photo_originals (
    photo_id INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
    data BLOB NOT NULL
);
INSERT INTO photo_originals (photo_id, data) SELECT photo_id, original FROM photo_blobs;
ALTER TABLE photo_blobs DROP COLUMN original;
