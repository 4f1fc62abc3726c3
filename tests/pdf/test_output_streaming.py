"""Writing the PDF: streamed into the file, nothing of a render left in memory, photos not hashed."""

from __future__ import annotations

import gc
import io
import random
import re
import tracemalloc
import weakref

import fpdf.image_parsing
import pytest
from PIL import Image
from pypdf import PdfReader

from ita_desktop.errors import UserError
from ita_desktop.model import Photo
from ita_desktop.pdf import render as render_module
from ita_desktop.pdf import render_report, render_to_file
from ita_desktop.pdf.render import render_with_pages
from tests.helpers import small_report
from tests.pdf.pdf_support import MemoryPhotos, embedded_images, extracted_pictures, pypdf_pages, squash


def noisy_jpeg(seed: int, size: tuple[int, int] = (1200, 900)) -> bytes:
    """A JPEG of random pixels (hundreds of kB, unlike a flat test picture)."""
    rng = random.Random(seed)
    small = Image.frombytes("RGB", (size[0] // 4, size[1] // 4), rng.randbytes(size[0] // 4 * size[1] // 4 * 3))
    out = io.BytesIO()
    small.resize(size).save(out, "JPEG", quality=90)
    return out.getvalue()


def report_with_photos(count: int):
    report = small_report()
    source = MemoryPhotos()
    for photo_id in range(1, count + 1):
        data = noisy_jpeg(photo_id)
        source.add(photo_id, data)
        report.measures[0].photos.append(Photo(caption=f"ภาพที่ {photo_id}", width=1200, height=900, id=photo_id))
    return report, source


def test_streamed_file_equals_the_buffered_render(tmp_path):
    report, source = report_with_photos(3)
    buffered = tmp_path / "buffered.pdf"
    buffered.write_bytes(render_report(report, source))
    streamed = tmp_path / "streamed.pdf"
    with streamed.open("wb") as file:
        data, pages = render_with_pages(report, source, into=file)
    assert data == bytearray()
    reader = PdfReader(str(streamed), strict=True)  # strict: the xref offsets must be exact
    assert len(reader.pages) == pages == len(PdfReader(str(buffered)).pages)
    assert [squash(t) for t in pypdf_pages(streamed)] == [squash(t) for t in pypdf_pages(buffered)]
    assert len(extracted_pictures(streamed)) == 3
    # Same objects in the same order: only the creation date and /ID may differ.
    assert abs(streamed.stat().st_size - buffered.stat().st_size) < 100


def test_render_to_file_reports_the_size_written(demo_store_file, tmp_path):
    path, report_id = demo_store_file
    output = tmp_path / "out.pdf"
    stats = render_to_file(path, report_id, output)
    assert stats.bytes == output.stat().st_size
    assert output.read_bytes().rstrip().endswith(b"%%EOF")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_trailer_id_follows_the_content(tmp_path):
    report, source = report_with_photos(1)
    first = render_report(report, source)
    report.measures[0].summary = "ดำเนินการเสร็จสิ้นทุกขั้นตอน"
    second = render_report(report, source)
    ids = [re.search(rb"/ID \[<([0-9A-F]{32})><\1>\]", pdf) for pdf in (first, second)]
    assert all(ids)
    assert ids[0].group(1) != ids[1].group(1)


def test_nothing_of_a_render_stays_in_memory(monkeypatch):
    """Reference cycles once kept each document (and its photos) until a full collection."""
    report, source = report_with_photos(4)
    photo_bytes = sum(len(source.photo_data(i)) for i in range(1, 5))
    documents = []

    class WatchedDocument(render_module.ReportDocument):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            documents.append(weakref.ref(self))

    monkeypatch.setattr(render_module, "ReportDocument", WatchedDocument)
    render_report(report, source)  # fonts, word list and caches settle first
    gc.collect()
    gc.disable()
    tracemalloc.start()
    try:
        pdf = render_report(report, source)
        big_blocks = [trace.size for trace in tracemalloc.take_snapshot().traces if trace.size >= 100_000]
    finally:
        tracemalloc.stop()
        gc.enable()
    assert photo_bytes > 1_000_000
    assert documents[-1]() is None, "the document outlived its render"
    # The returned PDF is the one large block left (no output buffer, no photo copies).
    assert len(big_blocks) == 1 and big_blocks[0] >= len(pdf)


def test_photos_are_not_hashed_and_stay_distinct(tmp_path, monkeypatch):
    calls = []
    real_new = fpdf.image_parsing.hashlib.new

    def counting_new(name, *args, **kwargs):
        calls.append(name)
        return real_new(name, *args, **kwargs)

    monkeypatch.setattr(fpdf.image_parsing.hashlib, "new", counting_new)
    report, source = report_with_photos(3)
    path = tmp_path / "photos.pdf"
    path.write_bytes(render_report(report, source))
    assert calls == []
    rows = embedded_images(path)
    assert len(rows) == 3 and all(row["enc"] == "jpeg" for row in rows)
    pictures = extracted_pictures(path)
    assert len({picture.tobytes() for picture in pictures}) == 3


@pytest.mark.parametrize("failing_step", ["render", "write"])
def test_a_failed_streamed_render_leaves_the_old_file(demo_store_file, tmp_path, monkeypatch, failing_step):
    path, report_id = demo_store_file
    output = tmp_path / "out.pdf"
    output.write_bytes(b"%PDF old")
    target = "write_pdf" if failing_step == "write" else "Flow"

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(render_module, target, broken)
    with pytest.raises(RuntimeError):
        render_to_file(path, report_id, output)
    assert output.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_disk_full_while_streaming_is_a_clear_error_and_leaves_nothing(demo_store_file, tmp_path, monkeypatch):
    path, report_id = demo_store_file
    output = tmp_path / "out.pdf"
    output.write_bytes(b"%PDF old")
    real_write_pdf = render_module.write_pdf

    def write_on_full_disk(pdf, file):
        file.write(b"%PDF-1.4\n")

        class FullDisk:
            def write(self, data):
                raise OSError(28, "No space left on device")

        file._file = FullDisk()  # the temp file's next write fails as on a full drive
        return real_write_pdf(pdf, file)

    monkeypatch.setattr(render_module, "write_pdf", write_on_full_disk)
    with pytest.raises(UserError) as caught:
        render_to_file(path, report_id, output)
    assert "No space left on device" in caught.value.message()
    assert output.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_other_os_errors_of_a_render_are_not_called_save_errors(demo_store_file, tmp_path, monkeypatch):
    path, report_id = demo_store_file

    def missing_font(*args, **kwargs):
        raise FileNotFoundError(2, "No such file or directory", "Sarabun-Regular.ttf")

    monkeypatch.setattr(render_module, "Flow", missing_font)
    with pytest.raises(FileNotFoundError):
        render_to_file(path, report_id, tmp_path / "out.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_killed_renders_leftover_part_is_cleared_by_the_next_render(tmp_path):
    import os
    import time

    from ita_desktop.atomic_file import STALE_PART_SECONDS, write_atomically

    output = tmp_path / "report.pdf"
    stale = tmp_path / ".report.pdf.abc123.part"
    fresh = tmp_path / ".report.pdf.def456.part"  # another render writing right now
    stale.write_bytes(b"%PDF-1.7 half")
    fresh.write_bytes(b"%PDF-1.7 busy")
    old = time.time() - STALE_PART_SECONDS - 60
    os.utime(stale, (old, old))
    write_atomically(b"%PDF-1.7 whole", output)
    assert output.read_bytes() == b"%PDF-1.7 whole"
    assert not stale.exists() and fresh.exists()
