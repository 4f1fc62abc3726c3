"""Total-fit line breaking (Knuth-Plass): the breaks that minimise the whole paragraph's demerits.

First fit fills each line as full as it can and leaves the next line to cope: a line
before a long agency name ends far short and its spaces open into rivers. Here every
sequence of breaks is scored at once: each line's badness (how far it must stretch, from
``justification``) plus the cost of where it breaks (``break_costs``), squared and summed,
and the cheapest sequence wins. Widths are measured once per piece (shaping is cached), and
only break points less than a line away are kept active, so the work grows with the text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ita_desktop.typesetting import justification
from ita_desktop.typesetting.break_costs import (
    EMERGENCY_CLUSTER,
    EMERGENCY_WORD,
    FORBIDDEN,
    Atom,
    break_opportunities,
    cluster_atoms,
)
from ita_desktop.typesetting.lines import Segment
from ita_desktop.typesetting.segmentation import Lexicon, lexicon

_EPSILON_MM = 1e-6
LINE_PENALTY = 10.0  # TeX's \linepenalty: fewer lines are better, all else equal
# Unjustified text (headings, cells): one more line costs more than any raggedness.
EXTRA_LINE = 1e6
RAGGED_SCALE = 1e4  # (slack / measure)^2 x this: a half-empty line costs 2,500
# A heading's last line holding one word or the tail of a bracket opened above.
TAIL = 1e7
_OVERFULL = 1e12
_SHORT_TAIL_SHARE = 0.15

# Builds the segments (one per style span) for text[start:end] of the current hard line.
SegmentMaker = Callable[[int, int], list[Segment]]


@dataclass(frozen=True)
class BreakStyle:
    """How lines are judged: justified (stretch badness) or ragged, and whether the heading rules apply."""

    justify: bool = True
    heading: bool = False


@dataclass
class _Item:
    start: int
    end: int
    is_space: bool
    penalty: float  # cost of a break before this item
    segments: list[Segment]
    width: float
    units: int
    spaces: int


@dataclass
class _Node:
    start: int  # first item of the next line
    demerits: float
    previous: _Node | None
    line: int
    end: int  # items before this index are on earlier lines


def break_lines(
    text: str, make_segments: SegmentMaker, *, measure_mm: float, first_indent_mm: float,
    size_mm: float, style: BreakStyle = BreakStyle(), words: Lexicon | None = None,
) -> list[list[Segment]]:
    """Break one hard line of ``text`` (no "\\n") into lines of segments within the measure."""
    items = _items(text, make_segments, measure_mm, measure_mm - first_indent_mm, words or lexicon())
    if not items:
        return []
    return [_line_segments(items, a, b) for a, b in _best_breaks(text, items, measure_mm, first_indent_mm,
                                                                   size_mm, style)]


def _items(text: str, make: SegmentMaker, measure_mm: float, first_line_mm: float, words: Lexicon) -> list[_Item]:
    """The line's pieces between break opportunities, measured; pieces wider than a line cut up.

    The first piece can only go on the first line, so it is cut if wider than that line's room.
    """
    opportunities = break_opportunities(text, words)
    groups: list[list[tuple[Atom, float]]] = []
    for atom, penalty in zip(opportunities.atoms, opportunities.penalties, strict=True):
        if groups and penalty == FORBIDDEN and not atom.is_space and not groups[-1][-1][0].is_space:
            groups[-1].append((atom, penalty))
        else:
            groups.append([(atom, penalty)])
    items: list[_Item] = []
    for group in groups:
        item = _measure(make, group[0][0].start, group[-1][0].end, group[0][0].is_space, group[0][1])
        room = measure_mm if any(not earlier.is_space for earlier in items) else first_line_mm
        if item.is_space or item.width <= room + _EPSILON_MM:
            items.append(item)
            continue
        # Wider than a whole line: its words may part after all, and a word wider still, its clusters.
        for index, (atom, _) in enumerate(group):
            penalty = group[0][1] if index == 0 else EMERGENCY_WORD
            part = _measure(make, atom.start, atom.end, False, penalty)
            if part.width <= room + _EPSILON_MM:
                items.append(part)
                continue
            for cluster_index, cluster in enumerate(cluster_atoms(text, atom)):
                items.append(_measure(make, cluster.start, cluster.end, False,
                                      penalty if cluster_index == 0 else EMERGENCY_CLUSTER))
    return items


def _measure(make: SegmentMaker, start: int, end: int, is_space: bool, penalty: float) -> _Item:
    segments = make(start, end)
    return _Item(start, end, is_space, penalty, segments, sum(s.width_mm for s in segments),
                 sum(s.shaped.unit_count for s in segments), sum(s.space_runs for s in segments))


def _best_breaks(text: str, items: Sequence[_Item], measure_mm: float, first_indent_mm: float,
                 size_mm: float, style: BreakStyle) -> list[tuple[int, int]]:
    """(first item, end item) of each line of the cheapest sequence of breaks."""
    count = len(items)
    widths, units, spaces = [0.0], [0], [0]
    for item in items:
        widths.append(widths[-1] + item.width)
        units.append(units[-1] + item.units)
        spaces.append(spaces[-1] + item.spaces)
    next_word = list(range(count + 1))  # the first non-space item at or after each index
    for index in range(count - 1, -1, -1):
        if items[index].is_space:
            next_word[index] = next_word[index + 1]
    closers = _bracket_closers(text) if style.heading else {}

    stretch_space = justification.SPACE_STRETCH_EM * size_mm
    stretch_cluster = justification.CLUSTER_STRETCH_EM * size_mm
    ragged = not style.justify or style.heading

    def line_cost(node: _Node, end: int, penalty: float, slack: float, available: float) -> float:
        start = node.start
        last = end == count
        if not ragged or not last and style.justify:
            if last or slack <= 0:
                badness = 0.0
            else:  # justification.badness, inlined: this runs for every pair of break points
                stretch = (spaces[end] - spaces[start]) * stretch_space + \
                    max(units[end] - units[start] - 1, 0) * stretch_cluster
                badness = justification.RIGID_BADNESS if stretch <= 0 else \
                    min(100.0 * (slack / stretch) ** 3, justification.RIGID_BADNESS * 10)
            cost = (LINE_PENALTY + badness) ** 2
        else:
            cost = EXTRA_LINE + (0.0 if last and not style.heading else RAGGED_SCALE * (slack / measure_mm) ** 2)
        if style.heading and last and node.line > 0 and _is_tail(items, start, end, slack, available, closers):
            cost += TAIL
        return cost + (penalty * penalty if penalty > 0 else 0.0)

    first = _Node(0, 0.0, None, 0, 0)
    active: list[_Node] = [first]
    for end in range(1, count + 1):
        penalty = items[end].penalty if end < count else 0.0
        if penalty == FORBIDDEN or items[end - 1].is_space:
            continue
        best: _Node | None = None
        kept: list[_Node] = []
        dropped: _Node | None = None
        for node in active:
            if node.start >= end:
                kept.append(node)
                continue
            available = measure_mm - first_indent_mm if node.line == 0 else measure_mm
            slack = available - (widths[end] - widths[node.start])
            if slack < -_EPSILON_MM:
                dropped = node  # wider only as the line grows: this node can end no more lines
                continue
            kept.append(node)
            demerits = node.demerits + line_cost(node, end, penalty, slack, available)
            if best is None or demerits < best.demerits:
                best = _Node(next_word[end], demerits, node, node.line + 1, end)
        if best is None and not kept and dropped is not None:
            # Nothing fits (a piece wider than the first line's room): take the overfull line.
            best = _Node(next_word[end], dropped.demerits + _OVERFULL, dropped, dropped.line + 1, end)
        active = kept
        if best is not None:
            active.append(best)
    final = min((node for node in active if node.end == count), key=lambda node: node.demerits, default=None)
    if final is None:  # cannot happen: the last item always ends a line; kept as a guard
        raise ValueError("no line breaks found")
    breaks: list[tuple[int, int]] = []
    node: _Node | None = final
    while node is not None and node.previous is not None:
        breaks.append((node.previous.start, node.end))
        node = node.previous
    return breaks[::-1]


def _line_segments(items: Sequence[_Item], start: int, end: int) -> list[Segment]:
    return [segment for item in items[start:end] for segment in item.segments]


def _bracket_closers(text: str) -> dict[int, int]:
    """Offset of each closing bracket -> offset of the bracket it closes."""
    pairs, stack = {}, []
    for index, ch in enumerate(text):
        if ch in "([":
            stack.append(index)
        elif ch in ")]" and stack:
            pairs[index] = stack.pop()
    return pairs


def _is_tail(items: Sequence[_Item], start: int, end: int, slack: float, available: float,
             closers: dict[int, int]) -> bool:
    """A last line of one piece, a short one without a space, or the end of a bracket opened above."""
    words = [item for item in items[start:end] if not item.is_space]
    if len(words) <= 1:
        return True
    if not any(item.is_space for item in items[start:end]) and available - slack < _SHORT_TAIL_SHARE * available:
        return True
    line_start = items[start].start
    return any(opener < line_start <= closer for closer, opener in closers.items())
