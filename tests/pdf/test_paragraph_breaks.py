"""Page breaks inside a paragraph: never one line alone at the foot or the head of a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest

from ita_desktop.pdf.paragraph import ParagraphBlock


@dataclass
class FakeFlow:
    """A frame ``room`` lines tall on the first page; later pages are empty."""

    room: float
    page: int = 1
    y: float = 0.0
    frame: SimpleNamespace = field(default_factory=lambda: SimpleNamespace(left=0.0, height=100.0))

    def fits(self, height: float) -> bool:
        limit = self.room if self.page == 1 else self.frame.height
        return self.y + height <= limit + 1e-9

    def new_page(self) -> None:
        self.page += 1
        self.y = 0.0


class RecordingTypesetter:
    def __init__(self, flow: FakeFlow) -> None:
        self.flow, self.pages = flow, []

    def draw_line(self, line, x_mm: float, y_mm: float) -> None:
        self.pages.append(self.flow.page)


def _place(line_count: int, room_lines: int) -> list[int]:
    flow = FakeFlow(room=float(room_lines))
    typesetter = RecordingTypesetter(flow)
    block = ParagraphBlock(typesetter, [SimpleNamespace(height_mm=1.0) for _ in range(line_count)])
    if not flow.fits(block.lead_height_mm()):
        flow.new_page()
    block.place(flow)
    return typesetter.pages


@pytest.mark.parametrize("lines,room,expected", [
    (4, 3, [1, 1, 2, 2]),   # not 3 + 1: the last line would stand alone
    (3, 2, [2, 2, 2]),      # too short to split 2 + 1: the whole paragraph moves on
    (5, 4, [1, 1, 1, 2, 2]),
    (6, 2, [1, 1, 2, 2, 2, 2]),
    (2, 1, [2, 2]),
])
def test_no_line_stands_alone(lines, room, expected):
    assert _place(lines, room) == expected
