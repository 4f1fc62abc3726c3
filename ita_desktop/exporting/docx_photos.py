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
from ita_desktop.model.official_style import PHOTO_GAP_MM
from ita_desktop.model.photo_rows import group_rows, row_sizes

CELL_PADDING_MM = 4.0  # Word's default left + right cell margins (1.9 mm each), rounded up

PhotoBytes = Callable[[Photo], bytes | None]


def printed_sizes(row: Sequence[Photo], width_mm: float) -> list[tuple[float, float]]:
    """(width, height) in mm of each photo of a row: the PDF's sizes, less the table's cell margins."""
    usable = width_mm - (CELL_PADDING_MM * len(row) if len(row) > 1 else 0.0)
    return row_sizes(row, usable, PHOTO_GAP_MM)


def add_photos(document: Document, photos: Sequence[Photo], width_mm: float, read: PhotoBytes) -> int:
    """Add the photos of one measure; returns how many were written (a missing picture is left out)."""
    ready = [(photo, data) for photo in photos if (data := read(photo))]
    data_of = {id(photo): data for photo, data in ready}
    for row in group_rows([photo for photo, _ in ready]):
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
