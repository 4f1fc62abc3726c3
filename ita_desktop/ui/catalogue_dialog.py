"""Edit the item catalogue (codes and titles) of one fiscal year, stored in the report file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from ita_desktop.i18n import _
from ita_desktop.ui.catalogue import bundled_catalogue, catalogue_for, sort_codes
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.form_pages.fields import YearField
from ita_desktop.ui.form_pages.table_field import TableField


class CatalogueDialog(QDialog):
    """Codes and titles per fiscal year; any code may still be typed in a measure."""

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.year = YearField(self)
        self.year.set_value(document.report.fiscal_year or 2566)
        self.year.edited.connect(lambda _y: self.load())
        self.items = TableField(2, self)
        self.defaults = QPushButton(self)
        self.defaults.clicked.connect(self.load_defaults)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QFormLayout()
        self.year_row_label = top
        top.addRow(_("Fiscal year (B.E.)"), self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.defaults)
        layout.addWidget(self.buttons)
        self.setWindowTitle(_("Item catalogue"))
        self.defaults.setText(_("Replace with the bundled list"))
        self.items.set_headers([_("Code"), _("Title")])
        self.resize(640, 560)
        self.load()

    def load(self) -> None:
        year = self.year.value()
        self.items.set_value([list(item) for item in catalogue_for(self.document.catalogue(year), year)])

    def load_defaults(self) -> None:
        self.items.set_value([list(item) for item in bundled_catalogue(self.year.value())])

    def entries(self) -> list[tuple[str, str]]:
        seen, entries = set(), []
        for code, title in self.items.value():
            code = code.strip()
            if code and code not in seen:
                seen.add(code)
                entries.append((code, title.strip()))
        return sort_codes(entries)

    def accept(self) -> None:
        self.document.set_catalogue(self.year.value(), self.entries())
        super().accept()
