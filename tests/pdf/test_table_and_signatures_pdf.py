"""Tracking table across pages (header repeated, tall rows split) and sign-off blocks kept together."""

from __future__ import annotations

from ita_desktop.model import Signatory
from ita_desktop.pdf import render_report
from ita_desktop.pdf.signatures import signature_texts
from tests.helpers import small_report
from tests.pdf.pdf_support import MemoryPhotos, body_text, pdftotext_pages, pypdf_pages, squash

HEADER = squash("รายละเอียดของข้อบกพร่อง")


def _render(tmp_path, report, name="report.pdf"):
    path = tmp_path / name
    path.write_bytes(render_report(report, MemoryPhotos()))
    return path


def test_table_header_repeats_after_a_page_break(tmp_path):
    report = small_report()
    report.measures[0].table = [[f"{n}.", f"ปัญหาที่{n}", "คู่มือสำหรับประชาชนยังไม่สมบูรณ์และยังไม่ได้เผยแพร่",
                                 "๓๐ วัน", "เสร็จสิ้นการทบทวนและปรับปรุง", ""] for n in range(1, 61)]
    pages = [squash(p) for p in pdftotext_pages(_render(tmp_path, report))]
    pages_with_rows = [p for p in pages if "ปัญหาที่" in p]
    assert len(pages_with_rows) >= 2
    for page in pages_with_rows:
        assert page.count(HEADER) == 1
        assert page.index(HEADER) < page.index("ปัญหาที่")  # the header comes first on the page
    everything = "".join(pages)
    assert all(f"ปัญหาที่{n}" in everything for n in range(1, 61))


def test_row_taller_than_a_page_is_split_without_losing_text(tmp_path):
    report = small_report()
    long_cell = "การปฏิบัติงานยังไม่เป็นไปตามขั้นตอนที่กำหนดไว้ในคู่มือ " * 150
    report.measures[0].table = [["1.", "ปัญหายาว", long_cell, "", "", ""], ["2.", "ปัญหาสั้น", "ข", "", "", ""]]
    path = _render(tmp_path, report)
    for pages in (pdftotext_pages(path), pypdf_pages(path)):
        assert squash(long_cell) in body_text(pages).replace(HEADER, "").replace(
            squash("ที่ปัญหา/ข้อบกพร่อง"), "").replace(squash("ระยะเวลาในการแก้ไขสถานะ/ผลสัมฤทธิ์หมายเหตุ"), "")


def test_signature_lines_in_order():
    person = Signatory(role="ผู้จัดทำรายงาน", name="นายจตุรภัทร นิลนิตกร", position="ผู้อำนวยการส่วน")
    assert signature_texts(person) == ["ลงชื่อ " + "." * 40, "(นายจตุรภัทร นิลนิตกร)", "ผู้อำนวยการส่วน",
                                       "ผู้จัดทำรายงาน"]
    approver = Signatory(role="อนุมัติโดย:", name="นายสุวิทย์ นิลนิตกร", position="")
    assert signature_texts(approver) == ["อนุมัติโดย", "ลงชื่อ " + "." * 40, "(นายสุวิทย์ นิลนิตกร)"]


def test_sign_off_blocks_stay_on_one_page(tmp_path):
    names = ["นายหนึ่ง ทดสอบ", "นางสองสาม ทดสอบ", "นายสี่ ทดสอบ", "นางสาวห้า ทดสอบ"]
    for filler_count in (8, 10, 12, 14):
        report = small_report()
        report.signatories = [Signatory(role=role, name=name, position="ผู้อำนวยการส่วนส่งเสริมคุณธรรม")
                              for role, name in zip(("ผู้จัดทำรายงาน", "ผู้ตรวจสอบ", "ผู้รับรอง", "อนุมัติโดย"),
                                                    names, strict=True)]
        report.measures[-1].outcome = "\n".join(["ทุกส่วนราชการสามารถปรับปรุงข้อบกพร่องในการทำงานได้"] * filler_count)
        pages = [squash(p) for p in pdftotext_pages(_render(tmp_path, report, f"sign-{filler_count}.pdf"))]
        holding = [index for index, page in enumerate(pages) if any(squash(n) in page for n in names)]
        assert len(holding) == 1, (filler_count, holding)
        assert all(squash(f"({n})") in pages[holding[0]] for n in names)
        assert pages[holding[0]].count("ลงชื่อ") == 4
