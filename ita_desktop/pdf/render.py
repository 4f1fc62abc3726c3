"""Render a report to PDF bytes or, atomically, to a file (what print, preview and the CLI call)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ita_desktop.atomic_file import atomic_output
from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message
from ita_desktop.model import Report
from ita_desktop.model.report_words import report_words
from ita_desktop.pdf.document import Frame, ReportDocument, page_number_text, set_metadata
from ita_desktop.pdf.flow import Flow
from ita_desktop.pdf.photo_embedding import PhotoLoader, PhotoSource
from ita_desktop.pdf.report_blocks import ReportBlocks
from ita_desktop.pdf.streaming_output import pdf_bytes, write_pdf
from ita_desktop.pdf.style import LayoutStyle, layout_style
from ita_desktop.typesetting import Typesetter, default_font_set

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RenderStats:
    """What a render produced."""

    pages: int
    bytes: int
    seconds: float


def _page_number_painter(pdf: ReportDocument, typesetter: Typesetter, style: LayoutStyle,
                         thai: bool) -> Callable[[int], None]:
    def paint(page: int) -> None:
        lines = typesetter.layout(page_number_text(page, thai), pdf.frame.width, style.body_pt, align="center")
        for line in lines:
            typesetter.draw_line(line, pdf.frame.left, style.page_number_offset_mm)
    return paint


def render_report(report: Report, photos: PhotoSource, *, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes; ``progress(done, total)`` is called as measures are laid out and placed."""
    return bytes(render_with_pages(report, photos, progress=progress)[0])


def render_with_pages(report: Report, photos: PhotoSource, *, progress: Progress | None = None,
                      into: BinaryIO | None = None) -> tuple[bytearray, int]:
    """:func:`render_report` without the final copy to ``bytes``, also giving the number of pages.

    With ``into``, the PDF is written into that file as it is serialised (no buffer of the
    whole document) and the returned buffer is empty.
    """
    frame = Frame.from_margins(report.margins_mm)
    pdf = ReportDocument(frame)
    set_metadata(pdf, report)
    font_set = default_font_set()
    # The report's own names (agency, units, signatories) are words of its dictionary, never cut.
    typesetter = Typesetter(pdf, font_set, own_words=report_words(report))
    style = layout_style(typesetter, font_set)
    pdf.page_number_painter = _page_number_painter(pdf, typesetter, style, report.thai_digits)

    measure_count = len(report.measures)
    total = 2 * measure_count + 1  # lay out each measure, place each measure, write the file
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(min(done, total - 1), total)

    loader = PhotoLoader(photos)
    try:
        blocks = ReportBlocks(typesetter, style, frame.width, loader, report.thai_digits).build(report, step)
        placed_per_step = max(1, len(blocks) // max(1, measure_count))
        Flow(pdf, frame).run(blocks, progress=lambda i: step() if (i + 1) % placed_per_step == 0 else None)
        del blocks
        # fpdf2 holds every photo until output; with ``into`` nothing else holds the PDF.
        if into is None:
            data = pdf_bytes(pdf)
        else:
            write_pdf(pdf, into)
            data = bytearray()
        pages = pdf.page
    finally:
        loader.close()
        # The painter closes over the document: break the cycle so the photos fpdf2 holds
        # are freed now, not at the next full garbage collection (a second render would
        # otherwise start on top of the first one's ~200 MB).
        pdf.page_number_painter = None
        pdf.image_cache.images.clear()
    if progress is not None:
        progress(total, total)
    return data, pages


def render_to_file(ita_path: Path, report_id: int, output: Path, *, progress: Progress | None = None) -> RenderStats:
    """Open ``ita_path`` read-only (safe on a worker thread), render ``report_id`` and write ``output``."""
    from ita_desktop.store.report_store import ReportStore  # the store is only needed for files

    started = time.perf_counter()
    store = ReportStore.open_reader(ita_path)
    try:
        try:
            report = store.load_report(report_id)
        except KeyError:
            raise ReportFileError(Message("{path}: there is no report {report_id} in this file.",
                                          path=ita_path, report_id=str(report_id))) from None
        with atomic_output(Path(output)) as file:
            _, pages = render_with_pages(report, store, progress=progress, into=file)
            size = file.tell()
    finally:
        store.close()
    return RenderStats(pages=pages, bytes=size, seconds=time.perf_counter() - started)
