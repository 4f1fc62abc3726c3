"""Bad text pasted from Word or LINE: stored exactly, rendered without crashing, the PDF text layer exact."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from ita_desktop.pdf.render import render_report
from ita_desktop.store.report_store import ReportStore
from ita_desktop.typesetting import normalize_text
from tests.helpers import small_report

PASTED = {
    # zero-width spaces between words (Word), no-break spaces (LINE), decomposed sara am (old keyboards)
    "steps": "ประชุม\u200bชี้แจง\u200bเจ้าหน้าที่\u00a0ทุกกอง\u00a0และท\u0e4d\u0e32ความเข้าใจ",
    # characters the Thai font lacks: emoji, CJK, and a control character or two
    "summary": "ดำเนินการแล้ว 👍 ผลดีมาก 漢字 \x07ระฆัง\x1b และ\u202eกลับด้าน",
    "responsible": "กองคลัง\r\nงานพัสดุ\u2028สำนักปลัด\x00",
}


def _words(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _render(tmp_path, fields: dict) -> tuple[bytes, dict]:
    path = tmp_path / "text.ita"
    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(small_report())
        measure_id = store.db.execute("SELECT min(id) FROM measures").fetchone()[0]
        store.update_measure(measure_id, **fields)
    with ReportStore.open(path) as store:
        stored = {key: getattr(store.load_measure(measure_id), key) for key in fields}
        return render_report(store.load_report(report_id), store), stored


def test_pasted_text_is_stored_exactly_and_printed_cleanly(tmp_path):
    pdf, stored = _render(tmp_path, PASTED)
    assert stored == PASTED  # the clerk's text is kept as typed, invisible characters and all
    layer = _words("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    for value in PASTED.values():
        printed = _words(normalize_text(value))
        assert printed in layer, printed
    assert "\u200b" not in layer and "\x07" not in layer and "ทำความเข้าใจ" in layer
    # Characters the font lacks are not dropped silently: they stay in the text layer (drawn as a box).
    assert "👍" in layer and "漢字" in layer


@pytest.mark.slow  # types and renders 200 kB of Thai: 5-20 s
def test_two_hundred_kilobytes_in_one_field(tmp_path):
    paragraph = "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน ครั้งที่ "
    huge = "\n".join(f"{paragraph}{n}" for n in range(2_700))
    assert len(huge.encode("utf-8")) > 200_000
    pdf, stored = _render(tmp_path, {"summary": huge})
    assert stored["summary"] == huge
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 20
    layer = _words("".join(page.extract_text() for page in reader.pages))
    assert _words(f"{paragraph}2699") in layer and _words(f"{paragraph}0") in layer
