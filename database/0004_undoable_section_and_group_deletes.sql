-- Deleted sections and groups stay in the file until the next open, like measures and photos,
-- so undo brings back the same rows (ids, photos) instead of storing copies under new ids.
ALTER TABLE sections ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE measure_groups ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
