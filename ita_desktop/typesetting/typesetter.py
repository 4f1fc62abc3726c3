"""The typesetting entry point the PDF layout calls: runs in, measured lines out, lines drawn."""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF
from fpdf.fonts import TTFFont

from ita_desktop.typesetting.fonts import FontSet, Run
from ita_desktop.typesetting.line_breaking import BreakStyle, break_lines
from ita_desktop.typesetting.lines import PT_PER_MM, Line, Segment, place_segments
from ita_desktop.typesetting.normalize import normalize_text
from ita_desktop.typesetting.pdf_text import PdfTextWriter
from ita_desktop.typesetting.segmentation import lexicon
from ita_desktop.typesetting.shaping import FaceShaper, face_shaper

_STYLES = {(False, False): "", (True, False): "B", (False, True): "I", (True, True): "BI"}
ALIGNMENTS = ("justify", "left", "center", "right")
# Single spacing for stacked Thai marks (consonant + upper vowel + tone, lower vowel below):
# never tighter than 1.4 x size, nor than the font's own ascender + descender.
MIN_LINE_HEIGHT_EM = 1.4
# Measured pieces kept per typesetter (one per PDF): the breaker asks for the same words again and again.
_SEGMENT_CACHE_LIMIT = 50_000


class Typesetter:
    """Lays out Thai paragraphs with dictionary line breaks and draws them into one FPDF."""

    def __init__(self, pdf: FPDF, font_set: FontSet, own_words: frozenset[str] = frozenset()) -> None:
        """``own_words``: the report's names (see ``model.report_words``), never broken inside."""
        self.pdf = pdf
        self.font_set = font_set
        self.own_words = own_words
        self._faces = _PdfFaces(pdf, font_set)
        self._shapers = self._faces.shapers
        pdf.set_text_shaping(True)  # for any text the layout draws through fpdf2 itself
        self._writer = PdfTextWriter(pdf, self._faces.face)
        self._segment_cache: dict[tuple[str, str, float], Segment] = {}
        regular, _ = self._faces.face("")  # the line metrics come from the regular face
        tables = regular.ttfont
        upem = self._shapers[""].units_per_em
        self._ascent_em = tables["hhea"].ascent / upem
        self._descent_em = -tables["hhea"].descent / upem

    def layout(
        self,
        runs: Sequence[Run] | str,
        width_mm: float,
        size_pt: float,
        *,
        align: str = "justify",
        first_line_indent_mm: float = 0.0,
        heading: bool = False,
    ) -> list[Line]:
        """Break a paragraph into lines of at most ``width_mm`` (text is normalised first).

        A ``heading`` is balanced when not justified, and its last line never holds one word
        alone or the tail of a bracket opened on the line above.
        """
        if align not in ALIGNMENTS:
            raise ValueError(f"align must be one of {ALIGNMENTS}, not {align!r}")
        if isinstance(runs, str):
            runs = [Run(runs)]
        text, styles = self._flatten(runs)
        if not text.strip():
            return []
        words = lexicon(self.own_words)
        style = BreakStyle(justify=align == "justify", heading=heading)
        height = self.line_height_mm(size_pt)
        baseline = self._baseline_mm(size_pt)
        lines: list[Line] = []
        offset = 0
        for hard_line in text.split("\n"):
            start = offset
            offset += len(hard_line) + 1

            def make_segments(a: int, b: int, start: int = start) -> list[Segment]:
                return self._segments(text, styles, start + a, start + b, size_pt)

            indent = first_line_indent_mm if not lines else 0.0
            broken = break_lines(hard_line, make_segments, measure_mm=width_mm, first_indent_mm=indent,
                                 size_mm=size_pt / PT_PER_MM, style=style, words=words) if hard_line.strip() else []
            if not broken:
                broken = [[]]  # an empty hard line still takes a line of height
            for index, segments in enumerate(broken):
                line_indent = indent if index == 0 else 0.0
                ends_hard_line = index == len(broken) - 1
                placed, justified = place_segments(
                    segments, measure_mm=width_mm, indent_mm=line_indent, align=align,
                    justify=align == "justify" and not ends_hard_line,
                )
                lines.append(Line(
                    segments=placed,
                    width_mm=sum(s.width_mm for s in segments),
                    height_mm=height,
                    baseline_mm=baseline,
                    measure_mm=width_mm,
                    indent_mm=line_indent,
                    is_last=False,
                    justified=justified,
                ))
        while lines and not lines[-1].segments:
            lines.pop()  # trailing empty hard lines add nothing
        last = lines[-1]
        lines[-1] = Line(last.segments, last.width_mm, last.height_mm, last.baseline_mm,
                         last.measure_mm, last.indent_mm, True, last.justified)
        return lines

    def line_height_mm(self, size_pt: float) -> float:
        """Line pitch for ``size_pt``: room for stacked marks, at least 1.4 x size."""
        em = max(MIN_LINE_HEIGHT_EM, self._ascent_em + self._descent_em)
        return em * size_pt / PT_PER_MM

    def draw_line(self, line: Line, x_mm: float, y_mm: float) -> None:
        """Draw ``line`` with the top-left of its box at (x_mm, y_mm), in mm on the current page."""
        if line.segments:
            self._writer.draw(line, x_mm, y_mm)

    def text_width_mm(self, text: str, size_pt: float, *, bold: bool = False,
                      italic: bool = False) -> float:
        """Natural shaped width of ``text`` on one line (for headings, tab stops, cells)."""
        shaper = self._shapers[_STYLES[(bold, italic)]]
        return shaper.width_pt(normalize_text(text), size_pt) / PT_PER_MM

    def _baseline_mm(self, size_pt: float) -> float:
        # Centre the font's ascent + descent box in the line box.
        height_em = self.line_height_mm(size_pt) * PT_PER_MM / size_pt
        spare = height_em - self._ascent_em - self._descent_em
        return (spare / 2 + self._ascent_em) * size_pt / PT_PER_MM

    @staticmethod
    def _flatten(runs: Sequence[Run]) -> tuple[str, list[tuple[int, int, str]]]:
        """Concatenate the normalised runs; style spans as (start, end, fpdf2 style)."""
        parts, styles, position = [], [], 0
        for run in runs:
            piece = normalize_text(run.text)
            if piece:
                parts.append(piece)
                styles.append((position, position + len(piece), _STYLES[(run.bold, run.italic)]))
                position += len(piece)
        text = "".join(parts)
        # Normalising the whole again fixes a mark split across two runs; lengths must agree.
        if normalize_text(text) != text:
            text = normalize_text(text)
            styles = [(0, len(text), styles[0][2])] if styles else []
        return text, styles

    def _segments(self, text: str, styles: list[tuple[int, int, str]], start: int, end: int,
                  size_pt: float) -> list[Segment]:
        segments = []
        cache = self._segment_cache
        for span_start, span_end, style in styles:
            a, b = max(start, span_start), min(end, span_end)
            if a < b:
                key = (style, text[a:b], size_pt)
                segment = cache.get(key)
                if segment is None:
                    shaper = self._shapers[style]
                    shaped = shaper.shape(key[1])
                    width = shaped.advance * size_pt / shaper.units_per_em / PT_PER_MM
                    segment = Segment(shaped, style, size_pt, width)
                    if len(cache) >= _SEGMENT_CACHE_LIMIT:
                        cache.clear()
                    cache[key] = segment
                segments.append(segment)
        return segments


