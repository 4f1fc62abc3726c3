"""How many pixels a printed photo carries: the rule the import, the PDF and the Word export share.

A copy is made for the largest size the layout can ever print a photo (see
:func:`ita_desktop.model.photo_rows.largest_print_mm`) with at least
MIN_PRINT_PPI there. JPEG decoding scales by halves almost for free, so a
decoded copy lands between MIN_PRINT_PPI and twice that; anything sharper than
MAX_KEPT_PPI is resampled to PRINT_PPI, anything between is used as it is.
"""

from __future__ import annotations

import math

MM_PER_INCH = 25.4
# Word's default picture resolution for documents (Options → Advanced → Image size and quality).
# A report laid out in Word prints its photos at this; office laser printers, with a halftone
# screen of ~100 lines per inch, show nothing finer.
MIN_PRINT_PPI = 220
PRINT_PPI = 300
MAX_KEPT_PPI = 2 * MIN_PRINT_PPI
# A picture too small for its place prints smaller rather than blurred: never under this.
MIN_PRINTED_PPI = 150


def pixels_for(mm: float, ppi: float) -> int:
    """Pixels that give ``ppi`` over ``mm`` (at least one)."""
    return max(1, math.ceil(mm / MM_PER_INCH * ppi - 1e-9))


def ppi_of(pixels: int, mm: float) -> float:
    """The resolution of ``pixels`` printed over ``mm``."""
    return pixels / (mm / MM_PER_INCH) if mm > 0 else 0.0


def mm_for(pixels: int, ppi: float) -> float:
    """How long ``pixels`` print at ``ppi``."""
    return pixels / ppi * MM_PER_INCH
