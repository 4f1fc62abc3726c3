"""Dates as Thai official documents print them: Thai month names (Babel) and Buddhist Era years.

Babel knows the Thai month names but has no Buddhist calendar, so the year is
shifted here, in one place: BE = CE + 543.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel.dates import get_month_names

from ita_desktop.model.numbering import digits as write_digits

BE_OFFSET = 543
# The Thai fiscal year N (BE) runs from 1 October of year N-1 to 30 September of year N.
FISCAL_YEAR_FIRST_MONTH = 10


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


def fiscal_year_bounds(fiscal_year_be: int) -> tuple[dt.date, dt.date]:
    """First and last day (CE dates) of fiscal year ``fiscal_year_be``."""
    ce_year = fiscal_year_be - BE_OFFSET
    return dt.date(ce_year - 1, FISCAL_YEAR_FIRST_MONTH, 1), dt.date(ce_year, 9, 30)


def thai_moment(moment: dt.datetime, digits: bool = True) -> str:
    """"๖ ธ.ค. ๒๕๖๙ ๒๑:๐๑": a file's or an edit's time as a Thai clerk reads it (BE year, short month)."""
    return write_digits(f"{thai_date(moment.date(), False, short_month=True)} {moment:%H:%M}", digits)


def local_moment(stamp: str) -> dt.datetime | None:
    """A stored UTC stamp ("2026-12-04T14:05:00.123Z") in local time; None if there is none."""
    try:
        moment = dt.datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone()


def local_edit_time(stamp: str) -> str:
    """"2026-12-04 21:05" in local time, from a stored UTC stamp; "" if none (the command line's column)."""
    moment = local_moment(stamp)
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""
