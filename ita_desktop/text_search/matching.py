"""Where a query matches a text: case folding, and whole words found by the Thai segmenter.

Thai is written without spaces between words, so "whole word" cannot mean "between
spaces": a match is whole when both its ends fall on word boundaries of the
segmentation (PyThaiNLP newmm, the line breaker's own). "การ" then does not match
inside "การประชุม", which newmm keeps as one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ita_desktop.text_search.places import TextPlace


@dataclass(frozen=True)
class SearchOptions:
    """What the clerk asked for."""

    query: str
    match_case: bool = False
    whole_word: bool = False


@dataclass(frozen=True)
class Hit:
    """One match: the place and the characters ``start:end`` of its text."""

    place: TextPlace
    start: int
    end: int


def find_hits(places, options: SearchOptions) -> list[Hit]:
    """Every match of ``options.query`` in ``places`` ((place, text) pairs), in order."""
    if not options.query:
        return []
    pattern = _pattern(options.query, options.match_case)
    hits = []
    for place, text in places:
        hits.extend(Hit(place, start, end) for start, end in _spans(pattern, text, options.whole_word))
    return hits


def replace_in_text(text: str, options: SearchOptions, replacement: str) -> tuple[str, int]:
    """``text`` with every match replaced, and how many there were."""
    spans = _spans(_pattern(options.query, options.match_case), text, options.whole_word) if options.query else []
    for start, end in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text, len(spans)


def _pattern(query: str, match_case: bool) -> re.Pattern[str]:
    return re.compile(re.escape(query), 0 if match_case else re.IGNORECASE)


def _spans(pattern: re.Pattern[str], text: str, whole_word: bool) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]
    if whole_word and spans:
        bounds = word_boundaries(text)
        spans = [(start, end) for start, end in spans if start in bounds and end in bounds]
    return spans


@lru_cache(maxsize=512)
def word_boundaries(text: str) -> frozenset[int]:
    """Offsets where a word begins or ends (0 and len(text) included), segmented line by line."""
    # Here, not at the top: the typesetting package brings fpdf (~0.25 s), which the window's start need not pay.
    from ita_desktop.typesetting.segmentation import newmm_words

    bounds = {0, len(text)}
    offset = 0
    for line in text.split("\n"):
        position = offset
        for piece in newmm_words(line):
            bounds.add(position)
            position += len(piece)
        bounds.add(position)
        offset += len(line) + 1
    return frozenset(bounds)
