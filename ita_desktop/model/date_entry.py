"""A date as the clerk types it: "๓๐ กันยายน ๒๕๖๘", "30 ก.ย. 68", "30/9/2568" (Buddhist Era) or ISO.

No calendar library here (the window reads its month names from Qt's locale data); the
year is Buddhist Era unless it is plainly a CE year, as in a pasted ISO date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from ita_desktop.model.numbering import arabic_digits, digits

BE_OFFSET = 543
# The Thai fiscal year N (BE) runs from 1 October of year N-1 to 30 September of year N.
FISCAL_YEAR_FIRST_MONTH = 10
_CE_BEFORE = 2400  # a four-digit year below this is CE (2025); 2400 and above is BE (2568)
_ERA = re.compile(r"(พ\s*\.\s*ศ\s*\.?|b\s*\.?\s*e\s*\.?)(?=\s*\d)", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})$")
_WORDS = re.compile(r"^(\d{1,2})\s*([^\d]+?)\s*(\d{2,4})$")


def month_key(name: str) -> str:
    """"ก.ย." and "กย" and "Sept" and "sept." look the same to the parser."""
    return re.sub(r"[\s.]", "", name).casefold()


def _year_ce(year: int, width: int) -> int:
    if width <= 2:
        return 2500 + year - BE_OFFSET  # "68": BE 2568
    return year - BE_OFFSET if year >= _CE_BEFORE else year


def _date(year_ce: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year_ce, month, day)
    except ValueError:
        return None


def parse_date_entry(text: str, months: Mapping[str, int]) -> dt.date | None:
    """The date ``text`` names, or None. ``months`` maps :func:`month_key` of each month name to 1..12."""
    plain = _ERA.sub(" ", arabic_digits(text)).strip()
    if not plain:
        return None
    numeric = _NUMERIC.match(plain)
    if numeric:
        first, month, last = numeric.groups()
        if len(first) == 4:  # year first: 2025-09-30, 2568-09-30
            return _date(_year_ce(int(first), 4), int(month), int(last))
        return _date(_year_ce(int(last), len(last)), int(month), int(first))
    words = _WORDS.match(plain)
    if words:
        day, name, year = words.groups()
        month = months.get(month_key(name))
        if month is not None:
            return _date(_year_ce(int(year), len(year)), month, int(day))
    return None


def format_date_entry(day: dt.date, month_names: Sequence[str], thai_digits: bool) -> str:
    """"๓๐ กันยายน ๒๕๖๘" (``month_names`` from January; Arabic digits unless ``thai_digits``)."""
    return digits(f"{day.day} {month_names[day.month - 1]} {day.year + BE_OFFSET}", thai_digits)


def fiscal_year_bounds(fiscal_year_be: int) -> tuple[dt.date, dt.date]:
    """First and last day (CE dates) of fiscal year ``fiscal_year_be``."""
    ce_year = fiscal_year_be - BE_OFFSET
    return dt.date(ce_year - 1, FISCAL_YEAR_FIRST_MONTH, 1), dt.date(ce_year, 9, 30)
