"""Write a laid-out line into an fpdf2 page as one text object with exact ToUnicode text."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import Glyph, TTFFont

from ita_desktop.typesetting.lines import PT_PER_MM, Line
from ita_desktop.typesetting.shaping import FaceShaper, ShapedGlyph

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
        ops = ["BT", pdf.text_color.serialize().lower()]
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
            gap_units = placed.unit_gap_mm * PT_PER_MM / segment.size_pt * 1000
            ops.append(self._show_glyphs(segment.shaped.glyphs, segment.style, font, shaper,
                                         segment.size_pt, gap_units))
        ops.append("ET")
        pdf._out(" ".join(ops))

    def _show_glyphs(self, glyphs: tuple[ShapedGlyph, ...], style: str, font: TTFFont,
                     shaper: FaceShaper, size_pt: float, gap_units: float) -> str:
        """TJ arrays; text rise (Ts) for the few marks HarfBuzz moves vertically."""
        to_thousandths = 1000 / shaper.units_per_em
        parts: list[str] = []
        array: list[str] = []

        def flush() -> None:
            if array:
                parts.append("[" + "".join(array) + "] TJ")
                array.clear()

        for glyph in glyphs:
            if glyph.starts_unit and gap_units:
                array.append(f"{-gap_units:.2f}")
            if glyph.y_offset:
                flush()
                parts.append(f"{glyph.y_offset * size_pt / shaper.units_per_em:.3f} Ts")
            x_offset = glyph.x_offset * to_thousandths
            if x_offset:
                array.append(f"{-x_offset:.2f}")
            code, width = self._code(style, font, shaper, glyph)
            array.append(f"({code})")
            # Land on HarfBuzz's advance whatever width the code declares.
            correction = glyph.x_advance * to_thousandths - x_offset - width
            if abs(correction) > 0.005:
                array.append(f"{-correction:.2f}")
            if glyph.y_offset:
                flush()
                parts.append("0 Ts")
        flush()
        return " ".join(parts)

    def _code(self, style: str, font: TTFFont, shaper: FaceShaper,
              glyph: ShapedGlyph) -> tuple[str, int]:
        """The glyph's code in the font subset and the width (1/1000 em) the code declares.

        A mark that HarfBuzz moves left declares as width the distance back to the pen, so
        text extractors see glyph boxes that touch: no false word break, no reordered marks.
        """
        to_thousandths = 1000 / shaper.units_per_em
        width = round((glyph.x_advance - glyph.x_offset) * to_thousandths)
        if width < 0:
            width = round(shaper.glyph_advance(glyph.glyph_id) * to_thousandths)
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
