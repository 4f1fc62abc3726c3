"""Tracking-table rows: drop the header row, pad short rows, report rows wider than the columns."""

from __future__ import annotations

from ita_desktop.model import TRACKING_COLUMNS

_HEADERS = [header for _, header in TRACKING_COLUMNS]


def _squash(cell: str) -> str:
    return "".join(cell.split())


def is_header_row(cells: list[str]) -> bool:
    """A row that repeats the tracking column headers (most of them, in order or not)."""
    known = {_squash(h) for h in _HEADERS}
    matches = sum(1 for cell in cells if _squash(cell) in known)
    return matches >= max(2, len(_HEADERS) // 2)


def tracking_rows(table: list[list[str]]) -> tuple[list[list[str]], list[int]]:
    """The data rows as TRACKING_COLUMNS cells, and the widths of rows that have more cells."""
    rows, wide = [], []
    for row in table:
        cells = [cell.strip() for cell in row]
        while len(cells) > len(_HEADERS) and not cells[-1]:
            cells.pop()  # trailing empty cells from a final tab are not data
        if not any(cells) or is_header_row(cells):
            continue
        if len(cells) > len(_HEADERS):
            wide.append(len(cells))  # kept whole: no cell is dropped or merged
        rows.append(cells + [""] * (len(_HEADERS) - len(cells)))
    return rows, wide
