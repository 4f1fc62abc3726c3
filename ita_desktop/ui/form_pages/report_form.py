"""The report header: title, agency, fiscal year, date, digits, margins and who signs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from ita_desktop.i18n import _
from ita_desktop.model import Signatory
from ita_desktop.model import numbering as num
from ita_desktop.model.report import AGENCY_KINDS
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.form_pages.date_field import DateField
from ita_desktop.ui.form_pages.fields import CheckField, LineField, MarginsField, YearField
from ita_desktop.ui.form_pages.page import FormPage
from ita_desktop.ui.form_pages.table_field import TableField


class AgencyKindField(QComboBox):
    """Free text with the usual kinds offered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.addItems(AGENCY_KINDS)
        self.setCurrentIndex(-1)
        self.edited = self.lineEdit().textEdited
        self.textActivated.connect(self.lineEdit().textEdited)

    def value(self) -> str:
        return self.currentText()

    def set_value(self, text: str) -> None:
        self.setEditText(text)


def _signatories_of(rows: list[list[str]]) -> list[Signatory]:
    return [Signatory(role=r[0], name=r[1], position=r[2]) for r in rows]


def _rows_of(signatories: list[Signatory]) -> list[list[str]]:
    return [[s.role, s.name, s.position] for s in signatories]


def _people(signatories: list[Signatory]) -> list[tuple[str, str, str]]:
    return [(s.role, s.name, s.position) for s in signatories]


class ReportForm(FormPage):
    """Header fields of the whole report."""

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.add_row("title", self.bind("title", LineField(self)))
        self.add_row("agency", self.bind("agency", LineField(self)))
        self.add_row("agency_kind", self.bind("agency_kind", AgencyKindField(self)))
        self.add_row("fiscal_year", self.bind("fiscal_year", YearField(self)))
        self.report_date = DateField(self, lambda: (self.document.report.thai_digits,
                                                    self.document.report.fiscal_year))
        self.add_row("report_date", self.bind("report_date", self.report_date))
        self.thai_digits = self.bind("thai_digits", CheckField(self))
        self.add_row("thai_digits", self.thai_digits)
        self.margins = MarginsField(self)
        self.add_row("margins_mm", self.bind("margins_mm", self.margins, to_model=tuple))
        self.signatories = TableField(3, self)  # role, full name, position
        self.signatories.edited.connect(lambda rows: self.document.set_signatories(_signatories_of(rows)))
        self.add_row("signatories", self.signatories)
        self.retranslate()

    def load(self) -> None:
        self.load_from(self.document.report)
        self.report_date.refresh()  # the digit switch may have changed, the date not
        if _people(_signatories_of(self.signatories.value())) != _people(self.document.report.signatories):
            self.signatories.set_value(_rows_of(self.document.report.signatories))

    def write(self, key: str, value: Any) -> None:
        self.document.set_report_field(key, value)

    def retranslate(self) -> None:
        for key, text in (("title", _("Report title")), ("agency", _("Agency")), ("agency_kind", _("Kind of agency")),
                          ("fiscal_year", _("Fiscal year (B.E.)")), ("report_date", _("Report date")),
                          ("thai_digits", _("Numbers")), ("margins_mm", _("Margins (left, right, top, bottom)")),
                          ("signatories", _("Signatories"))):
            self.set_label(key, text)
        self.thai_digits.setText(_("Print numbers in Thai digits ({digits})").format(digits=num.thai_digits("1 2 3")))
        self.report_date.retranslate()
        self.margins.retranslate()
        self.signatories.set_headers([_("Role"), _("Full name"), _("Position")])
        self.signatories.retranslate()
