-- Item catalogue per fiscal year, per-report print settings, undoable deletes.
CREATE TABLE item_catalogue (
    fiscal_year INTEGER NOT NULL,
    code TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (fiscal_year, code)
);
ALTER TABLE reports ADD COLUMN thai_digits INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reports ADD COLUMN margins_mm TEXT NOT NULL DEFAULT '';
-- Deleted measures and photos stay in the file until the next open, so undo can bring them back.
ALTER TABLE measures ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE photos ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