class _PdfFaces:
    """The faces of a font set in one PDF, registered with fpdf2 on first use.

    fpdf2 parses each face it is given and subsets and embeds it even if no glyph of it
    is drawn (~50 ms per face per PDF); reports rarely use italics.
    """

    def __init__(self, pdf: FPDF, font_set: FontSet, own_words: frozenset[str] = frozenset()) -> None:
        """``own_words``: the report's names (see ``model.report_words``), never broken inside."""
        self.pdf = pdf
        self.font_set = font_set
        self.own_words = own_words
        self.paths = {style: font_set.path_for(bold, italic) for (bold, italic), style in _STYLES.items()}
        self.shapers: dict[str, FaceShaper] = {style: face_shaper(path) for style, path in self.paths.items()}
        self._faces: dict[str, tuple[TTFFont, FaceShaper]] = {}

    def face(self, style: str) -> tuple[TTFFont, FaceShaper]:
        """The fpdf2 font and the shaper of one style ("", "B", "I", "BI")."""
        face = self._faces.get(style)
        if face is None:
            key = self.font_set.family.lower() + style
            if key not in self.pdf.fonts:
                self.pdf.add_font(self.font_set.family, style, str(self.paths[style]))
            face = self._faces[style] = (self.pdf.fonts[key], self.shapers[style])
        return face
