"""How photos stand on the page, shared by the PDF and the Word export: pairs, panoramas alone."""

from __future__ import annotations

from collections.abc import Sequence

from ita_desktop.model.report import Photo

# The largest a photo ever prints: the A4 text width (210 − 30 − 20 mm) and 120 mm tall. The print
# copy made at import has 300 ppi at this size (ita_desktop.photos.prepare).
PRINT_MAX_WIDTH_MM = 160.0
PRINT_MAX_HEIGHT_MM = 120.0
# A picture wider than this (a panorama) gets a row of its own.
PANORAMA_ASPECT = 1.9
# A pair shares one height of at most this; a lone photo takes at most SINGLE_MAX_WIDTH_SHARE of the
# text width (more for a panorama) and, being the import's print box, at most PRINT_MAX_HEIGHT_MM.
PAIR_MAX_HEIGHT_MM = 75.0
SINGLE_MAX_WIDTH_SHARE = 0.75
SINGLE_MAX_HEIGHT_MM = PRINT_MAX_HEIGHT_MM
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
