"""Word import: a seed-like .docx with sideways, CMYK, PNG and broken photos, tables and sign-off blocks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from PIL import Image

from ita_desktop.importing.docx_import import import_docx, recognise_docx
from ita_desktop.importing.docx_package import DocxError
from ita_desktop.paths import sample_report_text
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes

BROKEN_MARKER = (255, 0, 255)


def png_bytes(width: int = 240, height: int = 120) -> bytes:
    image = Image.new("RGBA", (width, height), (0, 0, 255, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def marker_png(width: int = 33) -> bytes:
    """A stand-in picture, swapped inside the zip afterwards for bytes python-docx would not embed."""
    out = io.BytesIO()
    Image.new("RGB", (width, 17), BROKEN_MARKER).save(out, "PNG")
    return out.getvalue()


def add_picture(document, data: bytes, width_mm: float = 60) -> None:
    document.add_paragraph().add_run().add_picture(io.BytesIO(data), width=Mm(width_mm))


def add_table(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    return table


def swap_pictures(path: Path, replacements: dict[bytes, bytes]) -> None:
    """Replace stand-in pictures' bytes inside the zip (a broken picture, a CMYK JPEG python-docx refuses)."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info.filename, replacements.get(data, data))


def build_seed_docx(path: Path, broken: bool = True) -> Path:
    """The seed report as Word paragraphs; photos under measure 1 and a photo grid under measure 2."""
    document = docx.Document()
    table_rows: list[list[str]] = []
    for line in sample_report_text().splitlines():
        if "\t" in line:
            table_rows.append(line.split("\t"))
            continue
        if table_rows:
            add_table(document, table_rows)
            table_rows = []
        document.add_paragraph(line)
        if line.startswith("(๑.๕)"):
            add_picture(document, jpeg_bytes(400, 300, orientation=6))
            document.add_paragraph("ภาพที่ ๑ ประชุมชี้แจงเจ้าหน้าที่")
            add_picture(document, jpeg_bytes(400, 300, orientation=8))
            add_picture(document, marker_png(34))  # becomes a CMYK JPEG
            document.add_paragraph("ภาพที่ ๓ ภาพสแกนจากเอกสาร")
            if broken:
                add_picture(document, marker_png())
            add_picture(document, png_bytes())
            document.add_paragraph("ภาพที่ ๕ แผนภูมิ")
        if line.startswith("(๒.๕)"):
            grid = document.add_table(rows=2, cols=2)
            for column in range(2):
                grid.cell(0, column).paragraphs[0].add_run().add_picture(
                    io.BytesIO(jpeg_bytes(300 + column, 200)), width=Mm(50))
            grid.cell(1, 1).text = "ภาพที่ ๒ ป้ายประชาสัมพันธ์"  # the first photo has no caption
    document.save(str(path))
    replacements = {marker_png(34): jpeg_bytes(200, 160, mode="CMYK")}
    if broken:
        replacements[marker_png()] = b"not a picture at all"
    swap_pictures(path, replacements)
    return path


@pytest.fixture
def seed_docx(tmp_path) -> Path:
    return build_seed_docx(tmp_path / "seed.docx")


def test_structure_is_the_text_importers(seed_docx):
    report = recognise_docx(seed_docx).result.report
    assert report.agency == "องค์การบริหารส่วนจังหวัดอ่างทอง" and report.fiscal_year == 2566
    assert [len(g.measures) for s in report.sections for g in s.groups] == [6, 1, 1, 1]
    first = report.measures[0]
    assert first.items == ["I1"] and first.items_previous
    assert first.steps.startswith("ให้ข้าราชการ") and first.responsible.startswith("ทุกส่วนราชการ")
    assert len(first.table) == 5 and first.table[0][1] == "การทบทวนคู่มือ"
    assert [s.role for s in report.signatories] == ["ผู้จัดทำรายงาน", "อนุมัติโดย", "อนุมัติโดย"]


