"""Pre-print check: each kind of problem is found, and a clean report has none."""

from __future__ import annotations

from ita_desktop.model import GroupKind, Measure, MeasureGroup, Signatory
from ita_desktop.model.checks import NodeKind, Severity, check_report
from ita_desktop.model.item_codes import suggest_item_codes
from tests.helpers import small_report


def _ids(report):
    for index, section in enumerate(report.sections):
        section.id = 100 + index
        for g_index, group in enumerate(section.groups):
            group.id = 200 + 10 * index + g_index
            for m_index, measure in enumerate(group.measures):
                measure.id = 300 + 100 * index + 10 * g_index + m_index
    report.id = 1
    return report


def _complete(measure: Measure) -> Measure:
    measure.steps = measure.steps or "ประชุม"
    measure.responsible = measure.responsible or "สำนักปลัด"
    measure.summary = measure.summary or "ดำเนินการแล้ว"
    measure.outcome = measure.outcome or "ไม่มีข้อร้องเรียน"
    return measure


def clean_report():
    report = _ids(small_report())
    for measure in report.measures:
        _complete(measure)
    return report


def codes(problems):
    return [(p.kind, p.node_id, p.code) for p in problems]


def test_clean_report_has_no_problems():
    assert check_report(clean_report()) == []


def test_empty_parts_and_missing_responsible_unit():
    report = clean_report()
    measure = report.sections[0].groups[0].measures[1]
    measure.summary = measure.outcome = "  "
    measure.responsible = ""
    problems = check_report(report)
    assert codes(problems) == [(NodeKind.MEASURE, measure.id, "empty-parts"),
                               (NodeKind.MEASURE, measure.id, "no-responsible-unit")]
    assert "Summary of results, Outcome" in problems[0].english
    assert "สรุปผลการดำเนินการ" in problems[0].message("th")
    assert problems[0].where.startswith("๑.๑ ")
    assert "(๒) มาตรการเกี่ยวกับงบประมาณ" in problems[0].where


def test_bare_number_in_iit_group_is_probably_an_i_code():
    report = clean_report()
    measure = report.sections[0].groups[0].measures[1]
    measure.items = ["17", "112"]
    problems = [p for p in check_report(report) if p.code == "odd-item-code"]
    assert [p.node_id for p in problems] == [measure.id, measure.id]
    assert "probably I7 or I17" in problems[0].english
    assert "น่าจะเป็น I12" in problems[1].thai
    assert all(p.severity is Severity.ERROR for p in problems)


def test_suggestions_for_odd_codes():
    assert suggest_item_codes("120", GroupKind.IIT) == ["I20"]
    assert suggest_item_codes("5", GroupKind.EIT) == ["E5"]
    assert suggest_item_codes("o๒", GroupKind.OIT) == ["O2"]
    assert suggest_item_codes("abc", GroupKind.IIT) == []
    # where no group names the instrument, a leading 1 may be an I and a leading 0 an O
    assert suggest_item_codes("17", None) == ["I7"]
    assert suggest_item_codes("021", None) == ["O21"]
    assert suggest_item_codes("l5", GroupKind.OIT) == ["I5"]


def test_the_import_and_the_pre_print_check_read_a_misread_code_alike():
    from ita_desktop.importing.checks import check_item_codes
    from ita_desktop.model import Measure

    for code, kind in (("17", GroupKind.IIT), ("112", None), ("0๒๑", GroupKind.OIT), ("l5", GroupKind.EIT)):
        [warning] = check_item_codes(Measure(title="ม", items=[code]), kind, None)
        assert warning.english.endswith(suggest_item_codes(code, kind)[0])


def test_code_of_another_instrument_and_out_of_range_and_catalogue():
    report = clean_report()
    measure = report.sections[0].groups[1].measures[0]  # OIT group
    measure.items = ["I3", "O99"]
    found = codes(check_report(report))
    assert (NodeKind.MEASURE, measure.id, "code-other-instrument") in found
    assert (NodeKind.MEASURE, measure.id, "code-out-of-range") in found
    with_catalogue = codes(check_report(report, catalogue={"I3", "O2"}))
    assert (NodeKind.MEASURE, measure.id, "code-not-in-catalogue") in with_catalogue
    assert (NodeKind.MEASURE, measure.id, "code-out-of-range") not in with_catalogue


def test_count_typed_in_titles_that_differs():
    report = clean_report()
    section, group = report.sections[0], report.sections[0].groups[0]
    section.title += " จำนวนทั้งหมด ๓ ข้อ"  # right: 2 + 1 measures
    group.title += " จำนวน 5 ข้อ"  # wrong: 2 measures
    group.measures[0].title += " จำนวน ๓ ข้อ"  # wrong: cites 2 items
    found = codes(check_report(report))
    assert found == [(NodeKind.GROUP, group.id, "count-differs"),
                     (NodeKind.MEASURE, group.measures[0].id, "count-differs")]
    group.measures.append(_complete(Measure(title="ใหม่", items=["I1"], id=999)))
    group.measures.append(_complete(Measure(title="ใหม่", items=["I2"], id=998)))
    group.measures.append(_complete(Measure(title="ใหม่", items=["I4"], id=997)))
    found = codes(check_report(report))
    assert (NodeKind.GROUP, group.id, "count-differs") not in found
    assert (NodeKind.SECTION, section.id, "count-differs") in found


def test_report_without_signatories_agency_or_year():
    report = clean_report()
    report.signatories = [Signatory(role="ผู้จัดทำรายงาน")]
    report.agency = ""
    report.fiscal_year = 0
    assert codes(check_report(report)) == [(NodeKind.REPORT, 1, "no-agency"), (NodeKind.REPORT, 1, "no-fiscal-year"),
                                           (NodeKind.REPORT, 1, "no-signatories")]


def test_measure_without_items_or_title_and_empty_group():
    report = clean_report()
    measure = report.sections[0].groups[1].measures[0]
    measure.items, measure.title = [], ""
    report.sections[1].groups.append(MeasureGroup(kind=GroupKind.EIT, title="ภายนอก", id=77))
    found = codes(check_report(report))
    assert (NodeKind.MEASURE, measure.id, "no-items") in found
    assert (NodeKind.MEASURE, measure.id, "no-title") in found
    assert (NodeKind.GROUP, 77, "no-measures") in found
