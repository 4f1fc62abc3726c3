"""One module decides what is empty and what is an odd item code, for the importer, the tree and the pre-print check."""

from __future__ import annotations

import pytest
from ita_desktop.forms import MEASURE_EXTRAS, MEASURE_PARTS, TABLE_COLUMNS

from ita_desktop.importing.checks import check_item_codes, check_parts
from ita_desktop.model import TRACKING_COLUMNS, GroupKind, Measure
from ita_desktop.model.checks import check_report
from ita_desktop.model.measure_checks import CodeCheck, empty_parts, item_code_findings
from tests.helpers import small_report


def test_empty_parts_are_the_blank_written_parts_in_print_order():
    measure = Measure(title="ม", steps="ประชุม", responsible=" ", summary="", outcome="ผล")
    assert [part.key for part in empty_parts(measure)] == ["responsible", "summary"]
    # the importer names the same parts by their printed headings
    [warning] = check_parts(measure, None)
    assert "หน่วยงานผู้รับผิดชอบ, สรุปผลการดำเนินการ" in warning.thai


def test_the_pre_print_check_reports_the_same_empty_parts():
    report = small_report()
    measure = report.sections[0].groups[0].measures[0]
    measure.summary = measure.outcome = ""
    found = [p for p in check_report(report) if p.code == "empty-parts" and p.node_id == measure.id]
    assert [part.key for part in empty_parts(measure) if part.kind == "text"] == ["summary", "outcome"]
    assert found and found[0].english.endswith("Summary of results, Outcome.")


@pytest.mark.parametrize(("code", "kind", "check", "guesses"), [
    ("17", GroupKind.IIT, CodeCheck.MISREAD, ("I7", "I17")),
    ("l5", GroupKind.OIT, CodeCheck.MISREAD, ("I5",)),
    ("7", GroupKind.IIT, CodeCheck.NO_LETTER, ("I7",)),
    ("x-1", None, CodeCheck.NOT_A_CODE, ()),
    ("O44", GroupKind.OIT, CodeCheck.OUT_OF_RANGE, ()),
    ("E2", GroupKind.OIT, CodeCheck.OTHER_INSTRUMENT, ()),
])
def test_each_odd_code_is_found_once_for_every_caller(code, kind, check, guesses):
    [finding] = item_code_findings(Measure(title="ม", items=[code]), kind)
    assert (finding.check, finding.guesses) == (check, guesses)


def test_the_importer_words_only_what_it_can_tell_at_import():
    measure = Measure(title="ม", items=["17", "7", "O44", "O3"])
    assert [w.code for w in check_item_codes(measure, GroupKind.IIT, None)] == [
        "suspect_item_code", "item_code_no_letter", "item_code_other_kind", "item_code_other_kind"]


def test_the_thai_editor_shows_the_printed_headings():
    # label_th is printed and recognised; the editor's Thai comes from the catalogue: both must agree
    for field in MEASURE_PARTS + MEASURE_EXTRAS + TABLE_COLUMNS:
        assert field.label("th") == field.label_th, field.key
    assert [column.label("en") for column in TABLE_COLUMNS][:2] == ["No.", "Problem/deficiency"]
    assert [header for _key, header in TRACKING_COLUMNS] == [column.label_th for column in TABLE_COLUMNS]
