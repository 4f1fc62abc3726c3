"""Word tables: tell a tracking table (data) from a layout table (photo grid, sign-offs side by side).

A clerk uses Word tables for two different things. A table of data rows is a
tracking table and goes to the measure as rows of cells. A table that holds
pictures, sign-off blocks or a single column of text is only layout: its cells
are read as ordinary paragraphs, in reading order, with a row of captions
under a row of photos paired column by column (photo, its caption, next photo).
A table whose first column holds part labels ("ขั้นตอนหรือวิธีดำเนินการ" | text)
is a measure laid out as a form: each row reads as "label : text".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ita_desktop.importing.patterns import means_no_photo, read_paren_number, read_part
from ita_desktop.importing.signoff import read_role_signoff, read_signature_line
from ita_desktop.importing.source import SourcePicture

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Pieces = list[str | SourcePicture]


@dataclass
class CellContent:
    """The paragraphs of one cell, each as text pieces and pictures in order."""

    paragraphs: list[Pieces] = field(default_factory=list)

    @property
    def text(self) -> str:
        lines = ("".join(p for p in pieces if isinstance(p, str)) for pieces in self.paragraphs)
        return "\n".join(line for line in lines if line.strip()).strip()

    @property
    def has_pictures(self) -> bool:
        return any(not isinstance(p, str) for pieces in self.paragraphs for p in pieces)

    @property
    def is_empty(self) -> bool:
        return not self.has_pictures and not self.text


@dataclass
class TableLayout:
    """Either ``rows`` (a tracking table) or ``cells`` (layout, in reading order)."""

    rows: list[list[str]] | None = None
    cells: list[CellContent] = field(default_factory=list)


def _rows(table: etree._Element) -> list[etree._Element]:
    """The rows Word shows: a row deleted with changes tracked (w:trPr/w:del) is gone once accepted."""
    found = []
    for child in table:
        if child.tag == f"{W}tr":
            found.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):  # rows wrapped in a content control
            found.extend(child.iter(f"{W}tr"))
    return [row for row in found if row.find(f"{W}trPr/{W}del") is None]


def _cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row.iter(f"{W}tc") if _owning_row(cell) is row]


def _owning_row(cell: etree._Element) -> etree._Element | None:
    parent = cell.getparent()
    while parent is not None and parent.tag != f"{W}tr":
        parent = parent.getparent()
    return parent


def _is_signoff(cell: CellContent) -> bool:
    first = cell.text.split("\n", 1)[0] if cell.text else ""
    return bool(first) and (read_role_signoff(first) is not None or read_signature_line(first) is not None)


def _is_layout(grid: list[list[CellContent]]) -> bool:
    cells = [cell for row in grid for cell in row]
    if any(cell.has_pictures or _is_signoff(cell) for cell in cells):
        return True
    return max((len(row) for row in grid), default=0) <= 1  # a framed single column of text


def _label_text(cell: CellContent) -> str | None:
    """The part label a cell holds alone, perhaps numbered ("(๑.๑) ขั้นตอนหรือวิธีดำเนินการ"), or None.

    A narrow label cell is often wrapped by hand ("หน่วยงาน⏎ผู้รับผิดชอบ"): Thai words
    run on without a space, so the lines are joined as one label, a number by a space.
    """
    text = cell.text.strip().rstrip(":：").strip()
    if not text or cell.has_pictures:
        return None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    numbered = read_paren_number(lines[0]) if len(lines) > 1 else None
    if numbered is not None and not numbered.body:  # "(๒.๑)" alone on the first line
        lines = [lines[0] + " " + lines[1], *lines[2:]]
    for label in ("".join(lines), " ".join(lines)):
        number = read_paren_number(label)
        part = read_part(number.body if number else label, True)
        if part is not None and not part.body:
            return label
    return None


def _is_part_label(cell: CellContent) -> bool:
    return _label_text(cell) is not None


def _is_form(grid: list[list[CellContent]]) -> bool:
    """Rows that open with a part label: two of them, or one in a narrow table (label | text, label | : | text).

    A wide data table with one row that starts like a label ("ผลการดำเนินงาน" …) stays a data table.
    """
    labelled = sum(1 for row in grid if len(row) >= 2 and _is_part_label(row[0]))
    return labelled >= 2 or (labelled == 1 and max(len(row) for row in grid) <= 3)


def _form_rows(grid: list[list[CellContent]]) -> list[CellContent]:
    """Each labelled row as one cell: "label : first paragraph", then its other paragraphs and pictures."""
    merged = []
    for row in grid:
        if len(row) < 2 or not _is_part_label(row[0]):
            merged.extend(cell for cell in row if not cell.is_empty)
            continue
        label = _label_text(row[0]) + " : "
        paragraphs = [pieces for cell in row[1:] for pieces in cell.paragraphs]
        starts_with_text = paragraphs and all(isinstance(p, str) for p in paragraphs[0]) and \
            "".join(paragraphs[0]).strip()
        if starts_with_text:  # the body's first line follows the label, as typed on one line
            merged.append(CellContent([[label, *paragraphs[0]], *paragraphs[1:]]))
        else:  # pictures (or nothing) first: the label stands alone above them
            merged.append(CellContent([[label], *paragraphs]))
    return merged


def _signoff_band(grid: list[list[CellContent]], index: int) -> int:
    """How many rows from ``index`` make one band of sign-off blocks laid out a line per row (0: none).

    "ลงชื่อ … ผู้จัดทำ | ลงชื่อ … ผู้อนุมัติ", then a row of names, then a row of positions:
    each column is one person's block, read top to bottom before the next column.
    """
    row = grid[index]
    if len(row) < 2 or not any(_is_signoff(cell) for cell in row):
        return 0
    end = index + 1
    while end < len(grid) and len(grid[end]) == len(row) and not any(
            _is_signoff(cell) or cell.has_pictures for cell in grid[end]):
        end += 1
    return end - index if end > index + 1 else 0


def _reading_order(grid: list[list[CellContent]]) -> list[CellContent]:
    """Row by row; a text-only row right under a picture row of as many cells holds their captions;
    side-by-side sign-off blocks a line per row are read column by column."""
    ordered: list[CellContent] = []
    index = 0
    while index < len(grid):
        row = grid[index]
        band = _signoff_band(grid, index)
        if band:
            for column in range(len(row)):
                ordered.extend(cell for r in grid[index:index + band] if not (cell := r[column]).is_empty)
            index += band
            continue
        below = grid[index + 1] if index + 1 < len(grid) else []
        filled = [cell for cell in row if not cell.is_empty]
        # "-" or "ไม่มี" in a slot of a photo row holds no photo (and its caption slot no caption).
        photos = [cell for cell in filled if not means_no_photo(cell.text) or cell.has_pictures]
        pictures_only = photos and all(cell.has_pictures and not cell.text for cell in photos)
        captions = len(below) == len(row) and any(c.text for c in below) and not any(c.has_pictures for c in below)
        if pictures_only and captions:
            for picture, caption in zip(row, below, strict=True):
                if picture.has_pictures or not means_no_photo(picture.text):  # "-": slot and caption are empty
                    ordered.extend(cell for cell in (picture, caption) if not cell.is_empty)
            index += 2
            continue
        ordered.extend(filled)
        index += 1
    return ordered


def read_table(table: etree._Element, read_cell: Callable[[etree._Element], CellContent]) -> TableLayout:
    """Classify a w:tbl and return its data rows or its cells in reading order."""
    return read_grid([[read_cell(cell) for cell in _cells(row)] for row in _rows(table)])


def read_grid(grid: list[list[CellContent]]) -> TableLayout:
    """Classify a table given as rows of cells (from Word or OpenDocument): data rows, or cells in reading order."""
    grid = [row for row in grid if row]
    if _is_form(grid):
        return TableLayout(cells=_form_rows(grid))
    if _is_layout(grid):
        return TableLayout(cells=_reading_order(grid))
    return TableLayout(rows=[[cell.text for cell in row] for row in grid])
