-- Several reports in one file, each reachable from the window: an order the clerk can change,
-- an undoable delete (purged at the next open, like the rows under it), and the measure last
-- edited, so the editor reopens where the clerk was typing.
ALTER TABLE reports ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN position_index INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN last_measure_id INTEGER;
-- The order the window used to show: newest fiscal year first.
UPDATE reports SET position_index = (
    SELECT count(*) FROM reports other
    WHERE other.fiscal_year > reports.fiscal_year
       OR (other.fiscal_year = reports.fiscal_year AND other.id < reports.id));
