"""Thai text on screen breaks and elides between words (the project's segmenter), never inside one.

Qt breaks Thai lines only where libthai is found, and elides at any letter; labels,
tree titles, photo captions and table cells are laid out here instead: lines and
elisions are computed for display, the stored text is never touched. The word
dictionary loads on a helper thread once the window is up; until then breaks fall
only at spaces, and whatever is shown is laid out again when it is ready.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics

ELLIPSIS = "…"
ZERO_WIDTH_SPACE = "\u200b"


class _Readiness(QObject):
    """``ready`` fires (on the UI thread) once the word dictionary is loaded."""

    ready = Signal()


_readiness: _Readiness | None = None
_loaded = threading.Event()


def readiness() -> _Readiness:
    global _readiness
    if _readiness is None:
        _readiness = _Readiness()
    return _readiness


def dictionary_ready() -> bool:
    return _loaded.is_set()


def load_dictionary() -> None:
    """Load the segmenter's dictionary (call from a helper thread); ``readiness().ready`` follows."""
    from ita_desktop.typesetting.segmentation import preload_dictionary

    preload_dictionary()
    _loaded.set()
    word_bounds.cache_clear()
    readiness().ready.emit()  # queued to the UI thread, where every listener lives


@lru_cache(maxsize=8192)
def word_bounds(text: str) -> tuple[int, ...]:
    """Offsets inside ``text`` where a line may break (after spaces; between words once the dictionary is in)."""
    if _loaded.is_set():
        bounds = []
        for line_start, line in _lines_with_offsets(text):
            bounds += [line_start + bound for bound in _segment_bounds(line)]
        return tuple(sorted(set(bounds)))
    return tuple(i for i in range(1, len(text)) if text[i - 1].isspace() and not text[i].isspace())


def _segment_bounds(line: str) -> list[int]:
    """Where the segmenter's words of one line meet, less where the print layout never breaks either."""
    from ita_desktop.typesetting.segmentation import break_allowed, newmm_words

    bounds, position = [], 0
    for piece in newmm_words(line):
        start, position = position, position + len(piece)
        if start == 0:
            continue
        beside_space = piece[0].isspace() or line[start - 1].isspace()
        if beside_space or break_allowed(line[start - 1], line[start]):
            bounds.append(start)
    return bounds


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, line))
        start += len(line) + 1
    return out


def with_break_hints(text: str) -> str:
    """``text`` with a zero-width space at each word boundary not already a space (for display only)."""
    pieces, last = [], 0
    for bound in word_bounds(text):
        if not text[bound - 1].isspace() and not text[bound].isspace():
            pieces.append(text[last:bound])
            last = bound
    pieces.append(text[last:])
    return ZERO_WIDTH_SPACE.join(pieces)


def _spans(paragraph: str, metrics: QFontMetrics, width: int, break_after: str = "") -> list[tuple[int, int]]:
    """(start, end) of each line of one paragraph, greedily filled, broken only at word bounds."""
    spans, line_start, previous = [], 0, 0
    extra = {i + 1 for i, ch in enumerate(paragraph[:-1]) if ch in break_after}
    for cut in [*sorted(set(word_bounds(paragraph)) | extra), len(paragraph)]:
        if previous > line_start and metrics.horizontalAdvance(paragraph[line_start:cut].rstrip()) > width:
            spans.append((line_start, previous))
            line_start = previous
        previous = cut
    spans.append((line_start, len(paragraph)))
    return spans


def wrap_words(text: str, metrics: QFontMetrics, width: int, break_after: str = "") -> list[str]:
    """Lines of at most ``width`` pixels, broken between words (and after any of ``break_after``);
    a word wider than that keeps a line of its own."""
    return [paragraph[start:end].strip() for _offset, paragraph in _lines_with_offsets(text)
            for start, end in _spans(paragraph, metrics, width, break_after)]


def _longest_fitting(cuts: list[int], fits) -> int:
    """The last of the increasing ``cuts`` for which ``fits(cut)`` holds (``fits`` true up to a point); -1 if none."""
    low, high, found = 0, len(cuts) - 1, -1
    while low <= high:
        middle = (low + high) // 2
        if fits(cuts[middle]):
            found, low = middle, middle + 1
        else:
            high = middle - 1
    return cuts[found] if found >= 0 else -1


def elide_words(text: str, metrics: QFontMetrics, width: int,
                mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> str:
    """``text`` if it fits, else whole words with "…" at the end (or in the middle) — never half a word."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    inner = list(word_bounds(text))
    room = width - metrics.horizontalAdvance(ELLIPSIS)
    if mode == Qt.TextElideMode.ElideMiddle and inner:
        # The start (a number) and the end (item codes) both tell measures apart: half the room each.
        head = _longest_fitting(inner, lambda cut: metrics.horizontalAdvance(text[:cut].rstrip()) <= room / 2)
        if head > 0:
            left = metrics.horizontalAdvance(text[:head].rstrip())
            tails = [cut for cut in reversed(inner) if cut > head]
            tail = _longest_fitting(
                tails, lambda cut: metrics.horizontalAdvance(text[cut:].lstrip()) <= room - left)
            if tail > 0:
                return text[:head].rstrip() + ELLIPSIS + text[tail:].lstrip()
    head = _longest_fitting(inner, lambda cut: metrics.horizontalAdvance(text[:cut].rstrip()) <= room)
    if head > 0:
        return text[:head].rstrip() + ELLIPSIS
    # Not even the first word fits: nothing is left but to cut it.
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def fit_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """At most ``max_lines`` lines broken between words, the last ending in "…" when text is left over."""
    flat = " ".join(text.split("\n"))
    spans = _spans(flat, metrics, width)
    if len(spans) <= max_lines:
        return [flat[start:end].strip() for start, end in spans]
    last_start = spans[max_lines - 1][0]
    kept = [flat[start:end].strip() for start, end in spans[:max_lines - 1]]
    return [*kept, elide_words(flat[last_start:].strip(), metrics, width)]
