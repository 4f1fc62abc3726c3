"""The list of Find results: where each hit is (measure and part) and its line with the hit highlighted."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ita_desktop.forms import MEASURE_EXTRAS, MEASURE_PARTS
from ita_desktop.i18n import _, current_language
from ita_desktop.model import Report, headings
from ita_desktop.model import numbering as num
from ita_desktop.text_search import Hit, TextPlace, read_place

CONTEXT_CHARS = 40  # of the line on each side of the hit
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1  # (before, hit, after)
HIT_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


def snippet(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The hit with some of its own line around it (… where the line goes on)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before_start = max(line_start, start - CONTEXT_CHARS)
    after_end = min(line_end, end + CONTEXT_CHARS)
    before = ("…" if before_start > line_start else "") + text[before_start:start]
    after = text[end:after_end] + ("…" if after_end < line_end else "")
    return before, text[start:end], after


class PlaceLabels:
    """Labels of places for one state of the report, the part first: "(๓) สรุปผลการดำเนินการ – มาตรการเกี่ยวกับ…".

    The list is narrow: the end of a long label is what gets cut, so the number and the part come first.
    """

    def __init__(self, report: Report) -> None:
        thai = report.thai_digits
        self.titles: dict[tuple[str, int], str] = {}
        self.numbers: dict[int, str] = {}
        for s_index, section in enumerate(report.sections):
            self.titles[("section", section.id)] = headings.section_heading(section, s_index, thai)
            for g_index, group in enumerate(section.groups):
                self.titles[("group", group.id)] = headings.group_heading(group, s_index, g_index, thai)
                for m_index, measure in enumerate(group.measures):
                    self.numbers[measure.id] = num.measure_label(group, m_index, thai)
                    self.titles[("measure", measure.id)] = measure.title.strip() or _("Untitled measure")

    def label(self, place: TextPlace) -> str:
        language = current_language()
        if place.kind == "report":
            fields = {"title": _("Report title"), "agency": _("Agency"), "agency_kind": _("Kind of agency")}
            report = _("Report header")  # outside the f-string, where the extractor finds it
            return f"{report} – {fields[place.key]}"
        if place.kind == "signatory":
            signatories = _("Signatories")
            return f"{signatories} – {self._column(place.key)}"
        if place.kind in ("section", "group"):
            return self.titles.get((place.kind, place.owner_id), "")
        if place.kind == "photo":
            return self._measure_label(place.measure_id, _("Photo caption"))
        parts = {part.key: part.label(language) for part in MEASURE_PARTS + MEASURE_EXTRAS}
        part = _("Measure title") if place.key == "title" else parts.get(place.key, place.key)
        return self._measure_label(place.owner_id, part)

    def _measure_label(self, measure_id: int | None, part: str) -> str:
        number = self.numbers.get(measure_id, "")
        return " ".join(p for p in (number, part, "–", self.titles.get(("measure", measure_id), "")) if p)

    @staticmethod
    def _column(key: str) -> str:
        return {"role": _("Role"), "name": _("Full name"), "position": _("Position")}[key]


class FindResultsModel(QAbstractTableModel):
    """One row per hit: where, and the line around it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self._rows: list[tuple[str, tuple[str, str, str]]] = []

    def set_hits(self, report: Report | None, hits: list[Hit]) -> None:
        self.beginResetModel()
        labels = PlaceLabels(report or Report())
        texts: dict[TextPlace, str] = {}
        self.hits = list(hits)
        self._rows = []
        for hit in self.hits:
            text = texts.get(hit.place)
            if text is None:
                text = texts[hit.place] = read_place(report, hit.place)
            self._rows.append((labels.label(hit.place), snippet(text, hit.start, hit.end)))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _TOP) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _TOP) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        where, (before, hit, after) = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return where if index.column() == 0 else before + hit + after
        if role == SNIPPET_ROLE and index.column() == 1:
            return before, hit, after
        if role == HIT_ROLE:
            return self.hits[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section in (0, 1):
            return (_("Where"), _("Text"))[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class HitDelegate(QStyledItemDelegate):
    """Paints the line with the hit in bold on a yellow marker, as Word's "highlight all"."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument | None:
        parts = index.data(SNIPPET_ROLE)
        if not parts:
            return None
        before, hit, after = (html.escape(p) for p in parts)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(f"{before}<b style='background-color:#ffe066;color:#000'>{hit}</b>{after}")
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        document = self._document(option, index)
        if document is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        document = self._document(option, index)
        if document is None:
            return super().sizeHint(option, index)
        return QSize(round(document.idealWidth()), round(document.size().height()))