def test_photos_attached_in_order_with_captions_and_upright(seed_docx, tmp_path):
    seen = []
    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        outcome = import_docx(store, seed_docx, progress=lambda done, total: seen.append((done, total)))
        report = store.load_report(outcome.report_id)
        photos = report.measures[0].photos
        assert [p.caption for p in photos] == ["ภาพที่ ๑ ประชุมชี้แจงเจ้าหน้าที่", "", "ภาพที่ ๓ ภาพสแกนจากเอกสาร",
                                               "ภาพที่ ๕ แผนภูมิ"]
        assert [(p.width, p.height) for p in photos] == [(300, 400), (300, 400), (200, 160), (240, 120)]
        # orientation 6 turns the red left half to the top, orientation 8 to the bottom
        right_way = Image.open(io.BytesIO(store.photo_data(photos[0].id)))
        other_way = Image.open(io.BytesIO(store.photo_data(photos[1].id)))
        assert right_way.getpixel((150, 20))[0] > 200 and right_way.getpixel((150, 380))[1] > 200
        assert other_way.getpixel((150, 380))[0] > 200 and other_way.getpixel((150, 20))[1] > 200
        cmyk = Image.open(io.BytesIO(store.photo_data(photos[2].id)))
        assert cmyk.mode == "RGB" and store.photo_format(photos[2].id) == "JPEG"
        assert store.photo_format(photos[3].id) == "PNG"
        assert store.photo_data(photos[3].id, "original") == png_bytes()  # the original is kept
        grid = report.measures[1].photos
        assert [(p.width, p.caption) for p in grid] == [(300, ""), (301, "ภาพที่ ๒ ป้ายประชาสัมพันธ์")]
    assert outcome.photos_stored == 6 and outcome.photos_skipped == 1
    assert seen[0] == (0, 7) and seen[-1] == (7, 7) and len(seen) == 8


def test_broken_picture_is_named_and_the_rest_imported(seed_docx, tmp_path):
    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        outcome = import_docx(store, seed_docx)
    broken = [w for w in outcome.warnings if w.code == "unreadable_picture"]
    assert len(broken) == 1
    assert "image4.png" in broken[0].message("en") and "image4.png" in broken[0].message("th")
    assert "มาตรการเกี่ยวกับทบทวน" in broken[0].message("th")


def test_missing_picture_part_is_reported(tmp_path):
    path = build_seed_docx(tmp_path / "seed.docx", broken=False)
    with zipfile.ZipFile(path) as archive:
        members = [(i.filename, archive.read(i.filename)) for i in archive.infolist()]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            if name != "word/media/image2.jpg":
                archive.writestr(name, data)
    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        outcome = import_docx(store, path)
    messages = [w.message("en") for w in outcome.warnings if w.code == "unreadable_picture"]
    assert len(messages) == 1
    assert messages[0].startswith("picture not imported: image2.jpg: the picture is missing from the Word file.")
    assert "มาตรการเกี่ยวกับทบทวน" in messages[0]
    assert outcome.photos_stored == 5


@pytest.mark.parametrize("content, english", [
    (b"", "not a Word .docx file"),
    (b"PK\x03\x04 truncated zip", "not a Word .docx file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old Word (.doc)"),
    (b"just some text", "not a Word .docx file"),
])
def test_corrupt_docx_gets_a_clear_message(tmp_path, content, english):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(DocxError) as caught:
        recognise_docx(path)
    assert english in caught.value.message("en") and str(path) in caught.value.message("th")


def test_zip_without_document_is_refused(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DocxError, match="no document inside"):
        recognise_docx(path)


def test_docx_without_report_structure_is_refused(tmp_path):
    document = docx.Document()
    document.add_paragraph("บันทึกข้อความ เรื่อง ขอเชิญประชุม")
    document.save(str(tmp_path / "memo.docx"))
    with pytest.raises(DocxError, match="no report structure"):
        recognise_docx(tmp_path / "memo.docx")


def test_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(DocxError, match="no such file"):
        recognise_docx(tmp_path / "absent.docx")


def test_imported_report_renders(seed_docx, tmp_path):
    from ita_desktop.pdf import render_to_file

    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        report_id = import_docx(store, seed_docx).report_id
    stats = render_to_file(tmp_path / "r.ita", report_id, tmp_path / "r.pdf")
    assert stats.pages >= 2 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
