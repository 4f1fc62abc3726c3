"""The report date, shown and typed as the report prints it (๓๐ กันยายน ๒๕๖๘), stored as ISO."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n import _
from ita_desktop.model.date_entry import (
    BE_OFFSET,
    fiscal_year_bounds,
    format_date_entry,
    month_key,
    parse_date_entry,
)
from ita_desktop.model.numbering import digits

# (thai_digits, fiscal_year) of the report, asked each time the date is shown or the calendar opens
ReportContext = Callable[[], tuple[bool, int]]
_THAI = QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)


@cache
def _month_names() -> tuple[list[str], dict[str, int]]:
    """Thai month names (from Qt's locale data) and every spelling the parser accepts."""
    english = QLocale(QLocale.Language.English)
    long_names = [_THAI.monthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)]
    spellings = {}
    for locale in (_THAI, english):
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            for month in range(1, 13):
                spellings[month_key(locale.monthName(month, form))] = month
    return long_names, spellings


def fiscal_year_page(fiscal_year_be: int, today: dt.date) -> dt.date:
    """Where the calendar opens without a date: today if in the fiscal year, else its last day (30 September)."""
    if not fiscal_year_be:
        return today
    first, last = fiscal_year_bounds(fiscal_year_be)
    return today if first <= today <= last else last


class BuddhistCalendar(QFrame):
    """A month calendar whose header shows the Buddhist Era year (Qt's own shows CE)."""

    chosen = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setNavigationBarVisible(False)
        self.calendar.setLocale(_THAI)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.month = QComboBox(self)
        self.month.addItems(_month_names()[0])
        self.year = QSpinBox(self)
        self.year.setRange(2400, 2700)
        self.year.setLocale(_THAI)
        self.year.setGroupSeparatorShown(False)
        self.previous, self.next = QToolButton(self), QToolButton(self)
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        header = QHBoxLayout()
        for widget in (self.previous, self.month, self.year, self.next):
            header.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.calendar)
        self.previous.clicked.connect(self.calendar.showPreviousMonth)
        self.next.clicked.connect(self.calendar.showNextMonth)
        self.month.activated.connect(lambda index: self.show_month(self.year.value() - BE_OFFSET, index + 1))
        self.year.valueChanged.connect(lambda be: self.show_month(be - BE_OFFSET, self.month.currentIndex() + 1))
        self.calendar.currentPageChanged.connect(self._page_changed)
        self.calendar.clicked.connect(self._clicked)
        self.calendar.activated.connect(self._clicked)

    def show_month(self, year_ce: int, month: int) -> None:
        self.calendar.setCurrentPage(year_ce, month)

    def open_at(self, day: dt.date, selected: bool) -> None:
        if selected:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.show_month(day.year, day.month)
        self._page_changed(day.year, day.month)

    def _page_changed(self, year_ce: int, month: int) -> None:
        self.month.setCurrentIndex(month - 1)
        self.year.blockSignals(True)
        self.year.setValue(year_ce + BE_OFFSET)
        self.year.blockSignals(False)

    def _clicked(self, date: QDate) -> None:
        self.chosen.emit(dt.date(date.year(), date.month(), date.day()))
        self.hide()


class DateField(QWidget):
    """An ISO date or none, shown in Thai with a BE year; ``edited`` fires on the clerk's entry only."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None, context: ReportContext | None = None) -> None:
        super().__init__(parent)
        self._context = context or (lambda: (True, 0))
        self._iso = ""
        self._invalid = False
        self.line = QLineEdit(self)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.popup: BuddhistCalendar | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.editingFinished.connect(self._typed)
        self.button.clicked.connect(self.open_calendar)
        self.retranslate()

    def retranslate(self) -> None:
        self.line.setPlaceholderText(self._example())
        self.button.setToolTip(_("Choose the date on a calendar"))

    def _example_day(self) -> dt.date:
        """The last day of the report's fiscal year: the example shown follows the report (a 2566 report
        showed "๓๐ กันยายน ๒๕๖๘")."""
        try:
            return fiscal_year_bounds(self._context()[1])[1]
        except (TypeError, ValueError):  # no fiscal year typed yet
            return dt.date(2025, 9, 30)

    def _example(self) -> str:
        return format_date_entry(self._example_day(), _month_names()[0], self._context()[0])

    # -- value --------------------------------------------------------------------------
    def value(self) -> str:
        return self._iso

    def set_value(self, iso: str) -> None:
        self._iso = iso if self._day(iso) is not None else ""
        self._mark(valid=True)
        self.refresh()

    def refresh(self) -> None:
        """Show the date again (the report's digit switch may have changed); a wrong entry stays to be mended."""
        self.line.setPlaceholderText(self._example())  # the report's year and digits may have changed
        if self._invalid:
            return
        day = self._day(self._iso)
        self.line.setText(format_date_entry(day, _month_names()[0], self._context()[0]) if day else "")

    @staticmethod
    def _day(iso: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(iso) if iso else None
        except ValueError:
            return None

    def _typed(self) -> None:
        text = self.line.text().strip()
        day = parse_date_entry(text, _month_names()[1]) if text else None
        if text and day is None:
            self._mark(valid=False)  # kept as typed, to be corrected; the stored date is unchanged
            return
        self._set_by_clerk(day)

    def _set_by_clerk(self, day: dt.date | None) -> None:
        iso = day.isoformat() if day else ""
        changed = iso != self._iso
        self._iso = iso
        self._mark(valid=True)
        self.refresh()
        if changed:
            self.edited.emit(iso)

    def _mark(self, valid: bool) -> None:
        self._invalid = not valid
        self.line.setStyleSheet("" if valid else "QLineEdit { border: 2px solid #b00020; }")
        if valid:
            self.line.setToolTip("")
            return
        day = self._example_day()
        self.line.setToolTip(_("Not a date. Type it as {example} or {numbers}.").format(
            example=self._example(), numbers=digits(f"{day.day}/{day.month}/{day.year + BE_OFFSET}",
                                                    self._context()[0])))

    # -- the calendar ----------------------------------------------------------------------
    def open_calendar(self) -> BuddhistCalendar:
        if self.popup is None:
            self.popup = BuddhistCalendar(self)
            self.popup.chosen.connect(self._set_by_clerk)
        day = self._day(self._iso)
        self.popup.open_at(day or fiscal_year_page(self._context()[1], dt.date.today()), day is not None)
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        return self.popup
