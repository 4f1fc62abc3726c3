"""The official report's proportions, shared by the PDF and the Word export so both look alike.

Sizes are ratios of the body size (TH Sarabun PSK 16 pt in Thai official documents);
indents are first-line indents, continuation lines returning to the margin.
"""

from __future__ import annotations

TITLE_SCALE = 18 / 16
SMALL_SCALE = 14 / 16  # table cells and photo captions
INDENT_GROUP_MM = 10.0
INDENT_MEASURE_MM = 10.0
INDENT_PART_MM = 20.0
PHOTO_GAP_MM = 6.0  # between the two photos of a row
