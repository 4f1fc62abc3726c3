"""How well a PDF's lines are set, measured from the PDF itself (pdftotext -bbox-layout word boxes).

Shared by the tests and bench/bench_justification.py, so that this program's PDF and
LibreOffice's are judged by one yardstick: which lines are justified (they reach the right
edge of the measure), the widest gap between two words of each, in median character
advances, and which line ends fall inside a word for a second segmenter (libthai).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import re
import statistics
import subprocess
import unicodedata
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from fpdf import FPDF

from ita_desktop.typesetting import Line, Typesetter, body_size_pt, bundled_font_set

# The report's measure on A4: margins 30 / 20 mm, body parts indented 10 mm on their first line.
LEFT_MM, MEASURE_MM, INDENT_MM, TOP_MM, BOTTOM_MM = 30.0, 160.0, 10.0, 25.0, 277.0
PT_PER_MM = 72.0 / 25.4
RIGHT_EDGE_PT = (LEFT_MM + MEASURE_MM) * PT_PER_MM
_NAMESPACE = "{http://www.w3.org/1999/xhtml}"
_SPACE = re.compile(r"\s+")
_RESYNC_REACH = 40
# A line reaching this close to the right edge of the measure (pt) is a justified one.
RIGHT_EDGE_TOLERANCE_PT = 0.75


class Word(NamedTuple):
    """One word box as pdftotext reads it (pt, from the page's top-left)."""

    x_min: float
    x_max: float
    text: str


@dataclass(frozen=True)
class PrintedLine:
    """One line of a page: its words left to right."""

    page: int
    words: tuple[Word, ...]

    @property
    def x_min(self) -> float:
        return self.words[0].x_min

    @property
    def x_max(self) -> float:
        return self.words[-1].x_max

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    def gaps(self) -> list[float]:
        return [b.x_min - a.x_max for a, b in zip(self.words, self.words[1:], strict=False)]


def print_paragraphs(paragraphs: list[str], path: Path, own_words: frozenset[str] = frozenset()) -> list[Line]:
    """Lay out ``paragraphs`` justified on the report's measure in Sarabun at the body size, page after page."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    fonts = bundled_font_set()
    typesetter, size = Typesetter(pdf, fonts, own_words), body_size_pt(fonts)
    laid_out, y = [], TOP_MM
    for paragraph in paragraphs:
        for line in typesetter.layout(paragraph, MEASURE_MM, size, first_line_indent_mm=INDENT_MM):
            if y + line.height_mm > BOTTOM_MM:
                pdf.add_page()
                y = TOP_MM
            typesetter.draw_line(line, LEFT_MM, y)
            y += line.height_mm
            laid_out.append(line)
    pdf.output(str(path))
    return laid_out


def printed_lines(pdf: Path) -> list[PrintedLine]:
    """Every line of every page, in reading order."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True).stdout
    root = ElementTree.fromstring(xml)
    lines = []
    for number, page in enumerate(root.iter(f"{_NAMESPACE}page"), start=1):
        for line in page.iter(f"{_NAMESPACE}line"):
            words = tuple(Word(float(w.get("xMin")), float(w.get("xMax")), w.text or "")
                          for w in line.iter(f"{_NAMESPACE}word"))
            if words:
                lines.append(PrintedLine(number, words))
    return lines


def _clusters(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Mc", "Me") and not ch.isspace())


def median_character_advance(lines: list[PrintedLine]) -> float:
    """The median over words of width / characters that advance (marks do not): one "character width"."""
    advances = [(w.x_max - w.x_min) / _clusters(w.text) for line in lines for w in line.words
                if _clusters(w.text) >= 2]
    return statistics.median(advances)


@dataclass(frozen=True)
class SetFigures:
    """The justification figures of one PDF (gaps in character widths)."""

    justified_lines: int
    over_1_5: int
    over_2: int
    over_3: int
    largest_gap: float
    worst_line: str
    overfull_lines: int

    def as_dict(self) -> dict:
        return {"justified_lines": self.justified_lines, "gap_over_1.5": self.over_1_5,
                "gap_over_2": self.over_2, "gap_over_3": self.over_3,
                "largest_gap": round(self.largest_gap, 2), "overfull_lines": self.overfull_lines}


def set_figures(lines: list[PrintedLine], right_pt: float = RIGHT_EDGE_PT) -> SetFigures:
    """Figures for the justified lines: those whose last word ends at the measure's right edge ``right_pt``."""
    advance = median_character_advance(lines)
    justified = [line for line in lines if abs(line.x_max - right_pt) <= RIGHT_EDGE_TOLERANCE_PT]
    largest = {id(line): max(line.gaps(), default=0.0) / advance for line in justified}
    worst = max(justified, key=lambda line: largest[id(line)], default=None)
    return SetFigures(
        justified_lines=len(justified),
        over_1_5=sum(gap > 1.5 for gap in largest.values()),
        over_2=sum(gap > 2 for gap in largest.values()),
        over_3=sum(gap > 3 for gap in largest.values()),
        largest_gap=max(largest.values(), default=0.0),
        worst_line=worst.text if worst is not None else "",
        overfull_lines=sum(line.x_max > right_pt + RIGHT_EDGE_TOLERANCE_PT for line in lines),
    )


# -- breaks inside words ------------------------------------------------------------------------------


@functools.cache
def _libthai() -> ctypes.CDLL:
    name = ctypes.util.find_library("thai") or "libthai.so.0"
    library = ctypes.CDLL(name)
    library.th_brk_new.restype = ctypes.c_void_p
    library.th_brk_new.argtypes = [ctypes.c_char_p]
    library.th_brk_wc_find_breaks.restype = ctypes.c_int
    library.th_brk_wc_find_breaks.argtypes = [ctypes.c_void_p, ctypes.c_wchar_p,
                                              ctypes.POINTER(ctypes.c_int), ctypes.c_size_t]
    return library


@functools.cache
def _breaker() -> int:
    breaker = _libthai().th_brk_new(None)
    if not breaker:
        raise RuntimeError("libthai has no dictionary (install libthai-data)")
    return breaker


def libthai_breaks(text: str) -> set[int]:
    """Offsets where libthai (the Thai line breaker of Qt, GTK and LibreOffice's fallback) may break ``text``."""
    size = len(text) + 1
    positions = (ctypes.c_int * size)()
    count = _libthai().th_brk_wc_find_breaks(_breaker(), text, positions, size)
    return {positions[i] for i in range(count)}


def line_ends(source: str, lines: list[str]) -> list[int]:
    """Where in ``source`` (whitespace included) each printed line but the last ends.

    Lines are matched with whitespace ignored, a little ahead of where the previous one ended
    (an extractor may drop a mark); a line not found (a page number) is skipped.
    """
    squashed, offsets = [], []
    for index, ch in enumerate(source):
        if not ch.isspace():
            squashed.append(ch)
            offsets.append(index)
    flat = "".join(squashed)
    ends, position = [], 0
    for line in lines:
        piece = _SPACE.sub("", line)
        found = flat.find(piece, position, position + len(piece) + _RESYNC_REACH) if piece else -1
        if found < 0:
            continue
        position = found + len(piece)
        if position < len(flat):
            ends.append(offsets[position - 1] + 1)
    return ends


@dataclass(frozen=True)
class FlaggedBreak:
    """A line end inside a run of text (no space there) that libthai does not break at."""

    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}|{self.after}"


def flagged_breaks(source: str, lines: list[str]) -> list[FlaggedBreak]:
    """Line ends the second segmenter rejects, with ten characters of context on each side."""
    flagged = []
    for end in line_ends(source, lines):
        if source[end:end + 1].isspace() or source[end - 1:end].isspace():
            continue
        start = max(source.rfind(" ", 0, end), source.rfind("\n", 0, end)) + 1
        stop_candidates = [i for i in (source.find(" ", end), source.find("\n", end)) if i >= 0]
        stop = min(stop_candidates) if stop_candidates else len(source)
        if end - start not in libthai_breaks(source[start:stop]):
            flagged.append(FlaggedBreak(source[max(start, end - 10):end], source[end:min(stop, end + 10)]))
    return flagged


@functools.cache
def _icu() -> tuple[ctypes.CDLL, str]:
    """ICU's common library and its symbol suffix ("_72"): the break iterator LibreOffice and Chrome use."""
    name = ctypes.util.find_library("icuuc")
    if name is None:
        raise OSError("ICU (libicuuc) is not installed")
    library = ctypes.CDLL(name)
    version = name.rsplit(".so.", 1)[-1].split(".")[0]
    suffix = next(s for s in (f"_{version}", "") if hasattr(library, f"ubrk_open{s}"))
    return library, suffix


def icu_breaks(text: str) -> set[int]:
    """Offsets of ICU's Thai word boundaries in ``text`` (dictionary based, another dictionary than libthai's)."""
    library, suffix = _icu()
    ubrk_open = getattr(library, f"ubrk_open{suffix}")
    ubrk_open.restype = ctypes.c_void_p
    ubrk_open.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int32,
                          ctypes.POINTER(ctypes.c_int)]
    ubrk_next = getattr(library, f"ubrk_next{suffix}")
    ubrk_next.restype, ubrk_next.argtypes = ctypes.c_int32, [ctypes.c_void_p]
    ubrk_close = getattr(library, f"ubrk_close{suffix}")
    ubrk_close.argtypes = [ctypes.c_void_p]
    status = ctypes.c_int(0)
    encoded = text.encode("utf-16-le")
    iterator = ubrk_open(1, b"th", encoded, len(encoded) // 2, ctypes.byref(status))  # 1: UBRK_WORD
    if status.value > 0 or not iterator:
        raise OSError(f"ICU break iterator failed ({status.value})")
    try:
        breaks, position = set(), ubrk_next(iterator)
        while position != -1:
            breaks.add(position)
            position = ubrk_next(iterator)
        return breaks
    finally:
        ubrk_close(iterator)
