"""The file's reports as a Qt list model: fiscal year, agency and title, the one shown in bold."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ita_desktop.i18n import _, current_language
from ita_desktop.messages import Message
from ita_desktop.model import ReportSummary
from ita_desktop.model import numbering as num
from ita_desktop.ui.document import ReportDocument

REPORT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


def report_line(summary: ReportSummary, thai: bool) -> str:
    """"๒๕๖๘ · อบต.บางรัก · รายงานผล…": what tells one report of the file from another."""
    year = num.digits(summary.fiscal_year, thai) if summary.fiscal_year else "–"
    return " · ".join(part for part in (year, summary.agency.strip(), summary.title.strip()) if part)


class ReportListModel(QAbstractListModel):
    """Read-only list of the document's reports, re-read whenever the file's list or the shown report changes."""

    def __init__(self, document: ReportDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._reports: list[ReportSummary] = self._read()
        document.reportsChanged.connect(self.refresh)
        document.reportChanged.connect(self._shown_changed)  # the shown report's year, agency or title
        document.structureChanged.connect(self.refresh)  # its measure count

    def _read(self) -> list[ReportSummary]:
        return self.document.reports()

    def refresh(self) -> None:
        reports = self._read()
        if [r.id for r in reports] != [r.id for r in self._reports]:
            self.beginResetModel()
            self._reports = reports
            self.endResetModel()
        elif reports != self._reports:
            self._reports = reports
            self.dataChanged.emit(self.index(0), self.index(len(reports) - 1))

    def _shown_changed(self) -> None:
        # Typing in the header: the shown entry is redrawn from memory, the file is not asked (every keystroke).
        row = self.row_of(self.document.report_id)
        if row < 0:
            return self.refresh()
        shown = self.document.report
        updated = replace(self._reports[row], title=shown.title, agency=shown.agency, fiscal_year=shown.fiscal_year)
        if updated != self._reports[row]:
            self._reports[row] = updated
            self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: AnyIndex = _TOP) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._reports)

    def report_id(self, row: int) -> int:
        return self._reports[row].id

    def row_of(self, report_id: int) -> int:
        """The row of ``report_id``, or -1."""
        return next((row for row, r in enumerate(self._reports) if r.id == report_id), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._reports):
            return None
        summary = self._reports[index.row()]
        thai = current_language() == "th"
        if role == Qt.ItemDataRole.DisplayRole:
            return report_line(summary, thai)
        if role == Qt.ItemDataRole.ToolTipRole:
            count = Message.plural("{count} measure", "{count} measures", summary.measure_count).text()
            from ita_desktop.model.thai_date import local_edit_time  # Babel: not at start-up

            edited = _("last edited {when}").format(when=local_edit_time(summary.updated_at, thai))
            return f"{report_line(summary, thai)}\n{count}, {edited}"
        if role == Qt.ItemDataRole.FontRole and summary.id == self.document.report_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == REPORT_ID_ROLE:
            return summary.id
        return None
