"""Pours blocks down the pages: page breaks, space before blocks, headings kept with what follows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from ita_desktop.pdf.document import Frame, ReportDocument


class Block(Protocol):
    """Something the flow places: a paragraph, a photo row, a table, the sign-off."""

    space_before_mm: float
    keep_with_next: bool

    def height_mm(self) -> float:
        """Total height when nothing breaks."""

    def lead_height_mm(self) -> float:
        """The height that must fit on a page before the block may start there."""

    def place(self, flow: Flow) -> None:
        """Draw at ``flow.y``, asking the flow for new pages as needed."""


class Flow:
    """The cursor of the layout: current page and y, and the frame content must stay in."""

    def __init__(self, pdf: ReportDocument, frame: Frame) -> None:
        self.pdf = pdf
        self.frame = frame
        self.y = frame.top
        self.on_new_page: list[Callable[[], None]] = []  # e.g. a table repeating its header

    @property
    def remaining_mm(self) -> float:
        return self.frame.bottom - self.y

    @property
    def at_page_top(self) -> bool:
        return self.pdf.page > 0 and self.y <= self.frame.top + 1e-6

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = self.frame.top
        for hook in list(self.on_new_page):
            hook()

    def fits(self, height_mm: float) -> bool:
        # A hair of tolerance: float sums of line heights must not push a full page over.
        return height_mm <= self.remaining_mm + 1e-6

    def ensure(self, height_mm: float) -> None:
        """Start a new page unless ``height_mm`` fits below the cursor (or the page is still empty)."""
        if not self.fits(height_mm) and not self.at_page_top:
            self.new_page()

    def run(self, blocks: Sequence[Block], progress: Callable[[int], None] | None = None) -> None:
        """Place ``blocks`` in order; ``progress(i)`` after block i."""
        if self.pdf.page == 0:
            self.new_page()
        for index, block in enumerate(blocks):
            need = _kept_height(blocks, index)
            space = 0.0 if self.at_page_top else block.space_before_mm
            if not self.fits(space + need) and not self.at_page_top:
                self.new_page()
                space = 0.0
            self.y += space
            block.place(self)
            if progress is not None:
                progress(index)


def _kept_height(blocks: Sequence[Block], index: int) -> float:
    """Height that must fit for block ``index`` to start: a heading takes what it keeps with."""
    block = blocks[index]
    if not block.keep_with_next or index + 1 >= len(blocks):
        return block.lead_height_mm()
    following = blocks[index + 1]
    return block.height_mm() + following.space_before_mm + _kept_height(blocks, index + 1)
