"""Dates as Thai official documents print them: Thai month names (Babel) and Buddhist Era years.

Babel knows the Thai month names but has no Buddhist calendar, so the year is
shifted by BE = CE + 543; that offset and the fiscal year's bounds live in the
Babel-free ``model.date_entry`` (the editor's date field needs them at start-up).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel.dates import get_month_names

from ita_desktop.model.date_entry import BE_OFFSET, FISCAL_YEAR_FIRST_MONTH, fiscal_year_bounds
from ita_desktop.model.numbering import digits as write_digits

__all__ = ["BE_OFFSET", "be_year", "fiscal_year_bounds", "fiscal_year_of", "local_edit_time", "thai_date",
           "thai_moment"]


@cache
def _month_names(width: str) -> dict[int, str]:
    return dict(get_month_names(width, locale="th"))


def be_year(day: dt.date) -> int:
    """The Buddhist Era year of ``day`` (2023 CE -> 2566)."""
    return day.year + BE_OFFSET


def thai_date(day: dt.date | str, digits: bool = True, *, short_month: bool = False) -> str:
    """"๗ พฤษภาคม ๒๕๖๔" for 2021-05-07 (Arabic digits with ``digits=False``).

    ``day`` may be an ISO string ("2021-05-07"), as :attr:`Report.report_date` stores it.
    ``short_month`` gives the abbreviated month ("๗ พ.ค. ๒๕๖๔").
    """
    if isinstance(day, str):
        day = dt.date.fromisoformat(day.strip())
    month = _month_names("abbreviated" if short_month else "wide")[day.month]
    return write_digits(f"{day.day} {month} {be_year(day)}", digits)


def fiscal_year_of(day: dt.date) -> int:
    """The Thai government fiscal year (BE) that ``day`` falls in: 1 Oct 2022 .. 30 Sep 2023 -> 2566."""
    year = be_year(day)
    return year + 1 if day.month >= FISCAL_YEAR_FIRST_MONTH else year


def thai_moment(moment: dt.datetime) -> str:
    """"๖ ธ.ค. ๒๕๖๙ ๒๑:๐๑": a file's or an edit's time as a Thai clerk reads it (BE year, short month)."""
    return write_digits(f"{thai_date(moment.date(), False, short_month=True)} {moment:%H:%M}", True)


def local_edit_time(stamp: str, thai: bool = False) -> str:
    """A stored UTC stamp ("2026-12-04T14:05:00.123Z") in local time: "2026-12-04 21:05" (the command line's
    column), or with ``thai`` "๔ ธ.ค. ๒๕๖๙ ๒๑:๐๕" (not a Christian-era "๒๐๒๖-๑๒-๐๔"); "" if none."""
    try:
        moment = dt.datetime.fromisoformat(stamp.strip())
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    moment = moment.astimezone()
    return thai_moment(moment) if thai else moment.strftime("%Y-%m-%d %H:%M")
