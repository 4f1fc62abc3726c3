-- Item catalogue per fiscal year, and per-report print settings.
CREATE TABLE item_catalogue (
    fiscal_year INTEGER NOT NULL,
    code TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (fiscal_year, code)
);
ALTER TABLE reports ADD COLUMN thai_digits INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reports ADD COLUMN margins_mm TEXT NOT NULL DEFAULT '';
