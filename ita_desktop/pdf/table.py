"""The tracking table: wrapped Thai cells, ruled, its header repeated at the top of every page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ita_desktop.model import TRACKING_COLUMNS
from ita_desktop.pdf.flow import Flow
from ita_desktop.pdf.style import LayoutStyle
from ita_desktop.typesetting import Line, Run, Typesetter

# Share of the text width per column, in TRACKING_COLUMNS order: "ที่" narrow, details widest.
COLUMN_WEIGHTS: tuple[float, ...] = (0.07, 0.19, 0.25, 0.15, 0.20, 0.14)
HEADER_GREY = 225
RULE_WIDTH_MM = 0.2


@dataclass(frozen=True)
class TableRow:
    """One row laid out: the lines of each cell."""

    cells: tuple[Sequence[Line], ...]
    padding_mm: float

    def content_height_mm(self) -> float:
        return max((sum(line.height_mm for line in cell) for cell in self.cells), default=0.0)

    def height_mm(self) -> float:
        return self.content_height_mm() + 2 * self.padding_mm


def column_widths(width_mm: float) -> list[float]:
    total = sum(COLUMN_WEIGHTS)
    return [width_mm * weight / total for weight in COLUMN_WEIGHTS]


@dataclass
class TrackingTableBlock:
    """The table of one measure; rows never split unless a single row is taller than a page."""

    typesetter: Typesetter
    widths: list[float]
    header: TableRow
    rows: list[TableRow]
    space_before_mm: float = 0.0
    keep_with_next: bool = False

    def height_mm(self) -> float:
        return self.header.height_mm() + sum(row.height_mm() for row in self.rows)

    def lead_height_mm(self) -> float:
        first = self.rows[0].height_mm() if self.rows else 0.0
        return self.header.height_mm() + first

    def place(self, flow: Flow) -> None:
        self._draw_row(flow, self.header, filled=True)
        for row in self.rows:
            if not flow.fits(row.height_mm()):
                if row.height_mm() <= flow.frame.height - self.header.height_mm():
                    flow.new_page()
                    self._draw_row(flow, self.header, filled=True)
                else:
                    self._draw_split_row(flow, row)
                    continue
            self._draw_row(flow, row)

    def _draw_row(self, flow: Flow, row: TableRow, *, filled: bool = False,
                  line_ranges: Sequence[tuple[int, int]] | None = None) -> None:
        pdf = flow.pdf
        ranges = line_ranges or [(0, len(cell)) for cell in row.cells]
        height = max(sum(line.height_mm for line in cell[a:b]) for cell, (a, b) in zip(row.cells, ranges,
                                                                                       strict=True))
        height += 2 * row.padding_mm
        pdf.set_line_width(RULE_WIDTH_MM)
        pdf.set_draw_color(0)
        if filled:
            pdf.set_fill_color(HEADER_GREY)
        x = flow.frame.left
        for width in self.widths:
            pdf.rect(x, flow.y, width, height, style="DF" if filled else "D")
            x += width
        x = flow.frame.left
        for width, cell, (a, b) in zip(self.widths, row.cells, ranges, strict=True):
            y = flow.y + row.padding_mm
            for line in cell[a:b]:
                self.typesetter.draw_line(line, x + row.padding_mm, y)
                y += line.height_mm
            x += width
        flow.y += height

    def _draw_split_row(self, flow: Flow, row: TableRow) -> None:
        """A row taller than a page: as many lines of each cell as fit, the rest on the next page."""
        starts = [0] * len(row.cells)
        while any(start < len(cell) for start, cell in zip(starts, row.cells, strict=True)):
            room = flow.remaining_mm - 2 * row.padding_mm
            ranges = []
            for start, cell in zip(starts, row.cells, strict=True):
                end, used = start, 0.0
                while end < len(cell) and used + cell[end].height_mm <= room + 1e-6:
                    used += cell[end].height_mm
                    end += 1
                ranges.append((start, end))
            if all(a == b for a, b in ranges) and not flow.at_page_top:
                flow.new_page()
                self._draw_row(flow, self.header, filled=True)
                continue
            self._draw_row(flow, row, line_ranges=ranges)
            starts = [end for _, end in ranges]
            if any(start < len(cell) for start, cell in zip(starts, row.cells, strict=True)):
                flow.new_page()
                self._draw_row(flow, self.header, filled=True)


def tracking_table(typesetter: Typesetter, style: LayoutStyle, rows: Sequence[Sequence[str]],
                   width_mm: float) -> TrackingTableBlock | None:
    """The table block for ``rows`` (cells in TRACKING_COLUMNS order), None when there are none."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return None
    widths = column_widths(width_mm)
    pad = style.cell_padding_mm

    def cell_lines(text: str, width: float, *, bold: bool = False, align: str = "left") -> Sequence[Line]:
        return typesetter.layout([Run(text, bold=bold)], width - 2 * pad, style.small_pt, align=align)

    header = TableRow(tuple(cell_lines(title, w, bold=True, align="center")
                            for (_, title), w in zip(TRACKING_COLUMNS, widths, strict=True)), pad)
    body = []
    for row in rows:
        cells = (list(row) + [""] * len(widths))[:len(widths)]
        body.append(TableRow(tuple(
            cell_lines(text, w, align="center" if index == 0 else "left")
            for index, (text, w) in enumerate(zip(cells, widths, strict=True))), pad))
    return TrackingTableBlock(typesetter, widths, header, body, space_before_mm=style.space_part_mm * 2)
