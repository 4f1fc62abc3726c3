"""Thai distributed justification: how a justified line's spare width is shared, and what it costs.

Word's "Thai Distributed" spreads a line's slack over every character; spaces alone would open
rivers in a Thai line, which has few of them. Here the slack goes to the typed spaces and to
the boundaries between grapheme clusters together, in proportion to their stretchability, so
a line with three spaces and seventy clusters opens each cluster boundary a little and each
space a little more. Space is only ever added between clusters, after shaping: marks stay on
their bases. The line breaker scores lines with the same model (``badness``), so it chooses
breaks whose lines justify well.
"""

from __future__ import annotations

from dataclasses import dataclass

# How far each stretches at ratio 1 (em): a run of typed spaces, a boundary between two clusters.
# A Thai line of 160 mm holds ~65 clusters and often one or two spaces: with these, a slack of
# 1 em opens each cluster boundary by ~0.014 em (invisible) and a space by ~0.07 em.
SPACE_STRETCH_EM = 0.15
CLUSTER_STRETCH_EM = 0.03
# Cluster boundaries never open wider than this (em), so words keep their shape; what is left
# goes to the spaces.
MAX_CLUSTER_GAP_EM = 0.1
# The badness of a line that cannot stretch (no space, no cluster boundary) but is short.
RIGID_BADNESS = 10_000.0


@dataclass(frozen=True)
class Spread:
    """What a justified line adds: ``gap_mm`` at each cluster boundary, ``space_extra_mm`` to each run of spaces."""

    gap_mm: float
    space_extra_mm: float
    ratio: float


def stretchability_mm(spaces: int, boundaries: int, size_mm: float) -> float:
    """How much the line stretches at ratio 1."""
    return (spaces * SPACE_STRETCH_EM + max(boundaries, 0) * CLUSTER_STRETCH_EM) * size_mm


def spread(slack_mm: float, spaces: int, boundaries: int, size_mm: float) -> Spread:
    """Share ``slack_mm`` between the line's spaces and cluster boundaries."""
    if slack_mm <= 0:
        return Spread(0.0, 0.0, 0.0)
    stretch = stretchability_mm(spaces, boundaries, size_mm)
    if stretch <= 0:
        return Spread(0.0, 0.0, float("inf"))
    ratio = slack_mm / stretch
    gap = min(ratio * CLUSTER_STRETCH_EM, MAX_CLUSTER_GAP_EM) * size_mm if boundaries > 0 else 0.0
    # A line with no space keeps what the cluster boundaries could not take (it ends short).
    space_extra = (slack_mm - gap * max(boundaries, 0)) / spaces if spaces else 0.0
    return Spread(gap, space_extra, ratio)


def badness(slack_mm: float, spaces: int, boundaries: int, size_mm: float) -> float:
    """TeX's badness of a justified line: 100 x ratio cubed (0 for a line that fits exactly)."""
    if slack_mm <= 0:
        return 0.0
    stretch = stretchability_mm(spaces, boundaries, size_mm)
    if stretch <= 0:
        return RIGID_BADNESS
    ratio = slack_mm / stretch
    return min(100.0 * ratio ** 3, RIGID_BADNESS * 10)
