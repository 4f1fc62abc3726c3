"""The printed report's measurements: sizes, spacing and indents, derived from the body size."""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.model.official_style import (
    INDENT_GROUP_MM,
    INDENT_MEASURE_MM,
    INDENT_PART_MM,
    PHOTO_GAP_MM,
    SMALL_SCALE,
    TITLE_SCALE,
)
from ita_desktop.typesetting import FontSet, Typesetter, body_size_pt


@dataclass(frozen=True)
class LayoutStyle:
    """Every length the layout uses, in mm (sizes in pt)."""

    body_pt: float
    title_pt: float
    small_pt: float
    line_mm: float  # body line pitch
    small_line_mm: float
    # vertical space before blocks, as Word's "spacing before" with single line spacing
    space_section_mm: float
    space_group_mm: float
    space_measure_mm: float
    space_part_mm: float
    # first-line indents of the heading levels and parts (continuation lines return to the margin)
    indent_group_mm: float = INDENT_GROUP_MM
    indent_measure_mm: float = INDENT_MEASURE_MM
    indent_part_mm: float = INDENT_PART_MM
    photo_gap_mm: float = PHOTO_GAP_MM
    caption_gap_mm: float = 1.5
    cell_padding_mm: float = 1.5
    signature_space_mm: float = 14.0  # blank room above the dotted line for the wet signature
    page_number_offset_mm: float = 12.0  # from the top edge of the page to the page number's top


def layout_style(typesetter: Typesetter, font_set: FontSet) -> LayoutStyle:
    """The style for ``font_set``: body size calibrated to look like TH Sarabun PSK 16 pt.

    The other sizes keep TH Sarabun's proportions whatever face is used (Sarabun draws larger).
    """
    body = body_size_pt(font_set)
    line = typesetter.line_height_mm(body)
    small = round(body * SMALL_SCALE, 1)
    return LayoutStyle(
        body_pt=body,
        title_pt=round(body * TITLE_SCALE, 1),
        small_pt=small,
        line_mm=line,
        small_line_mm=typesetter.line_height_mm(small),
        space_section_mm=line * 0.9,
        space_group_mm=line * 0.6,
        space_measure_mm=line * 0.6,
        space_part_mm=line * 0.3,
    )
