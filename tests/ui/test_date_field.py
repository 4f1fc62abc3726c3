"""The report date in BE: typed and shown as ๓๐ กันยายน ๒๕๖๘ (or Arabic digits), the calendar in the fiscal year."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from ita_desktop.ui.form_pages.date_field import DateField, fiscal_year_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def type_into(qtbot, field: DateField, text: str) -> None:
    field.line.clear()
    field.line.insert(text)  # QTest types ASCII only; Thai arrives committed, as from an input method
    qtbot.keyClick(field.line, Qt.Key.Key_Return)


def report_form(window):
    window.editor.select("report", -1)
    return window.editor.report_form


@pytest.mark.parametrize(("thai_digits", "shown"), [(True, "๓๐ กันยายน ๒๕๖๘"), (False, "30 กันยายน 2568")])
def test_a_typed_be_date_is_stored_iso_and_shown_in_the_reports_digits(window, qtbot, thai_digits, shown):
    window.document.set_report_field("thai_digits", thai_digits)
    field = report_form(window).report_date
    type_into(qtbot, field, "30/9/2568")
    assert window.document.report.report_date == "2025-09-30"
    assert field.line.text() == shown
    type_into(qtbot, field, "๑ ต.ค. ๖๘")
    assert window.document.report.report_date == "2025-10-01"
    type_into(qtbot, field, "15 มีนาคม 2568")
    assert window.document.report.report_date == "2025-03-15"


def test_the_digit_switch_rewrites_the_date_shown(window, qtbot):
    field = report_form(window).report_date
    type_into(qtbot, field, "30 กันยายน 2568")
    window.document.set_report_field("thai_digits", False)
    assert field.line.text() == "30 กันยายน 2568"
    window.document.set_report_field("thai_digits", True)
    assert field.line.text() == "๓๐ กันยายน ๒๕๖๘"


def test_a_wrong_date_is_marked_and_stores_nothing(window, qtbot):
    field = report_form(window).report_date
    type_into(qtbot, field, "30 กันยายน 2568")
    type_into(qtbot, field, "31 กันยายน 2568")
    assert window.document.report.report_date == "2025-09-30"
    assert "border" in field.line.styleSheet() and field.line.text() == "31 กันยายน 2568"
    type_into(qtbot, field, "")
    assert window.document.report.report_date == ""


def test_the_calendar_opens_in_the_reports_fiscal_year_with_a_be_header(window, qtbot):
    window.document.set_report_field("fiscal_year", 2568)
    field = report_form(window).report_date
    popup = field.open_calendar()
    qtbot.addWidget(popup)
    calendar = popup.calendar
    first, last = dt.date(2024, 10, 1), dt.date(2025, 9, 30)
    shown = dt.date(calendar.yearShown(), calendar.monthShown(), 1)
    assert first.replace(day=1) <= shown <= last
    assert popup.year.value() == calendar.yearShown() + 543
    popup._clicked(QDate(2025, 9, 30))
    assert window.document.report.report_date == "2025-09-30"
    assert not popup.isVisible()


def test_without_a_date_the_calendar_page_is_in_the_fiscal_year():
    assert fiscal_year_page(2568, dt.date(2026, 12, 4)) == dt.date(2025, 9, 30)
    assert fiscal_year_page(2568, dt.date(2025, 1, 15)) == dt.date(2025, 1, 15)


def test_the_example_shown_in_an_empty_date_is_the_end_of_the_reports_fiscal_year(window):
    """A 2566 report's empty date showed the example "๓๐ กันยายน ๒๕๖๘" (seen under Xvfb)."""
    field = report_form(window).report_date
    window.document.set_report_field("report_date", "")
    window.document.set_report_field("fiscal_year", 2566)
    assert field.line.placeholderText() == "๓๐ กันยายน ๒๕๖๖"
    window.document.set_report_field("thai_digits", False)
    assert field.line.placeholderText() == "30 กันยายน 2566"
