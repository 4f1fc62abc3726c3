"""The item catalogue per fiscal year: the file's own list, else the bundled list of the nearest year."""

from __future__ import annotations

import json
import re
from functools import cache

from ita_desktop.paths import resource

_YEAR_FILE = re.compile(r"^(\d{4})\.json$")


@cache
def bundled_years() -> tuple[int, ...]:
    folder = resource("catalogue")
    years = [int(m.group(1)) for entry in folder.iterdir() if (m := _YEAR_FILE.match(entry.name))]
    return tuple(sorted(years))


def bundled_catalogue(fiscal_year: int) -> list[tuple[str, str]]:
    """The shipped list for ``fiscal_year``, or for the closest year shipped (item lists change slowly)."""
    years = bundled_years()
    if not years:
        return []
    nearest = min(years, key=lambda year: (abs(year - fiscal_year), -year))
    data = json.loads(resource(f"catalogue/{nearest}.json").read_text(encoding="utf-8"))
    return [(code, title) for code, title in data["items"]]


def catalogue_for(store_items: list[tuple[str, str]], fiscal_year: int) -> list[tuple[str, str]]:
    """What the editor offers: the file's catalogue when it has one for the year."""
    return list(store_items) if store_items else bundled_catalogue(fiscal_year)


def sort_codes(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """I before E before O, then by number (I2 before I10), unknown shapes last."""
    order = {"I": 0, "E": 1, "O": 2}

    def key(item: tuple[str, str]) -> tuple:
        match = re.fullmatch(r"([IEO])(\d+)", item[0].strip().upper())
        if match:
            return (order[match.group(1)], int(match.group(2)), "")
        return (3, 0, item[0])

    return sorted(items, key=key)
