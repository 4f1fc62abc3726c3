"""Word export: Thai fonts in the complex-script slots, thaiDistribute, A4, photos, and export → import round trip."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import docx
import pytest
from lxml import etree

from ita_desktop.exporting.docx_export import export_docx, write_docx_reports
from ita_desktop.exporting.docx_photos import printed_sizes
from ita_desktop.importing.docx_import import import_docx, recognise_docx
from ita_desktop.model import Photo
from ita_desktop.model.photo_rows import SINGLE_MAX_MM, group_rows
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes, small_report
from tests.importing.test_docx_import import build_seed_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _without_ids(report) -> dict:
    """The report as plain data, minus what a round trip may renumber or recompute."""
    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in ("id", "sha256", "original_name")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value
    return clean(dataclasses.asdict(report))


@pytest.fixture
def imported(tmp_path):
    """The seed report with its photos, imported from Word into a store."""
    store = ReportStore.open(tmp_path / "r.ita", create=True)
    outcome = import_docx(store, build_seed_docx(tmp_path / "seed.docx"))
    yield store, store.load_report(outcome.report_id)
    store.close()


def test_export_then_import_gives_back_the_same_report(imported, tmp_path):
    store, report = imported
    out = tmp_path / "out.docx"
    export_docx(store, report, out)
    with ReportStore.open(tmp_path / "again.ita", create=True) as again:
        outcome = import_docx(again, out)
        reread = again.load_report(outcome.report_id)
    assert _without_ids(reread) == _without_ids(report)
    assert [p.caption for p in reread.measures[0].photos][0] == "ภาพที่ ๑ ประชุมชี้แจงเจ้าหน้าที่"
    assert len(reread.measures[0].table) == 5


def test_small_report_round_trip_with_ungrouped_section(tmp_path):
    report = small_report()
    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        report_id = store.insert_report(report)
        measure_id = report.measures[0].id
        from ita_desktop.photos import prepare_photo
        store.add_photo(measure_id, prepare_photo(jpeg_bytes(640, 480, orientation=6), "a.jpg"), caption="ภาพที่ ๑")
        store.add_photo(measure_id, prepare_photo(jpeg_bytes(640, 480), "b.jpg"))
        stored = store.load_report(report_id)
        buffer = io.BytesIO()
        write_docx_reports(store, [stored], buffer)
    (tmp_path / "small.docx").write_bytes(buffer.getvalue())
    reread = recognise_docx(tmp_path / "small.docx").result.report
    expected = _without_ids(stored)
    got = _without_ids(reread)
    for photos in (expected, got):  # recognised photos are not prepared yet: compare captions only
        for section in photos["sections"]:
            for group in section["groups"]:
                for measure in group["measures"]:
                    measure["photos"] = [p["caption"] for p in measure["photos"]]
    assert got == expected


def test_fonts_sizes_and_justification_are_set_for_thai(imported, tmp_path):
    store, report = imported
    out = tmp_path / "out.docx"
    export_docx(store, report, out)
    with zipfile.ZipFile(out) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
        body = etree.fromstring(archive.read("word/document.xml"))
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    fonts = defaults.find(f"{W}rFonts")
    assert fonts.get(f"{W}cs") == "TH Sarabun New" and fonts.get(f"{W}ascii") == "TH Sarabun New"
    assert fonts.get(f"{W}cstheme") is None
    assert defaults.find(f"{W}szCs").get(f"{W}val") == "32" and defaults.find(f"{W}sz").get(f"{W}val") == "32"
    assert defaults.find(f"{W}lang").get(f"{W}bidi") == "th-TH"
    title = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "ITATitle"][0]
    assert title.find(f"{W}rPr/{W}szCs").get(f"{W}val") == "36" and title.find(f"{W}rPr/{W}bCs") is not None
    part = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "ITAPart"][0]
    assert part.find(f"{W}pPr/{W}jc").get(f"{W}val") == "thaiDistribute"
    size = body.find(f"{W}body/{W}sectPr/{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")  # A4 in twentieths of a point
    margins = body.find(f"{W}body/{W}sectPr/{W}pgMar")
    assert margins.get(f"{W}left") == "1701" and margins.get(f"{W}right") == "1134"  # 3 cm and 2 cm


def test_headings_and_photos_as_printed(imported, tmp_path):
    store, report = imported
    out = tmp_path / "out.docx"
    export_docx(store, report, out)
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == [report.title, "ขององค์การบริหารส่วนจังหวัดอ่างทอง ประจำปีงบประมาณ พ.ศ.๒๕๖๖"]
    assert "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวนทั้งหมด ๘ ข้อ ดังนี้" in texts
    assert "๑.๑ ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน ๖ ข้อ" in texts
    assert "(๓) มาตรการเกี่ยวกับการประชาสัมพันธ์แผนการใช้จ่ายงบประมาณประจำปี (ข้อ 17 เดิม)" in texts
    assert "(๕) ภาพประกอบ (ถ้ามี) :" in texts  # a lone measure numbers its parts alone
    assert any(t.startswith("(ลงชื่อ) ....") and t.endswith("ผู้จัดทำรายงาน") for t in texts)
    assert "(นายจตุรภัทร นิลนิตกร)" in texts
    pictures = document.inline_shapes
    assert len(pictures) == 6
    # pairs share one height (the PDF's photo rows); widths keep each photo's aspect
    first, second = pictures[0], pictures[1]
    assert abs(first.height - second.height) < 5000
    assert abs(first.width / first.height - 300 / 400) < 0.01


def test_progress_counts_photos(imported, tmp_path):
    store, report = imported
    seen = []
    export_docx(store, report, tmp_path / "out.docx", progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)


def test_several_reports_need_a_choice(imported):
    store, report = imported
    with pytest.raises(Exception, match="choose one with --report"):
        write_docx_reports(store, [report, report], io.BytesIO())


def test_photo_rows_follow_the_print_rules():
    wide = Photo(width=2000, height=500)
    normal = [Photo(width=400, height=300) for _ in range(3)]
    assert [len(r) for r in group_rows([*normal, wide])] == [2, 1, 1]
    (w1, h1), (w2, h2) = printed_sizes(normal[:2], 160)
    assert h1 == h2 <= 75 and w1 + w2 <= 160
    ((w, h),) = printed_sizes([Photo(width=300, height=400)], 160)
    assert h <= SINGLE_MAX_MM and w <= SINGLE_MAX_MM  # the same box as the PDF's lone photo


def test_word_prints_photos_at_the_pdfs_sizes():
    from ita_desktop.model.photo_rows import row_sizes

    for row in ([Photo(width=1000, height=750)], [Photo(width=750, height=1000)], [Photo(width=3000, height=1000)]):
        assert printed_sizes(row, 160) == row_sizes(row, 160, 6.0)
    # a small picture is printed smaller rather than blurred, in Word as in the PDF
    ((w, h),) = printed_sizes([Photo(width=300, height=200)], 160)
    assert w <= 300 / 150 * 25.4 + 1e-6 and h <= 200 / 150 * 25.4 + 1e-6


def test_title_agency_line_is_the_printed_one(tmp_path):
    report = small_report()
    report.agency = "ของเทศบาลตำบลบางรัก"  # typed with its "ของ" already
    with ReportStore.open(tmp_path / "t.ita", create=True) as store:
        store.insert_report(report)
        buffer = io.BytesIO()
        write_docx_reports(store, [store.load_report(report.id)], buffer)
    texts = [p.text for p in docx.Document(io.BytesIO(buffer.getvalue())).paragraphs]
    assert "ของเทศบาลตำบลบางรัก ประจำปีงบประมาณ พ.ศ.๒๕๖๗" in texts
    assert not any("ของของ" in text for text in texts)
