"""Photos in the Word export: at the size the PDF prints them, a pair side by side over their captions.

A pair is a borderless two-column table (photos in the first row, captions in
the second), which the Word importer reads back column by column; a lone photo
is a centred paragraph with its caption under it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Mm

from ita_desktop.model import Photo

# The PDF's rules (ita_desktop.pdf photo rows): pairs unless a panorama; a pair shares one
# height of at most 75 mm; a lone photo takes 3/4 of the text width and at most 100 mm height.
PANORAMA_ASPECT = 1.9
PAIR_MAX_HEIGHT_MM = 75.0
SINGLE_MAX_WIDTH_SHARE = 0.75
SINGLE_MAX_HEIGHT_MM = 100.0
PHOTO_GAP_MM = 6.0
CELL_PADDING_MM = 4.0  # Word's default left + right cell margins (1.9 mm each), rounded up
UNKNOWN_ASPECT = 4 / 3

PhotoBytes = Callable[[Photo], bytes | None]


def _aspect(photo: Photo) -> float:
    return photo.aspect if photo.width and photo.height else UNKNOWN_ASPECT


def photo_rows(photos: Sequence[Photo]) -> list[list[Photo]]:
    """Pairs in order; a panorama, or the last odd photo, stands alone."""
    rows: list[list[Photo]] = []
    index = 0
    while index < len(photos):
        pair = photos[index:index + 2]
        if len(pair) == 2 and all(_aspect(p) < PANORAMA_ASPECT for p in pair):
            rows.append(list(pair))
            index += 2
        else:
            rows.append([photos[index]])
            index += 1
    return rows


def printed_sizes(row: Sequence[Photo], width_mm: float) -> list[tuple[float, float]]:
    """(width, height) in mm of each photo of a row, aspect kept, fitted in ``width_mm``."""
    aspects = [_aspect(photo) for photo in row]
    if len(row) == 1:
        width = width_mm * (1.0 if aspects[0] >= PANORAMA_ASPECT else SINGLE_MAX_WIDTH_SHARE)
        height = min(width / aspects[0], SINGLE_MAX_HEIGHT_MM)
        return [(height * aspects[0], height)]
    usable = width_mm - PHOTO_GAP_MM * (len(row) - 1) - CELL_PADDING_MM * len(row)
    height = min(usable / sum(aspects), PAIR_MAX_HEIGHT_MM)
    return [(height * aspect, height) for aspect in aspects]


def add_photos(document: Document, photos: Sequence[Photo], width_mm: float, read: PhotoBytes) -> int:
    """Add the photos of one measure; returns how many were written (a missing picture is left out)."""
    ready = [(photo, data) for photo in photos if (data := read(photo))]
    data_of = {id(photo): data for photo, data in ready}
    for row in photo_rows([photo for photo, _ in ready]):
        sizes = printed_sizes(row, width_mm)
        if len(row) == 1:
            _single(document, row[0], data_of[id(row[0])], sizes[0][0])
        else:
            _pair(document, row, [data_of[id(p)] for p in row], sizes)
    return len(ready)


def _single(document: Document, photo: Photo, data: bytes, width_mm: float) -> None:
    paragraph = document.add_paragraph(style="ITA Photo")
    paragraph.add_run().add_picture(io.BytesIO(data), width=Mm(width_mm))
    if photo.caption.strip():
        document.add_paragraph(photo.caption, style="ITA Caption")


def _pair(document: Document, row: Sequence[Photo], data: Sequence[bytes],
          sizes: Sequence[tuple[float, float]]) -> None:
    has_captions = any(photo.caption.strip() for photo in row)
    table = document.add_table(rows=2 if has_captions else 1, cols=len(row))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, (photo, picture, (width, _)) in enumerate(zip(row, data, sizes, strict=True)):
        cell = table.cell(0, column)
        cell.width = Mm(width + CELL_PADDING_MM + PHOTO_GAP_MM / 2)
        paragraph = cell.paragraphs[0]
        paragraph.style = document.styles["ITA Photo"]
        paragraph.add_run().add_picture(io.BytesIO(picture), width=Mm(width))
        if has_captions:
            caption = table.cell(1, column)
            caption.width = cell.width
            caption.paragraphs[0].style = document.styles["ITA Caption"]
            if photo.caption.strip():
                caption.paragraphs[0].add_run(photo.caption)
