"""A laid-out paragraph as a flow block: lines drawn one by one, breaking pages between lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ita_desktop.pdf.flow import Flow
from ita_desktop.typesetting import Line, Typesetter

# Never leave fewer than this many lines of a paragraph alone at the foot or the head of a page.
MIN_LINES_TOGETHER = 2


@dataclass
class ParagraphBlock:
    """Lines of one paragraph at ``x_mm`` inside the frame (orphan and widow controlled)."""

    typesetter: Typesetter
    lines: Sequence[Line]
    x_mm: float = 0.0
    space_before_mm: float = 0.0
    keep_with_next: bool = False

    def height_mm(self) -> float:
        return sum(line.height_mm for line in self.lines)

    def lead_height_mm(self) -> float:
        """What must fit to start here: two lines, or all of a paragraph too short to split well."""
        if len(self.lines) < 2 * MIN_LINES_TOGETHER:
            return self.height_mm()
        return sum(line.height_mm for line in self.lines[:MIN_LINES_TOGETHER])

    def place(self, flow: Flow) -> None:
        lines = self.lines
        on_this_page = 0
        for index, line in enumerate(lines):
            rest = lines[index:]
            if not flow.fits(line.height_mm) or self._would_leave_widow(flow, rest, on_this_page):
                flow.new_page()
                on_this_page = 0
            self.typesetter.draw_line(line, flow.frame.left + self.x_mm, flow.y)
            flow.y += line.height_mm
            on_this_page += 1

    @staticmethod
    def _would_leave_widow(flow: Flow, rest: Sequence[Line], on_this_page: int) -> bool:
        """Break early so the last page of a paragraph starts with at least two lines."""
        # Moving the last two lines on still leaves ``on_this_page`` lines here: at least two.
        if len(rest) != MIN_LINES_TOGETHER or on_this_page < MIN_LINES_TOGETHER:
            return False
        needed = sum(line.height_mm for line in rest)
        return not flow.fits(needed) and flow.fits(rest[0].height_mm)
