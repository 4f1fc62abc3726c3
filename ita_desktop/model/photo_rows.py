"""How photos stand on the page, shared by the PDF and the Word export: pairs, panoramas alone, sizes."""

from __future__ import annotations

from collections.abc import Sequence

from ita_desktop.model.print_resolution import MIN_PRINTED_PPI, mm_for
from ita_desktop.model.report import Photo

# The A4 page width: the widest a panorama can print (the official margins leave 160 mm, but the clerk
# may narrow them), so its print copy is made for that.
PAGE_WIDTH_MM = 210.0
# A picture wider than this (a panorama) gets a row of its own.
PANORAMA_ASPECT = 1.9
# A pair shares one height of at most this.
PAIR_MAX_HEIGHT_MM = 75.0
# A lone photo (or a panorama's height) fits this square. 115 mm: a 12-megapixel phone photo
# decoded at a quarter (1000 px) still has MIN_PRINT_PPI there, so import never resamples it.
SINGLE_MAX_MM = 115.0
UNKNOWN_ASPECT = 4 / 3


def photo_aspect(photo: Photo) -> float:
    """Width / height as printed; 4:3 when the size is not known."""
    return photo.aspect if photo.width and photo.height else UNKNOWN_ASPECT


def group_rows(photos: Sequence[Photo]) -> list[list[Photo]]:
    """Pairs in order; a panorama, or the last odd photo, stands alone."""
    rows: list[list[Photo]] = []
    index = 0
    while index < len(photos):
        pair = photos[index:index + 2]
        if len(pair) == 2 and all(photo_aspect(p) < PANORAMA_ASPECT for p in pair):
            rows.append(list(pair))
            index += 2
        else:
            rows.append([photos[index]])
            index += 1
    return rows


def _lone_height(aspect: float, width_mm: float) -> float:
    widest = width_mm if aspect >= PANORAMA_ASPECT else min(width_mm, SINGLE_MAX_MM)
    return min(widest / aspect, SINGLE_MAX_MM)


def _pixel_height_limit(photo: Photo) -> float:
    """The tallest ``photo`` may print and keep MIN_PRINTED_PPI (no limit when its size is unknown)."""
    return mm_for(photo.height, MIN_PRINTED_PPI) if photo.width and photo.height else float("inf")


def row_sizes(row: Sequence[Photo], width_mm: float, gap_mm: float) -> list[tuple[float, float]]:
    """(width, height) in mm of each photo of a row, aspect kept, fitted in ``width_mm``."""
    aspects = [photo_aspect(photo) for photo in row]
    pixel_limit = min(_pixel_height_limit(photo) for photo in row)
    if len(row) == 1:
        height = min(_lone_height(aspects[0], width_mm), pixel_limit)
    else:  # one height for the row: the widths add up to the text width less the gaps, capped
        height = min((width_mm - gap_mm * (len(row) - 1)) / sum(aspects), PAIR_MAX_HEIGHT_MM, pixel_limit)
    return [(height * aspect, height) for aspect in aspects]


def largest_print_mm(aspect: float) -> tuple[float, float]:
    """The largest (width, height) a photo of ``aspect`` can print at, alone or in any pair."""
    height = _lone_height(aspect, PAGE_WIDTH_MM)
    if aspect < PANORAMA_ASPECT:  # beside a vanishingly narrow partner a pair photo may be larger
        height = max(height, min(PAGE_WIDTH_MM / aspect, PAIR_MAX_HEIGHT_MM))
    return height * aspect, height
