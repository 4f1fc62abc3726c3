"""A laid-out line: what is drawn where, and how the extra width of a justified line is spread."""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.typesetting.justification import spread
from ita_desktop.typesetting.shaping import ShapedText

PT_PER_MM = 72.0 / 25.4


@dataclass(frozen=True)
class Segment:
    """A word part or space run in one face, with its natural width, before placement."""

    shaped: ShapedText
    style: str  # fpdf2 style: "", "B", "I" or "BI"
    size_pt: float
    width_mm: float

    @property
    def text(self) -> str:
        """The source text drawn by this segment."""
        return self.shaped.text

    @property
    def space_runs(self) -> int:
        """Runs of typed spaces, each stretched as one (a double space is not stretched twice)."""
        text = self.shaped.text
        return 1 if text and text.isspace() else text.count(" ")


@dataclass(frozen=True)
class PlacedSegment:
    """A segment at its final position; ``unit_gap_mm`` is added before each inner unit."""

    segment: Segment
    x_mm: float  # from the left edge of the measure
    unit_gap_mm: float
    space_extra_mm: float = 0.0  # added after each space character (a run's share, split among its spaces)


@dataclass(frozen=True)
class Line:
    """One line of a paragraph, ready to draw with ``Typesetter.draw_line``."""

    segments: tuple[PlacedSegment, ...]
    width_mm: float  # natural width of the content (no indent, no justification)
    height_mm: float
    baseline_mm: float  # from the top of the line box
    measure_mm: float
    indent_mm: float
    is_last: bool  # last line of the paragraph
    justified: bool

    @property
    def text(self) -> str:
        """The characters drawn on this line, in order (what a PDF viewer extracts)."""
        return "".join(placed.segment.text for placed in self.segments)


def place_segments(
    segments: list[Segment], *, measure_mm: float, indent_mm: float, align: str, justify: bool
) -> tuple[tuple[PlacedSegment, ...], bool]:
    """Positions for ``segments`` on a line; returns them and whether the line was justified."""
    natural = sum(s.width_mm for s in segments)
    slack = measure_mm - indent_mm - natural
    gap = space_extra = 0.0
    if justify and slack > 0:
        boundaries = sum(s.shaped.unit_count for s in segments) - 1
        size_mm = max(s.size_pt for s in segments) / PT_PER_MM
        spaces = sum(s.space_runs for s in segments)
        shares = spread(slack, spaces, boundaries, size_mm)
        gap, space_extra = shares.gap_mm, shares.space_extra_mm
    if gap or space_extra:
        x = indent_mm
    elif align == "right":
        x = indent_mm + slack
    elif align == "center":
        x = indent_mm + slack / 2
    else:
        x = indent_mm
    placed = []
    for index, segment in enumerate(segments):
        if index:
            x += gap  # the boundary between two segments is a unit boundary too
        characters = segment.text.count(" ")
        per_space = space_extra * segment.space_runs / characters if characters else 0.0
        placed.append(PlacedSegment(segment, x, gap, per_space))
        x += segment.width_mm + gap * (segment.shaped.unit_count - 1)
        x += per_space * characters
    return tuple(placed), bool(gap or space_extra)
