"""Photos under "ภาพประกอบ": rows of one or two by aspect, scaled to fit, each with its caption."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ita_desktop.model import Photo
from ita_desktop.model.photo_rows import group_rows, row_sizes
from ita_desktop.pdf.flow import Flow
from ita_desktop.pdf.photo_embedding import EmbedRequest, NamedImage, PhotoLoader
from ita_desktop.pdf.style import LayoutStyle
from ita_desktop.typesetting import Line, Typesetter


@dataclass(frozen=True)
class PhotoCell:
    """One photo of a row: where it goes (x from the frame's left) and its caption lines."""

    photo: Photo
    x_mm: float
    width_mm: float
    height_mm: float
    caption: Sequence[Line]

    @property
    def request(self) -> EmbedRequest:
        return EmbedRequest(self.photo.id or 0, self.width_mm, self.height_mm)


@dataclass
class PhotoRowBlock:
    """A row of photos with their captions: never split, never parted from a caption."""

    typesetter: Typesetter
    loader: PhotoLoader
    cells: list[PhotoCell]
    caption_gap_mm: float
    space_before_mm: float = 0.0
    keep_with_next: bool = False
    image_height_mm: float = field(init=False)

    def __post_init__(self) -> None:
        self.image_height_mm = max(cell.height_mm for cell in self.cells)

    def height_mm(self) -> float:
        caption = max((sum(line.height_mm for line in c.caption) for c in self.cells), default=0.0)
        return self.image_height_mm + (self.caption_gap_mm + caption if caption else 0.0)

    def lead_height_mm(self) -> float:
        return self.height_mm()

    def place(self, flow: Flow) -> None:
        top = flow.y
        for cell in self.cells:
            x = flow.frame.left + cell.x_mm
            # Photos of a row share a bottom edge, so captions line up.
            y = top + self.image_height_mm - cell.height_mm
            request = cell.request
            picture = NamedImage(self.loader.get(request), request.image_name)
            flow.pdf.image(picture, x=x, y=y, w=cell.width_mm, h=cell.height_mm)
            caption_y = top + self.image_height_mm + self.caption_gap_mm
            for line in cell.caption:
                self.typesetter.draw_line(line, x, caption_y)
                caption_y += line.height_mm
        flow.y = top + self.height_mm()


def photo_rows(typesetter: Typesetter, loader: PhotoLoader, style: LayoutStyle, photos: Sequence[Photo],
               width_mm: float) -> list[PhotoRowBlock]:
    """Blocks for the photos of one measure, centred in the text width."""
    blocks = []
    gap = style.photo_gap_mm
    for row in group_rows(photos):
        sizes = row_sizes(row, width_mm, gap)
        total = sum(w for w, _ in sizes) + gap * (len(row) - 1)
        x = (width_mm - total) / 2
        cells = []
        for photo, (w, h) in zip(row, sizes, strict=True):
            caption = typesetter.layout(photo.caption, w, style.small_pt, align="center") \
                if photo.caption.strip() else []
            cells.append(PhotoCell(photo, x, w, h, caption))
            x += w + gap
        blocks.append(PhotoRowBlock(typesetter, loader, cells, style.caption_gap_mm,
                                    space_before_mm=style.space_part_mm))
    return blocks
