"""The JSON shape other tools rely on."""

from __future__ import annotations

import json

from ita_desktop.exporting.json_export import report_to_dict, reports_to_json
from ita_desktop.model import Photo, Section
from tests.helpers import small_report

MEASURE_KEYS = {"title", "items", "items_previous", "steps", "responsible", "summary", "outcome", "photos",
                "table", "notes"}


def test_report_keys_and_types():
    report = small_report()
    report.id = 7
    data = report_to_dict(report)
    assert set(data) == {"id", "title", "agency", "agency_kind", "fiscal_year", "report_date", "sections",
                         "signatories"}
    assert data["id"] == 7 and data["fiscal_year"] == 2567 and isinstance(data["fiscal_year"], int)
    assert data["signatories"] == [{"role": "ผู้จัดทำรายงาน", "name": "นางสาวสมใจ ใจดี",
                                    "position": "นักจัดการงานทั่วไป"}]


def test_sections_groups_and_measures_in_report_order():
    data = report_to_dict(small_report())
    first, second = data["sections"]
    assert [g["kind"] for g in first["groups"]] == ["IIT", "OIT"]
    assert second["groups"][0]["kind"] is None and second["groups"][0]["title"] == ""
    measure = first["groups"][0]["measures"][0]
    assert set(measure) == MEASURE_KEYS
    assert measure["items"] == ["I20", "I21"] and measure["items_previous"] is True
    assert measure["table"] == [["1", "ก", "ข", "ค", "ง", ""]]
    assert [m["title"] for g in first["groups"] for m in g["measures"]] == [
        "มาตรการเกี่ยวกับการใช้รถส่วนกลาง", "มาตรการเกี่ยวกับงบประมาณ", "มาตรการเกี่ยวกับเว็บไซต์"]


def test_a_section_with_no_groups_still_shows_one_null_group():
    report = small_report()
    report.sections.append(Section(title="มาตรการเพิ่มเติม"))
    last = report_to_dict(report)["sections"][-1]
    assert last["groups"] == [{"kind": None, "title": "", "measures": []}]


def test_photos_carry_caption_size_and_hash():
    report = small_report()
    report.measures[0].photos.append(Photo(caption="ภาพ", width=300, height=400, sha256="ab" * 32,
                                           original_name="x.jpg"))
    photo = report_to_dict(report)["sections"][0]["groups"][0]["measures"][0]["photos"][0]
    assert photo == {"caption": "ภาพ", "width": 300, "height": 400, "sha256": "ab" * 32}


def test_json_text_keeps_thai_unescaped_and_round_trips():
    text = reports_to_json([small_report()])
    assert "เทศบาลตำบลบางรัก" in text and "\\u0e" not in text
    assert json.loads(text)["reports"][0]["agency"] == "เทศบาลตำบลบางรัก"
