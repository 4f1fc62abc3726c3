"""The recogniser on the real sample report (the seed): structure, text as written, warnings."""

from __future__ import annotations

import pytest

from ita_desktop.importing import recognise_text
from ita_desktop.model import GroupKind
from ita_desktop.paths import sample_report_text

TEXT_PARTS = ("steps", "responsible", "summary", "outcome")


@pytest.fixture(scope="module")
def seed():
    return recognise_text(sample_report_text(), "sample")


def codes(result, code):
    return [w for w in result.warnings if w.code == code]


def test_title_agency_year_and_kind(seed):
    report = seed.report
    assert report.title == "รายงานผลดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
    assert report.agency == "องค์การบริหารส่วนจังหวัดอ่างทอง"
    assert report.fiscal_year == 2566
    assert report.agency_kind == "อบจ."


def test_nine_measures_grouped_6_1_1_and_1(seed):
    sections = seed.report.sections
    assert [s.title for s in sections] == [
        "มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน",
        "มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น",
    ]
    assert [(g.kind, len(g.measures)) for g in sections[0].groups] == [
        (GroupKind.IIT, 6), (GroupKind.EIT, 1), (GroupKind.OIT, 1)]
    assert [g.title for g in sections[0].groups] == [
        "ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
        "ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
        "ด้านการเปิดเผยข้อมูลสาธารณะ",
    ]
    assert [(g.kind, g.title, len(g.measures)) for g in sections[1].groups] == [(None, "", 1)]
    assert len(seed.report.measures) == 9


def test_every_measure_has_its_four_text_parts_and_no_photos(seed):
    for measure in seed.report.measures:
        for key in TEXT_PARTS:
            assert getattr(measure, key).strip(), (measure.title, key)
        assert measure.photos == []
    assert not codes(seed, "missing_parts")


def test_titles_items_and_previous_flag_as_written(seed):
    measures = seed.report.measures
    assert measures[0].title == "มาตรการเกี่ยวกับทบทวนขั้นตอนการปฏิบัติราชการตามอำนาจหน้าที่"
    assert [m.items for m in measures] == [
        ["I1"], ["I3"], ["17"], ["112"], ["120", "121", "123"], ["130"], ["E14"], ["O2"], ["129"]]
    assert [m.items_previous for m in measures] == [True] * 7 + [False, False]
    # The garbled word stays as the clerk typed it.
    assert measures[4].title == "มาตรการเกี่ยวกับการขออิมพีลimentของทางราชการไปใช้ในการปฏิบัติงาน"


def test_part_text_kept_exactly_and_multi_paragraph_parts_joined(seed):
    measures = seed.report.measures
    assert measures[2].responsible == "กองคลัง"
    # (๒.๔) has its body on the line after the label.
    assert measures[1].outcome.startswith("เจ้าหน้าที่ตระหนักและให้ความสำคัญต่อหน้าที่ราชการของตน")
    eit = measures[6]
    assert eit.summary.count("\n") == 1
    assert eit.summary.endswith("โดยเผยแพร่ผ่านระบบ Google Forms ในเว็บไซต์ขององค์การบริหารส่วนจังหวัดอ่างทอง")
    last = measures[8]
    lines = last.summary.split("\n")
    assert lines[0] == "ดำเนินการเสร็จสิ้นแล้วดังนี้"
    assert lines[1].startswith("๑. สำนักปลัด") and lines[2].startswith("๒. หน่วยตรวจสอบภายใน")


def test_nothing_is_invented(seed):
    source = sample_report_text()
    for measure in seed.report.measures:
        for value in (measure.title, measure.steps, measure.responsible, measure.summary, measure.outcome):
            for line in value.split("\n"):
                assert line in source
        for line in measure.notes.split("\n") if measure.notes else []:
            assert line in source
        for row in measure.table:
            assert all(cell in source for cell in row)


def test_tracking_table_bullets_and_note(seed):
    first = seed.report.measures[0]
    assert len(first.table) == 5
    assert first.table[0] == ["1.", "การทบทวนคู่มือ", "คู่มือสำหรับประชาชนยังไม่สมบูรณ์", "๒๖ มีนาคม",
                              "เสร็จสิ้นการทบทวนและปรับปรุง", ""]
    notes = first.notes.split("\n")
    assert notes[0] == "- ชื่อหน่วยงาน: ภายในในสังกัดสำนักงานส่งเสริมคุณธรรมและความโปร่งใส"
    assert notes[-1] == "หมายเหตุ: รายงานฉบับนี้จัดทำขึ้นเพื่อใช้ในการปรับปรุงและพัฒนาระบบราชการ"
    assert len(notes) == 7


def test_truncated_heading_kept_in_notes_with_a_warning(seed):
    second = seed.report.measures[1]
    assert second.notes == "(๒.๓) สรุปผล..."
    assert second.summary.startswith("ทุกส่วนราชการดำเนินการเสร็จสิ้นแล้ว โดยหัวหน้าส่วนราชการ")
    [warning] = codes(seed, "truncated_heading")
    assert warning.line == 52


def test_signatories_with_the_duplicate_kept_and_warned(seed):
    signatories = [(s.role, s.name, s.position) for s in seed.report.signatories]
    position = "ผู้อำนวยการส่วนส่งเสริมคุณธรรมและความโปร่งใส"
    assert signatories == [
        ("ผู้จัดทำรายงาน", "นายจตุรภัทร นิลนิตกร", position),
        ("อนุมัติโดย", "นายสุวิทย์ นิลนิตกร", position),
        ("อนุมัติโดย", "นายสุวิทย์ นิลนิตกร", position),
    ]
    [warning] = codes(seed, "duplicate_signatory")
    assert warning.line == 25


def test_misread_item_codes_are_warned_with_suggestions(seed):
    suggestions = [w.english.rsplit(" ", 1)[-1] for w in codes(seed, "suspect_item_code")]
    assert suggestions == ["I7", "I12", "I20", "I21", "I23", "I30", "I29"]
    assert not codes(seed, "count_mismatch")
    assert not codes(seed, "unplaced_text")


def test_warnings_read_in_both_languages(seed):
    warning = codes(seed, "duplicate_signatory")[0]
    assert warning.message("en").startswith("line 25: ")
    assert warning.message("th").startswith("บรรทัด ๒๕: ")  # numbers in a Thai message are Thai digits
    assert "ซ้ำ" in warning.message("th")
