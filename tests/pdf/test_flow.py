"""The flow: page breaks, space dropped at the top of a page, headings kept with what follows."""

from __future__ import annotations

from dataclasses import dataclass, field

from ita_desktop.pdf.document import Frame, ReportDocument
from ita_desktop.pdf.flow import Flow

FRAME = Frame(left=30, top=25, width=160, bottom=277)  # 252 mm of text height


@dataclass
class FakeBlock:
    """A block of fixed height that records where it was placed."""

    height: float
    space_before_mm: float = 0.0
    keep_with_next: bool = False
    lead: float | None = None
    placed: list[tuple[int, float]] = field(default_factory=list)

    def height_mm(self) -> float:
        return self.height

    def lead_height_mm(self) -> float:
        return self.height if self.lead is None else self.lead

    def place(self, flow: Flow) -> None:
        self.placed.append((flow.pdf.page, flow.y))
        flow.y += self.height


def _run(blocks):
    flow = Flow(ReportDocument(FRAME), FRAME)
    flow.run(blocks)
    return flow


def test_blocks_go_down_the_page_with_their_space_before():
    a, b = FakeBlock(10), FakeBlock(20, space_before_mm=5)
    _run([a, b])
    assert a.placed == [(1, 25)] and b.placed == [(1, 40)]


def test_a_block_that_does_not_fit_starts_a_new_page_without_space_above():
    filler, late = FakeBlock(240), FakeBlock(20, space_before_mm=5)
    _run([filler, late])
    assert late.placed == [(2, 25)]


def test_heading_is_not_left_alone_at_the_foot_of_a_page():
    filler = FakeBlock(230)
    heading = FakeBlock(8, space_before_mm=4, keep_with_next=True)
    paragraph = FakeBlock(60, lead=12)  # two lines must come with the heading
    _run([filler, heading, paragraph])
    assert heading.placed[0][0] == 2 and paragraph.placed[0][0] == 2


def test_heading_stays_when_two_lines_fit_below_it():
    filler = FakeBlock(220)
    heading = FakeBlock(8, keep_with_next=True)
    paragraph = FakeBlock(60, lead=12)
    _run([filler, heading, paragraph])
    assert heading.placed[0][0] == 1 and paragraph.placed[0][0] == 1


def test_chained_headings_move_together():
    filler = FakeBlock(225)
    section = FakeBlock(8, keep_with_next=True)
    group = FakeBlock(8, space_before_mm=3, keep_with_next=True)
    paragraph = FakeBlock(60, lead=12)
    _run([filler, section, group, paragraph])
    assert section.placed[0][0] == group.placed[0][0] == paragraph.placed[0][0] == 2


def test_block_taller_than_a_page_is_placed_at_the_top_rather_than_looping():
    huge = FakeBlock(400)
    flow = _run([FakeBlock(10), huge])
    assert huge.placed == [(2, 25)] and flow.pdf.page == 2
