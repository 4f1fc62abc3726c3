"""Fill lines greedily from measured word widths; split an over-long word by clusters only."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ita_desktop.typesetting.lines import Segment
from ita_desktop.typesetting.segmentation import Token, cluster_starts, tokenize_paragraph

_EPSILON_MM = 1e-6

# Builds the segments (one per style span) for text[start:end] of the current paragraph.
SegmentMaker = Callable[[int, int], list[Segment]]


def break_lines(
    text: str, make_segments: SegmentMaker, *, measure_mm: float, first_indent_mm: float
) -> list[list[Segment]]:
    """Break one hard line of ``text`` (no "\\n") into lines of segments within the measure."""
    breaker = _GreedyBreaker(text, make_segments, measure_mm, first_indent_mm)
    for token in tokenize_paragraph(text):
        breaker.add(token)
    return breaker.finish()


class _GreedyBreaker:
    """First-fit line filling: one pass, each word measured once (widths are cached)."""

    def __init__(
        self, text: str, make_segments: SegmentMaker, measure_mm: float, first_indent_mm: float
    ) -> None:
        self.text = text
        self.make_segments = make_segments
        self.measure_mm = measure_mm
        self.lines: list[list[Segment]] = []
        self.current: list[Segment] = []
        self.current_width = 0.0
        self.pending_spaces: list[Segment] = []
        self.available = measure_mm - first_indent_mm

    def add(self, token: Token) -> None:
        segments = self.make_segments(token.start, token.end)
        width = sum(s.width_mm for s in segments)
        if token.is_space:
            if not self.lines and not self.current:
                self._append(segments, width)  # indentation the clerk typed stays
            elif self.current:
                self.pending_spaces = segments  # a space at a break is dropped
            return
        spaces_width = sum(s.width_mm for s in self.pending_spaces)
        if self.current and self.current_width + spaces_width + width <= self.available + _EPSILON_MM:
            self._append(self.pending_spaces, spaces_width)
            self._append(segments, width)
        elif not self.current and width <= self.available + _EPSILON_MM:
            self._append(segments, width)
        else:
            if self.current:
                self._new_line()
            if width <= self.available + _EPSILON_MM:
                self._append(segments, width)
            else:
                self._add_overlong(token)
        self.pending_spaces = []

    def finish(self) -> list[list[Segment]]:
        if self.current or not self.lines:
            self.lines.append(self.current)
        return [line for line in self.lines if line]

    def _append(self, segments: Sequence[Segment], width: float) -> None:
        self.current.extend(segments)
        self.current_width += width

    def _new_line(self) -> None:
        self.lines.append(self.current)
        self.current, self.current_width = [], 0.0
        self.available = self.measure_mm

    def _add_overlong(self, token: Token) -> None:
        """Last resort for a word wider than a whole line: break between grapheme clusters."""
        make = self.make_segments
        word = self.text[token.start:token.end]
        bounds = [token.start + i for i in cluster_starts(word)] + [token.end]
        # Estimate with each cluster measured alone (linear), then confirm by shaping the part.
        cluster_widths = [
            sum(s.width_mm for s in make(a, b)) for a, b in zip(bounds, bounds[1:], strict=False)
        ]
        first = 0
        while first < len(cluster_widths):
            last, width = first + 1, cluster_widths[first]
            while last < len(cluster_widths) and width + cluster_widths[last] <= self.available:
                width += cluster_widths[last]
                last += 1
            segments = make(bounds[first], bounds[last])
            while last > first + 1 and sum(s.width_mm for s in segments) > self.available:
                last -= 1
                segments = make(bounds[first], bounds[last])
            self._append(segments, sum(s.width_mm for s in segments))
            first = last
            if first < len(cluster_widths):
                self._new_line()
