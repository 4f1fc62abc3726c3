"""Write a laid-out line into an fpdf2 page as one text object with exact ToUnicode text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import Glyph, TTFFont

from ita_desktop.typesetting.lines import PT_PER_MM, Line
from ita_desktop.typesetting.shaping import FaceShaper, ShapedGlyph, ShapedText

_NUDGE = 1.0  # 1/1000 em
# Extractors read a hole between two glyphs as a space: pypdf from ~0.06 em, pdftotext from ~0.1 em.
# A justified word's glyphs declare a width reaching (to within one step) over the gap that follows
# them, so the opened cluster boundaries never come out as spaces. Steps keep the codes few.
_HOLE_LIMIT = 10.0  # 1/1000 em
_WIDTH_STEP = 10

# fpdf2 has no public call to draw pre-shaped glyphs, so this module uses three of its
# internals, all stable across fpdf2 2.7-2.8: TTFFont.subset (glyph -> code, which also
# feeds the ToUnicode map), TTFFont.escape_text and FPDF._out / _resource_catalog.
# Every glyph's code maps to exactly the characters of its cluster (marks included), and
# the extra glyphs of a cluster (sara am's nikhahit) map to nothing: extraction is exact.


class PdfTextWriter:
    """Turns lines into PDF text operators for one document."""

    def __init__(self, pdf: FPDF, font_for: Callable[[str], tuple[TTFFont, FaceShaper]]) -> None:
        self.pdf = pdf
        self.font_for = font_for  # style ("", "B", "I", "BI") -> fpdf2 font and its shaper
        self._codes: dict[tuple[str, int, str, int], str] = {}
        self._prepared_words: dict[tuple[str, str], PreparedGlyphs] = {}
        self._plain_ops: dict[tuple[str, str, float], str] = {}

    def draw(self, line: Line, x_mm: float, y_mm: float) -> None:
        """Draw ``line`` with its box's top-left corner at (x_mm, y_mm) on the current page."""
        pdf = self.pdf
        page_height_pt = pdf.h * pdf.k
        baseline_pt = page_height_pt - (y_mm + line.baseline_mm) * PT_PER_MM
        # q/Q: the colour, font and text rise set here must not leak into fpdf2's own drawing,
        # which skips operators it believes are already in effect.
        ops = ["q", "BT", pdf.text_color.serialize().lower()]
        current_font = None
        for index, placed in enumerate(line.segments):
            segment = placed.segment
            following = line.segments[index + 1] if index + 1 < len(line.segments) else None
            font, shaper = self.font_for(segment.style)
            if current_font != (font.i, segment.size_pt):
                current_font = (font.i, segment.size_pt)
                ops.append(f"/F{font.i} {segment.size_pt:.2f} Tf")
                pdf._resource_catalog.add(PDFResourceType.FONT, font.i, pdf.page)
            x_pt = (x_mm + placed.x_mm) * PT_PER_MM
            ops.append(f"1 0 0 1 {x_pt:.3f} {baseline_pt:.3f} Tm")
            to_units = PT_PER_MM / segment.size_pt * 1000
            # Where the next word starts, unless a typed space comes first (that hole is a space).
            next_x = None if following is None or following.segment.text.startswith(" ") else \
                (following.x_mm - placed.x_mm) * to_units
            ops.append(self._show_glyphs(segment.shaped, segment.style, font, shaper,
                                         segment.size_pt, placed.unit_gap_mm * to_units,
                                         placed.space_extra_mm * to_units, next_x))
        ops.append("ET Q")
        pdf._out(" ".join(ops))

    def _show_glyphs(self, shaped: ShapedText, style: str, font: TTFFont, shaper: FaceShaper,
                     size_pt: float, gap_units: float, space_units: float, next_x: float | None = None) -> str:
        """TJ arrays; text rise (Ts) for the few marks HarfBuzz moves vertically."""
        plain = abs(gap_units) < 1e-9 and abs(space_units) < 1e-9
        if plain:  # unjustified words (headings, last lines, cells) draw the same every time
            key = (style, shaped.text, size_pt)
            cached = self._plain_ops.get(key)
            if cached is not None:
                return cached
        prepared = self._prepared(shaped, style, font, shaper)
        ink_x = prepared.positions(gap_units, space_units)
        codes, widths, rises = prepared.codes, prepared.widths, prepared.rises
        if not plain:
            codes, widths = self._bridge_gaps(shaped, style, font, shaper, ink_x, codes, widths, next_x)
        parts: list[str] = []
        array: list[str] = []
        pen = 0.0  # where the PDF text position is now, 1/1000 em from the segment start
        rise_scale = size_pt / shaper.units_per_em
        for index, x in enumerate(ink_x):
            rise = rises[index]
            if rise:
                if array:
                    parts.append("[" + " ".join(array) + "] TJ")
                    array = []
                parts.append(f"{rise * rise_scale:.3f} Ts")
            if abs(x - pen) > 0.005:
                array.append(f"{pen - x:.2f}")  # TJ numbers move left, hence the sign
            array.append(codes[index])
            pen = x + widths[index]
            if rise:
                parts.append("[" + " ".join(array) + "] TJ")
                array = []
                parts.append("0 Ts")
        if array:
            parts.append("[" + " ".join(array) + "] TJ")
        ops = " ".join(parts)
        if plain:
            self._plain_ops[key] = ops
        return ops

    def _bridge_gaps(self, shaped: ShapedText, style: str, font: TTFFont, shaper: FaceShaper,
                     ink_x: list[float], codes: tuple[str, ...], widths: tuple[int, ...],
                     next_x: float | None) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """Codes whose declared widths reach over the justification gaps (not over typed spaces)."""
        glyphs = shaped.glyphs
        new_codes, new_widths = list(codes), list(widths)
        for index, glyph in enumerate(glyphs):
            after = ink_x[index + 1] if index + 1 < len(glyphs) else next_x
            if after is None or glyph.chars == " " or (index + 1 < len(glyphs) and glyphs[index + 1].chars == " "):
                continue
            hole = after - (ink_x[index] + widths[index])
            if hole > _HOLE_LIMIT:
                width = widths[index] + int(hole // _WIDTH_STEP) * _WIDTH_STEP
                code, width = self._code(style, font, shaper, glyph, width)
                new_codes[index], new_widths[index] = f"({code})", width
        return tuple(new_codes), tuple(new_widths)

    def _prepared(self, shaped: ShapedText, style: str, font: TTFFont, shaper: FaceShaper) -> PreparedGlyphs:
        """Codes, declared widths and unjustified positions of a shaped word (once per document)."""
        key = (style, shaped.text)
        prepared = self._prepared_words.get(key)
        if prepared is None:
            to_thousandths = 1000 / shaper.units_per_em
            codes, widths = [], []
            for glyph in shaped.glyphs:
                # A mark moved left of the pen declares a width reaching back to it, so extractors
                # see no hole between the mark and the next letter (else they insert a space).
                reach = max(0, round(-glyph.x_offset * to_thousandths)) if glyph.x_advance == 0 else None
                code, width = self._code(style, font, shaper, glyph, reach)
                codes.append(f"({code})")
                widths.append(width)
            prepared = PreparedGlyphs.build(shaped.glyphs, to_thousandths, tuple(codes), tuple(widths))
            self._prepared_words[key] = prepared
        return prepared

    def _code(self, style: str, font: TTFFont, shaper: FaceShaper, glyph: ShapedGlyph,
              width: int | None = None) -> tuple[str, int]:
        """The glyph's code in the font subset and its width (1/1000 em) as the PDF declares it."""
        if width is None:
            width = round(shaper.glyph_advance(glyph.glyph_id) * 1000 / shaper.units_per_em)
        key = (style, glyph.glyph_id, glyph.chars, width)
        code = self._codes.get(key)
        if code is None:
            name = font.ttfont.getGlyphName(glyph.glyph_id)
            # Built directly (not via subset.get_glyph) so .notdef (id 0) is drawn as a box
            # for characters the font lacks, while the text layer keeps the character.
            picked = font.subset.pick_glyph(
                Glyph(glyph.glyph_id, tuple(map(ord, glyph.chars)), name, width)
            )
            code = font.escape_text(chr(picked))
            self._codes[key] = code
        return code, width


@dataclass(frozen=True)
class PreparedGlyphs:
    """A shaped word ready to write: what each glyph adds to the pen, so a justified line only
    has to add its gaps (the per-glyph work is done once per word and document)."""

    codes: tuple[str, ...]  # "(code)" as it goes into a TJ array
    widths: tuple[int, ...]  # declared width, 1/1000 em
    rises: tuple[int, ...]  # HarfBuzz's y offset, font units
    base_x: tuple[float, ...]  # ink position with no justification, 1/1000 em
    units_before: tuple[int, ...]  # unit starts up to and including each glyph (gaps before it)
    spaces_before: tuple[int, ...]  # space characters before each glyph
    marks: tuple[int, ...]  # indexes of zero-advance glyphs (marks), which get nudged
    end_x: float  # pen after the last glyph, no justification
    unit_count: int
    space_count: int

    @classmethod
    def build(cls, glyphs: tuple[ShapedGlyph, ...], to_thousandths: float, codes: tuple[str, ...],
              widths: tuple[int, ...]) -> PreparedGlyphs:
        base_x, units_before, spaces_before = [], [], []
        pen, units, spaces = 0.0, 0, 0
        for glyph in glyphs:
            units += glyph.starts_unit
            base_x.append(pen + glyph.x_offset * to_thousandths)
            units_before.append(units)
            spaces_before.append(spaces)
            pen += glyph.x_advance * to_thousandths
            spaces += glyph.chars == " "
        return cls(codes, widths, tuple(g.y_offset for g in glyphs), tuple(base_x), tuple(units_before),
                   tuple(spaces_before), tuple(i for i, g in enumerate(glyphs) if g.x_advance == 0),
                   pen, units, spaces)

    def positions(self, gap_units: float, space_units: float) -> list[float]:
        """Where each glyph is drawn; same result as :func:`_glyph_positions` on the glyphs."""
        if gap_units or space_units:
            positions = [x + units * gap_units + spaces * space_units for x, units, spaces
                         in zip(self.base_x, self.units_before, self.spaces_before, strict=True)]
        else:
            positions = list(self.base_x)
        if self.marks:
            end = self.end_x + self.unit_count * gap_units + self.space_count * space_units
            _nudge_marks(positions, self.marks, end + gap_units)
        return positions


def _nudge_marks(positions: list[float], marks: tuple[int, ...], next_base: float) -> None:
    """Move marks (indexes ``marks``) strictly between the glyph before and the next base, in place."""
    mark_set = set(marks)
    for index in range(len(positions) - 1, -1, -1):
        if index in mark_set:
            positions[index] = min(positions[index], next_base - _NUDGE)
        next_base = positions[index]
    for index in marks:
        if index and positions[index] <= positions[index - 1]:
            positions[index] = positions[index - 1] + _NUDGE


def _glyph_positions(glyphs: tuple[ShapedGlyph, ...], to_thousandths: float,
                     gap_units: float, space_units: float = 0.0) -> list[float]:
    """Where each glyph is drawn (1/1000 em from the segment start), in logical order.

    Text extractors (pdftotext) sort glyphs by x when marks make them split a word, so
    the marks of a cluster are nudged (by at most a few 1/1000 em, invisible) to lie strictly
    after the previous glyph and strictly before the next cluster's base.
    """
    positions: list[float] = []
    pen = 0.0
    for glyph in glyphs:
        if glyph.starts_unit:
            pen += gap_units
        positions.append(pen + glyph.x_offset * to_thousandths)
        pen += glyph.x_advance * to_thousandths
        if glyph.chars == " ":
            pen += space_units
    next_base = pen + gap_units
    for index in range(len(glyphs) - 1, -1, -1):
        if glyphs[index].x_advance == 0:
            positions[index] = min(positions[index], next_base - _NUDGE)
            next_base = positions[index]
        else:
            next_base = positions[index]
    for index in range(1, len(glyphs)):
        if glyphs[index].x_advance == 0 and positions[index] <= positions[index - 1]:
            positions[index] = positions[index - 1] + _NUDGE
    return positions
