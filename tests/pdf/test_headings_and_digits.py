"""Numbering, counts, the digit switch and page numbers in the printed report."""

from __future__ import annotations

import pytest

from ita_desktop.model import GroupKind, Measure, MeasureGroup
from ita_desktop.model.headings import agency_line, group_heading, measure_heading, section_heading
from ita_desktop.pdf import render_report
from ita_desktop.pdf.document import page_number_text
from tests.helpers import small_report
from tests.pdf.pdf_support import MemoryPhotos, pdftotext_pages, squash


def test_section_heading_counts_all_its_measures():
    report = small_report()
    assert section_heading(report.sections[0], 0, True) == \
        "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวนทั้งหมด ๓ ข้อ ดังนี้"
    # an ungrouped section: plain count, no "ดังนี้"
    assert section_heading(report.sections[1], 1, True) == "๒. มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น จำนวน ๑ ข้อ"


def test_group_heading_adds_the_instrument_once():
    group = MeasureGroup(kind=GroupKind.IIT, title="ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
                         measures=[Measure(), Measure()])
    assert group_heading(group, 0, 0, True) == "๑.๑ ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน ๒ ข้อ"
    group.title += " (IIT)"
    assert group_heading(group, 0, 1, False) == "1.2 ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน 2 ข้อ"


def test_measure_heading_numbering_and_citation():
    several = MeasureGroup(measures=[Measure(title="ก"), Measure(title="มาตรการ ข", items=["I20", "I21"],
                                                                  items_previous=True)])
    assert measure_heading(several, 1, several.measures[1], True) == "(๒) มาตรการ ข (ข้อ I20 และ I21 เดิม)"
    lone = MeasureGroup(measures=[Measure(title="มาตรการ ค", items=["O2"])])
    assert measure_heading(lone, 0, lone.measures[0], True) == "มาตรการ ค (ข้อ O2)"


def test_agency_line():
    report = small_report()
    assert agency_line(report, True) == "ของเทศบาลตำบลบางรัก ประจำปีงบประมาณ พ.ศ.๒๕๖๗"
    assert agency_line(report, False) == "ของเทศบาลตำบลบางรัก ประจำปีงบประมาณ พ.ศ.2567"


def test_page_number_style():
    assert page_number_text(2) == "- ๒ -"
    assert page_number_text(12, thai=False) == "- 12 -"


def _long_report(thai: bool):
    report = small_report()
    report.thai_digits = thai
    report.report_date = "2024-10-01"
    body = "เจ้าหน้าที่ในสังกัดสามารถตรวจสอบข้อมูลที่มีการเผยแพร่ได้ และไม่ปรากฏว่ามีข้อสงสัย " * 12
    section = report.sections[0]
    section.groups[0].measures += [Measure(title=f"มาตรการเพิ่มเติม {i}", items=["I5"], steps=body,
                                           summary=body, outcome=body) for i in range(6)]
    return report


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("digits")
    paths = {}
    for thai in (True, False):
        path = folder / f"report-{thai}.pdf"
        path.write_bytes(render_report(_long_report(thai), MemoryPhotos()))
        paths[thai] = path
    return paths


@pytest.mark.parametrize("thai", [True, False])
def test_page_numbers_from_page_two_at_the_top(rendered, thai):
    pages = pdftotext_pages(rendered[thai])
    assert len(pages) >= 3
    assert not squash(pages[0]).startswith("-")  # the first page carries the title, not a number
    for number, text in enumerate(pages[1:], start=2):
        assert squash(text).startswith(squash(page_number_text(number, thai)))


def test_thai_digits_switch(rendered):
    thai = squash("".join(pdftotext_pages(rendered[True])))
    arabic = squash("".join(pdftotext_pages(rendered[False])))
    assert squash("จำนวนทั้งหมด ๙ ข้อ") in thai and squash("(๘.๒) หน่วยงานผู้รับผิดชอบ") in thai
    assert squash("จำนวนทั้งหมด 9 ข้อ") in arabic and squash("(8.2) หน่วยงานผู้รับผิดชอบ") in arabic
    assert squash("ณ วันที่ ๑ ตุลาคม ๒๕๖๗") in thai and squash("ณ วันที่ 1 ตุลาคม 2567") in arabic
    # item codes are identifiers: never translated
    assert "ข้อI20และI21เดิม" in thai and "ข้อI20และI21เดิม" in arabic
    assert "พ.ศ.2567" in arabic and "พ.ศ.๒๕๖๗" in thai
