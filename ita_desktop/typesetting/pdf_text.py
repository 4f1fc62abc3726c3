"""Write a laid-out line into an fpdf2 page as one text object with exact ToUnicode text."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import Glyph, TTFFont

from ita_desktop.typesetting.lines import PT_PER_MM, Line
from ita_desktop.typesetting.shaping import FaceShaper, ShapedGlyph

_NUDGE = 1.0  # 1/1000 em

# fpdf2 has no public call to draw pre-shaped glyphs, so this module uses three of its
# internals, all stable across fpdf2 2.7-2.8: TTFFont.subset (glyph -> code, which also
# feeds the ToUnicode map), TTFFont.escape_text and FPDF._out / _resource_catalog.
# Every glyph's code maps to exactly the characters of its cluster (marks included), and
# the extra glyphs of a cluster (sara am's nikhahit) map to nothing: extraction is exact.


class PdfTextWriter:
    """Turns lines into PDF text operators for one document."""

    def __init__(self, pdf: FPDF, fonts: dict[str, tuple[TTFFont, FaceShaper]]) -> None:
        self.pdf = pdf
        self.fonts = fonts  # style ("", "B", "I", "BI") -> fpdf2 font and its shaper
        self._codes: dict[tuple[str, int, str], str] = {}

    def draw(self, line: Line, x_mm: float, y_mm: float) -> None:
        """Draw ``line`` with its box's top-left corner at (x_mm, y_mm) on the current page."""
        pdf = self.pdf
        page_height_pt = pdf.h * pdf.k
        baseline_pt = page_height_pt - (y_mm + line.baseline_mm) * PT_PER_MM
        # q/Q: the colour, font and text rise set here must not leak into fpdf2's own drawing,
        # which skips operators it believes are already in effect.
        ops = ["q", "BT", pdf.text_color.serialize().lower()]
        current_font = None
        for placed in line.segments:
            segment = placed.segment
            font, shaper = self.fonts[segment.style]
            if current_font != (font.i, segment.size_pt):
                current_font = (font.i, segment.size_pt)
                ops.append(f"/F{font.i} {segment.size_pt:.2f} Tf")
                pdf._resource_catalog.add(PDFResourceType.FONT, font.i, pdf.page)
            x_pt = (x_mm + placed.x_mm) * PT_PER_MM
            ops.append(f"1 0 0 1 {x_pt:.3f} {baseline_pt:.3f} Tm")
            to_units = PT_PER_MM / segment.size_pt * 1000
            ops.append(self._show_glyphs(segment.shaped.glyphs, segment.style, font, shaper,
                                         segment.size_pt, placed.unit_gap_mm * to_units,
                                         placed.space_extra_mm * to_units))
        ops.append("ET Q")
        pdf._out(" ".join(ops))

    def _show_glyphs(self, glyphs: tuple[ShapedGlyph, ...], style: str, font: TTFFont,
                     shaper: FaceShaper, size_pt: float, gap_units: float,
                     space_units: float) -> str:
        """TJ arrays; text rise (Ts) for the few marks HarfBuzz moves vertically."""
        to_thousandths = 1000 / shaper.units_per_em
        ink_x = _glyph_positions(glyphs, to_thousandths, gap_units, space_units)
        parts: list[str] = []
        array: list[str] = []
        pen = 0.0  # where the PDF text position is now, 1/1000 em from the segment start

        def flush() -> None:
            if array:
                parts.append("[" + " ".join(array) + "] TJ")
                array.clear()

        for glyph, x in zip(glyphs, ink_x, strict=True):
            # A mark moved left of the pen declares a width reaching back to it, so extractors
            # see no hole between the mark and the next letter (else they insert a space).
            reach = max(0, round(-glyph.x_offset * to_thousandths)) if glyph.x_advance == 0 else None
            code, width = self._code(style, font, shaper, glyph, reach)
            if glyph.y_offset:
                flush()
                parts.append(f"{glyph.y_offset * size_pt / shaper.units_per_em:.3f} Ts")
            if abs(x - pen) > 0.005:
                array.append(f"{pen - x:.2f}")  # TJ numbers move left, hence the sign
            array.append(f"({code})")
            pen = x + width
            if glyph.y_offset:
                flush()
                parts.append("0 Ts")
        flush()
        return " ".join(parts)

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
