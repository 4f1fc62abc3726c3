"""The reports of one file: their list, order, undoable delete, and where the clerk last typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ita_desktop.model import ReportSummary

if TYPE_CHECKING:
    from sqlite_utils import Database

_LIVE_MEASURES = """(SELECT count(*) FROM measures m JOIN measure_groups g ON g.id = m.group_id
                    JOIN sections s ON s.id = g.section_id WHERE s.report_id = r.id AND m.deleted = 0
                    AND g.deleted = 0 AND s.deleted = 0)"""


class FileReports:
    """Mixed into ReportStore: what the window's report list and ``ita-desktop reports`` need."""

    db: Database  # and ReportStore's _edit(): one transaction

    def _has_report_list(self) -> bool:
        # A file opened read-only is never migrated: one older than the list columns still lists.
        if not hasattr(self, "_report_list_columns"):
            columns = {row[0] for row in self.db.execute("SELECT name FROM pragma_table_info('reports')").fetchall()}
            self._report_list_columns = {"deleted", "position_index", "last_measure_id"} <= columns
        return self._report_list_columns

    def list_reports(self) -> list[ReportSummary]:
        """The file's reports (deleted ones left out) in the clerk's order."""
        where = ("WHERE r.deleted = 0 ORDER BY r.position_index, r.id" if self._has_report_list()
                 else "ORDER BY r.fiscal_year DESC, r.id")
        sql = f"""SELECT r.id, r.title, r.agency, r.fiscal_year, r.updated_at, {_LIVE_MEASURES}
                  FROM reports r {where}"""
        return [ReportSummary(id=r[0], title=r[1], agency=r[2], fiscal_year=r[3], updated_at=r[4],
                              measure_count=r[5]) for r in self.db.execute(sql).fetchall()]

    def _report_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT id FROM reports WHERE deleted = 0 ORDER BY position_index, id").fetchall()]

    def _renumber_reports(self, ordered: list[int]) -> None:
        for index, report_id in enumerate(ordered):
            self.db.execute("UPDATE reports SET position_index = ? WHERE id = ? AND position_index != ?",
                            [index, report_id, index])

    def place_report(self, report_id: int, index: int) -> None:
        """Put a report at ``index`` of the list (0: first); the others keep their order."""
        with self._edit():
            self._place(report_id, index)

    def _place(self, report_id: int, index: int) -> None:
        ordered = [i for i in self._report_ids() if i != report_id]
        ordered.insert(max(0, min(index, len(ordered))), report_id)
        self._renumber_reports(ordered)

    def remove_report(self, report_id: int) -> int:
        """Take a report out of the list (undoable until the file is reopened); returns its index."""
        with self._edit():
            index = self._report_ids().index(report_id)
            self.db.execute("UPDATE reports SET deleted = 1 WHERE id = ?", [report_id])
            self._renumber_reports(self._report_ids())
        return index

    def restore_report(self, report_id: int, index: int) -> None:
        """Undo :meth:`remove_report`: the same report, with all under it, back at ``index``."""
        with self._edit():
            self.db.execute("UPDATE reports SET deleted = 0 WHERE id = ?", [report_id])
            self._place(report_id, index)

    def _note_measure_edited(self, measure_id: int) -> None:
        """Inside a measure's edit: the editor reopens on this measure."""
        self.db.execute("UPDATE reports SET last_measure_id = ? WHERE id = (SELECT s.report_id FROM measures m "
                        "JOIN measure_groups g ON g.id = m.group_id JOIN sections s ON s.id = g.section_id "
                        "WHERE m.id = ?)", [measure_id, measure_id])

    def last_edited(self) -> tuple[int | None, int | None]:
        """(report, measure) the clerk last changed: where the editor reopens (None when unknown)."""
        if not self._has_report_list():
            row = self.db.execute("SELECT id FROM reports ORDER BY updated_at DESC, id DESC LIMIT 1").fetchone()
            return (row[0], None) if row else (None, None)
        row = self.db.execute("SELECT id, last_measure_id FROM reports WHERE deleted = 0 "
                              "ORDER BY updated_at DESC, id DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (None, None)

    def last_measure_of(self, report_id: int) -> int | None:
        if not self._has_report_list():
            return None
        row = self.db.execute("SELECT last_measure_id FROM reports WHERE id = ?", [report_id]).fetchone()
        return row[0] if row else None
