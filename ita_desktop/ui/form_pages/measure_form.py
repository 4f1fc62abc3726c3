"""A measure: item codes (with completion from the year's catalogue), title, the five parts, table, notes."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QWidget

from ita_desktop.forms import MEASURE_EXTRAS, MEASURE_PARTS, TABLE_COLUMNS
from ita_desktop.i18n import _, current_language
from ita_desktop.model import numbering as num
from ita_desktop.ui.catalogue import catalogue_for, sort_codes
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.form_pages.fields import CheckField, LineField, TextField
from ita_desktop.ui.form_pages.page import FormPage
from ita_desktop.ui.form_pages.table_field import TableField

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_CODE_SEPARATORS = re.compile(rf"\s*(?:,|;|\s|{num.AND})\s*")


def parse_codes(text: str) -> list[str]:
    """"I1, I2 และ O3" → ["I1", "I2", "O3"]; any code may be typed, even one the catalogue lacks."""
    return [code for code in _CODE_SEPARATORS.split(text.strip()) if code]


def format_codes(codes: list[str]) -> str:
    return ", ".join(codes)


class CodeListCompleter(QCompleter):
    """Completes the code being typed after the last comma, offering "I7 – title" from the catalogue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStandardItemModel(self))
        self.setCompletionRole(CODE_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        model: QStandardItemModel = self.model()
        model.clear()
        for code, title in sort_codes(items):
            entry = QStandardItem(f"{code} – {title}" if title else code)
            entry.setData(code, CODE_ROLE)
            model.appendRow(entry)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [re.split(r"[,;\s]", path)[-1]]

    def pathFromIndex(self, index: QModelIndex) -> str:  # noqa: N802
        code = index.data(CODE_ROLE)
        text = self.widget().text() if self.widget() else ""
        head = re.match(r"^(.*[,;\s])?", text).group(0) or ""
        return head + code


class ItemCodesField(LineField):
    """The item codes a measure answers, as "I1, I2"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.completer_ = CodeListCompleter(self)
        self.setCompleter(self.completer_)
        self.completer_.activated[str].connect(lambda _text: self.edited.emit(self.text()))


def make_photos_panel(document: ReportDocument, parent: QWidget) -> QWidget:
    from ita_desktop.ui.photos_panel import PhotosPanel  # Pillow and friends: only when a measure is shown

    return PhotosPanel(document, parent)


class MeasureForm(FormPage):
    """Everything of one measure; the parts come from the shared form definition (``forms/measure.json``)."""

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.measure_id: int | None = None
        self.items = self.bind("items", ItemCodesField(self), to_model=parse_codes, from_model=format_codes)
        self.items_previous = self.bind("items_previous", CheckField(self))
        codes_row = QHBoxLayout()
        codes_row.addWidget(self.items, 1)
        codes_row.addWidget(self.items_previous)
        codes = QWidget(self)
        codes.setLayout(codes_row)
        codes_row.setContentsMargins(0, 0, 0, 0)
        self.add_row("items", codes)
        self._labels["items"].setBuddy(self.items)
        self.add_row("title", self.bind("title", LineField(self)))
        self.photos = None
        for part in MEASURE_PARTS + MEASURE_EXTRAS:
            if part.kind == "text":
                self.add_row(part.key, self.bind(part.key, TextField(self)))
            elif part.kind == "line":
                self.add_row(part.key, self.bind(part.key, LineField(self)))
            elif part.kind == "photos":
                self.photos = make_photos_panel(document, self)
                self.add_row(part.key, self.photos)
            elif part.kind == "table":
                self.table = self.bind(part.key, TableField(len(TABLE_COLUMNS), self, narrow=(0,)),
                                       to_model=lambda rows: [list(r) for r in rows])
                self.add_row(part.key, self.table)
        document.measureChanged.connect(self._changed_elsewhere)
        self.retranslate()

    def _changed_elsewhere(self, measure_id: int) -> None:
        if measure_id == self.measure_id:
            self.load()

    def set_measure(self, measure_id: int | None) -> None:
        self.measure_id = measure_id
        self.refresh_catalogue()
        if self.photos is not None:
            self.photos.set_measure(measure_id)
        self.load()

    def refresh_catalogue(self) -> None:
        year = self.document.report.fiscal_year
        self.items.completer_.set_items(catalogue_for(self.document.catalogue(year), year))

    def load(self) -> None:
        if self.measure_id is None:
            return
        try:
            measure = self.document.measure(self.measure_id)
        except KeyError:
            return  # deleted; the main window selects another node
        self.load_from(measure)

    def write(self, key: str, value: Any) -> None:
        if self.measure_id is not None:
            self.document.set_measure_field(self.measure_id, key, value)

    def retranslate(self) -> None:
        language = current_language()
        self.set_label("items", _("Assessment items"))
        self.items.setPlaceholderText(_("e.g. I1, I2 (any code may be typed)"))
        self.items_previous.setText(_("last year's items ({word})").format(word=num.PREVIOUS_ITEMS))
        self.set_label("title", _("Measure title"))
        for part in MEASURE_PARTS + MEASURE_EXTRAS:
            # Thai digits in the Thai UI, as the tree numbers the measures.
            number = f"({num.digits(part.number, language == 'th')}) " if part.number else ""
            self.set_label(part.key, number + part.label(language))
        headers = [column.label(language) for column in TABLE_COLUMNS]
        self.table.set_headers(headers)
        self.table.retranslate()
        if hasattr(self.photos, "retranslate"):
            self.photos.retranslate()
