"""A section: its title (the number and count are derived, shown for reference)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from ita_desktop.i18n import _
from ita_desktop.model import headings
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.form_pages.fields import TextField
from ita_desktop.ui.form_pages.page import FormPage


class SectionForm(FormPage):
    """Title of one section."""

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.section_id: int | None = None
        self.add_row("title", self.bind("title", TextField(self, minimum_lines=2)))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.add_row("summary", self.summary)
        self.retranslate()

    def set_section(self, section_id: int) -> None:
        self.section_id = section_id
        self.load()

    def load(self) -> None:
        if self.section_id is None:
            return
        section = self.document.section(self.section_id)
        self.load_from(section)
        thai = self.document.report.thai_digits
        index = self.document.report.sections.index(section)
        self.summary.setText(headings.section_heading(section, index, thai))

    def write(self, key: str, value: Any) -> None:
        self.document.set_section_field(self.section_id, key, value)

    def retranslate(self) -> None:
        self.set_label("title", _("Section title"))
        self.set_label("summary", _("As printed"))
        self.load()
