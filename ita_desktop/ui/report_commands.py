"""Undo commands on the file's list of reports (the report shown is not among them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ita_desktop.ui.undo_commands import StoreCommand

if TYPE_CHECKING:
    from ita_desktop.ui.document import ReportDocument


class DeleteReportCommand(StoreCommand):
    """Take another report of the file out of its list; undo puts the same report back where it was."""

    def __init__(self, document: ReportDocument, report_id: int, text: str) -> None:
        super().__init__(document, text)
        self.report_id = report_id
        self.index = 0

    def do(self) -> None:
        self.index = self.store.remove_report(self.report_id)

    def revert(self) -> None:
        self.store.restore_report(self.report_id, self.index)

    def notify(self) -> None:
        self.document.reportsChanged.emit()
