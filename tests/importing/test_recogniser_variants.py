"""The recogniser on reports it was not written for: other agencies, digits, styles and gaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop.importing import SourceParagraph, SourcePicture, paragraphs_from_text, recognise, recognise_text
from ita_desktop.model import GroupKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def codes(result, code):
    return [w for w in result.warnings if w.code == code]


@pytest.fixture(scope="module")
def tessaban():
    return recognise_text(fixture_text("tessaban-ban-mai-2567.txt"))


@pytest.fixture(scope="module")
def obt():
    return recognise_text(fixture_text("obt-nong-saeng-2568.txt"))


# -- a municipality, Arabic digits, "ลงชื่อ" blocks -----------------------------------
def test_municipality_title_on_one_line(tessaban):
    report = tessaban.report
    assert report.title == "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
    assert (report.agency, report.agency_kind, report.fiscal_year) == ("เทศบาลตำบลบ้านใหม่", "เทศบาล", 2567)


def test_arabic_digits_other_counts_and_a_section_without_groups(tessaban):
    sections = tessaban.report.sections
    assert [(g.kind, len(g.measures)) for g in sections[0].groups] == [(GroupKind.IIT, 2), (GroupKind.EIT, 2)]
    assert [(g.kind, g.title) for g in sections[1].groups] == [(None, "")]
    assert [m.items for m in sections[1].measures] == [["O12"], ["O8"]]
    assert sections[0].measures[0].items == ["I20", "I21"]
    assert sections[0].measures[0].steps == "จัดทำคู่มือการยืมทรัพย์สินของทางราชการ"  # "วิธีการดำเนินการ" variant
    assert sections[0].measures[0].summary == "จัดทำคู่มือแล้วเสร็จเมื่อวันที่ 15 มกราคม 2567\nและแจ้งเวียนให้พนักงานทุกคนทราบ"


def test_missing_part_stays_empty_and_is_reported(tessaban):
    second = tessaban.report.sections[0].measures[1]
    assert second.responsible == ""
    assert second.summary == "เผยแพร่แล้วทั้งสองช่องทาง"
    [warning] = codes(tessaban, "missing_parts")
    assert "หน่วยงานผู้รับผิดชอบ" in warning.thai and warning.line == 15


def test_typed_count_that_differs_is_warned(tessaban):
    [warning] = codes(tessaban, "count_mismatch")
    assert "ภายนอก" in warning.english and " 1 " in warning.english and " 2 " in warning.english


def test_signature_blocks_over_three_lines(tessaban):
    assert [(s.role, s.name, s.position) for s in tessaban.report.signatories] == [
        ("ผู้รายงาน", "นางสาวสมใจ ใจดี", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
        ("ผู้อนุมัติ", "นายประเสริฐ มั่นคง", "นายกเทศมนตรีตำบลบ้านใหม่"),
    ]


def test_crlf_line_ends_give_the_same_report(tessaban):
    crlf = recognise_text(fixture_text("tessaban-ban-mai-2567.txt").replace("\n", "\r\n"))
    assert crlf.report == tessaban.report
    assert [w.code for w in crlf.warnings] == [w.code for w in tessaban.warnings]


# -- a subdistrict, no (IIT) marks, unnumbered parts, tables and notes ----------------------
def test_subdistrict_agency_and_unplaced_title_line(obt):
    report = obt.report
    assert (report.agency, report.agency_kind, report.fiscal_year) == ("องค์การบริหารส่วนตำบลหนองแสง", "อบต.", 2568)
    [warning] = codes(obt, "unplaced_report_text")
    assert "(รอบ ๖ เดือน)" in warning.english and warning.line == 3


def test_group_kind_guessed_from_the_thai_title(obt):
    groups = obt.report.sections[0].groups
    assert [g.kind for g in groups] == [GroupKind.IIT, GroupKind.OIT]
    assert len(codes(obt, "kind_guessed")) == 2


def test_unnumbered_parts_with_body_on_following_lines(obt):
    measure = obt.report.sections[0].measures[0]
    assert measure.title == "มาตรการเกี่ยวกับการป้องกันการรับสินบน"
    assert measure.steps == "๑) ประกาศนโยบายไม่รับของขวัญ (No Gift Policy)\n๒) จัดอบรมพนักงานส่วนตำบลเรื่องผลประโยชน์ทับซ้อน"
    assert measure.responsible == "สำนักปลัด"
    assert measure.summary == "ประกาศนโยบายเมื่อ ๑ ตุลาคม ๒๕๖๗\nอบรมพนักงาน ๓๒ คน เมื่อ ๒๐ ธันวาคม ๒๕๖๗"
    assert measure.outcome == ""


def test_header_row_skipped_short_row_padded_notes_kept(obt):
    measure = obt.report.sections[0].measures[0]
    assert measure.table == [["๑", "การรับของขวัญ", "ยังไม่มีประกาศนโยบาย", "ต.ค. ๖๗", "ดำเนินการแล้ว", ""]]
    # "ไม่มี" under the photos label says there is no photo: neither a note nor a warning.
    assert measure.notes == "- ผู้ประสานงาน: นางมาลี ศรีสุข\nหมายเหตุ: อยู่ระหว่างติดตามผลรอบ ๑๒ เดือน"
    assert measure.photos == []
    assert codes(obt, "unplaced_text") == []


def test_oit_code_typed_with_a_zero_is_suspected(obt):
    [warning] = codes(obt, "suspect_item_code")
    assert "“010”" in warning.english and warning.english.endswith("O10")


def test_lone_measure_with_truncated_part_heading(obt):
    measure = obt.report.sections[1].measures[0]
    assert (measure.title, measure.items, measure.items_previous) == (
        "มาตรการเกี่ยวกับการจัดทำแผนป้องกันการทุจริต", ["O36"], False)
    assert measure.summary == "จัดทำแผนแล้วเสร็จ"
    assert measure.notes == "(๓) สรุปผล..."


def test_one_line_signature_and_a_separate_rank(obt):
    assert [(s.role, s.name, s.position) for s in obt.report.signatories] == [
        ("", "นายวิชัย ทองดี", "ปลัดองค์การบริหารส่วนตำบลหนองแสง"),
        ("ผู้รายงาน", "ว่าที่ร้อยตรี สมศักดิ์ แก้วกล้า", "นักจัดการงานทั่วไป"),
    ]


# -- streams a Word source would produce ------------------------------------------------
def stream(*items):
    return [item if isinstance(item, SourceParagraph) else SourceParagraph(text=item, line=n)
            for n, item in enumerate(items, start=1)]


def test_pictures_attach_to_the_current_measure_with_their_caption():
    result = recognise(stream(
        "๑. มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น จำนวน ๑ ข้อ",
        "มาตรการเกี่ยวกับการประชาสัมพันธ์ (ข้อ O5)",
        "(๕) ภาพประกอบ (ถ้ามี) :",
        SourceParagraph(pictures=[SourcePicture(b"one", "a.jpg"), SourcePicture(b"two", "b.png")]),
        "ภาพการประชุมชี้แจง",
    ))
    measure = result.report.measures[0]
    assert [p.original_name for p in measure.photos] == ["a.jpg", "b.png"]
    assert [p.caption for p in measure.photos] == ["", "ภาพการประชุมชี้แจง"]
    assert [p.data for p in result.pictures] == [b"one", b"two"]
    assert all(p.measure is measure for p in result.pictures)
    assert measure.notes == ""


def test_picture_and_table_before_any_measure_are_reported_not_dropped_silently():
    result = recognise(stream(
        SourceParagraph(pictures=[SourcePicture(b"x", "logo.png")], line=1),
        SourceParagraph(table=[["a", "b", "c"]], line=2),
        "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวน ๑ ข้อ",
        "มาตรการเกี่ยวกับการลดขั้นตอน (ข้อ E3 เดิม)",
    ))
    assert {w.code for w in result.warnings} >= {"unplaced_picture", "unplaced_table"}
    assert result.pictures == []


def test_numbered_list_in_a_part_is_not_a_section_or_measure():
    result = recognise(paragraphs_from_text("\n".join([
        "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวน ๑ ข้อ",
        "(๑) มาตรการเกี่ยวกับการจัดซื้อ (ข้อ I14 เดิม)",
        "(๑.๑) ขั้นตอนหรือวิธีดำเนินการ :",
        "๒. จัดประชุมชี้แจง",
        "(๒) ตรวจสอบเอกสาร",
        "(๒.๓) ข้อมูลเพิ่มเติม",
    ])))
    assert len(result.report.sections) == 1
    [measure] = result.report.measures
    assert measure.steps == "๒. จัดประชุมชี้แจง\n(๒) ตรวจสอบเอกสาร\n(๒.๓) ข้อมูลเพิ่มเติม"


def test_code_in_the_wrong_group_and_a_code_without_letter_are_warned():
    result = recognise(paragraphs_from_text("\n".join([
        "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวน ๑ ข้อ",
        "๑.๑ ด้านการเปิดเผยข้อมูลสาธารณะ (OIT) จำนวน ๑ ข้อ",
        "มาตรการเกี่ยวกับเว็บไซต์ (ข้อ E2, 7 และ l5 เดิม)",
    ])))
    assert result.report.measures[0].items == ["E2", "7", "l5"]
    found = {w.code: w for w in result.warnings}
    assert "OIT" in found["item_code_other_kind"].english
    assert "“7”" in found["item_code_no_letter"].english
    assert found["suspect_item_code"].english.endswith("I5")


def test_measures_before_any_heading_go_in_an_untitled_section():
    result = recognise(paragraphs_from_text(
        "มาตรการเกี่ยวกับการรับฟังความคิดเห็น (ข้อ E9 เดิม)\nหน่วยงานผู้รับผิดชอบ: กองสาธารณสุข\n"))
    [section] = result.report.sections
    assert section.title == "" and section.groups[0].kind is None
    assert section.measures[0].responsible == "กองสาธารณสุข"
    assert {"implicit_section", "no_title", "no_agency"} <= {w.code for w in result.warnings}


def test_heading_wrapped_onto_a_second_line_is_joined_with_a_warning():
    result = recognise(paragraphs_from_text("\n".join([
        "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวน ๑ ข้อ",
        "มาตรการเกี่ยวกับการเปิดโอกาสให้ผู้รับบริการมีส่วนร่วม",
        "ในการปรับปรุงการให้บริการ (ข้อ E14 เดิม)",
        "(๒) หน่วยงานผู้รับผิดชอบ : กองช่าง",
    ])))
    [measure] = result.report.measures
    assert measure.title == "มาตรการเกี่ยวกับการเปิดโอกาสให้ผู้รับบริการมีส่วนร่วมในการปรับปรุงการให้บริการ"
    assert (measure.items, measure.items_previous, measure.notes) == (["E14"], True, "")
    assert [w.line for w in result.warnings if w.code == "heading_joined"] == [3]


def test_half_bracket_measure_numbers_and_bare_part_numbers():
    result = recognise(paragraphs_from_text("\n".join([
        "1. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวน 2 ข้อ",
        "1) มาตรการเกี่ยวกับการตรวจสอบภายใน (ข้อ I26 เดิม)",
        "1.1 ขั้นตอนหรือวิธีดำเนินการ: แต่งตั้งคณะทำงาน",
        "1.2 หน่วยงานผู้รับผิดชอบ: หน่วยตรวจสอบภายใน",
        "2) มาตรการเกี่ยวกับการร้องเรียน (ข้อ I28 เดิม)",
        "2.1) ขั้นตอนหรือวิธีดำเนินการ: เปิดช่องทางร้องเรียนออนไลน์",
        "1) เว็บไซต์",
    ])))
    first, second = result.report.measures
    assert (first.title, first.items) == ("มาตรการเกี่ยวกับการตรวจสอบภายใน", ["I26"])
    assert (first.steps, first.responsible) == ("แต่งตั้งคณะทำงาน", "หน่วยตรวจสอบภายใน")
    assert second.title == "มาตรการเกี่ยวกับการร้องเรียน"
    assert second.steps == "เปิดช่องทางร้องเรียนออนไลน์\n1) เว็บไซต์"  # a list item inside a part stays there
