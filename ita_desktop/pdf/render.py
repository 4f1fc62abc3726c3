"""Render a report to PDF bytes or, atomically, to a file (what print, preview and the CLI call)."""

from __future__ import annotations

import glob
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ita_desktop.errors import ReportFileError
from ita_desktop.model import Report
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
    typesetter = Typesetter(pdf, font_set)
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


def _save_error(output: Path, exc: OSError) -> ReportFileError:
    return ReportFileError(f"{output}: could not save the PDF ({exc.strerror}).",
                           f"{output}: บันทึกไฟล์ PDF ไม่สำเร็จ ({exc.strerror})")


class _SavingFile:
    """The temporary file being written: a failed write (disk full, drive pulled out) becomes a
    clear ReportFileError, while other errors of the render pass through as they are."""

    def __init__(self, file: BinaryIO, output: Path) -> None:
        self._file = file
        self._output = output

    def write(self, data: bytes | bytearray) -> int:
        try:
            return self._file.write(data)
        except OSError as exc:
            raise _save_error(self._output, exc) from exc

    def tell(self) -> int:
        return self._file.tell()


# A temporary file this old was left by a render that was killed (a render takes seconds).
STALE_PART_SECONDS = 600


def _remove_stale_parts(folder: Path, output_name: str) -> None:
    cutoff = time.time() - STALE_PART_SECONDS
    for part in folder.glob(f".{glob.escape(output_name)}.*.part"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            pass  # someone else's file or already gone: leave it


@contextmanager
def atomic_output(output: Path) -> Iterator[BinaryIO]:
    """A temporary file beside ``output`` that replaces it (fsynced) only if the block succeeds."""
    output = Path(output)
    folder = output.parent if str(output.parent) else Path(".")
    _remove_stale_parts(folder, output.name)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ReportFileError(f"{output}: cannot write here ({exc.strerror}).",
                              f"{output}: เขียนไฟล์ที่ตำแหน่งนี้ไม่ได้ ({exc.strerror})") from exc
    written = False
    try:
        with os.fdopen(handle, "wb") as file:
            yield _SavingFile(file, output)  # type: ignore[misc]
            written = True
            try:
                file.flush()
                os.fsync(file.fileno())
            except OSError as exc:
                raise _save_error(output, exc) from exc
        os.replace(temp_name, output)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        if written:  # closing or replacing the file failed
            raise _save_error(output, exc) from exc
        raise  # the render itself failed: not a saving problem
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_atomically(data: bytes | bytearray, output: Path) -> None:
    """Write ``data`` so that ``output`` is either the old file or the whole new one, never half."""
    with atomic_output(output) as file:
        file.write(data)


def render_to_file(ita_path: Path, report_id: int, output: Path, *, progress: Progress | None = None) -> RenderStats:
    """Open ``ita_path`` read-only (safe on a worker thread), render ``report_id`` and write ``output``."""
    from ita_desktop.store.report_store import ReportStore  # the store is only needed for files

    started = time.perf_counter()
    store = ReportStore.open_reader(ita_path)
    try:
        try:
            report = store.load_report(report_id)
        except KeyError:
            raise ReportFileError(f"{ita_path}: there is no report {report_id} in this file.",
                                  f"{ita_path}: ไม่มีรายงานหมายเลข {report_id} ในไฟล์นี้") from None
        with atomic_output(Path(output)) as file:
            _, pages = render_with_pages(report, store, progress=progress, into=file)
            size = file.tell()
    finally:
        store.close()
    return RenderStats(pages=pages, bytes=size, seconds=time.perf_counter() - started)
