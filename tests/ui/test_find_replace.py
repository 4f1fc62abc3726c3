"""Find and Replace in the window: Thai whole words, the list of hits, F3, Replace All as one undo step."""

from __future__ import annotations

import pytest

from ita_desktop.text_search import SearchOptions, find_hits, text_places
from ita_desktop.ui.find_results import SNIPPET_ROLE, FindResultsModel

# The offscreen platform's own notes when a window is shown and raised.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _dialog(window, query: str, whole_word: bool = False):
    window.actions_by_name["find"].trigger()
    dialog = window.find_replace()
    dialog.find_edit.setText(query)
    dialog.whole_word.setChecked(whole_word)
    dialog.search()
    return dialog


def test_find_thai_with_and_without_whole_word(window):
    summary = window.document.report.measures[0]
    window.editor.select("measure", summary.id)
    form = window.editor.measure_form
    field = next(b.widget for b in form.bindings if b.key == "summary")
    field.setPlainText("การประชุมคณะกรรมการ และการ การ")  # as if typed: goes through the document
    assert summary.summary == "การประชุมคณะกรรมการ และการ การ"
    dialog = _dialog(window, "การ")
    inside = dialog.model.rowCount()
    assert inside >= 5  # the two in the summary's words, "และการ", "การ", and the titles' "…เกี่ยวกับการ…"
    dialog.whole_word.setChecked(True)
    summary_hits = [h for h in dialog.model.hits if h.place.key == "summary"]
    assert [(h.start, h.end) for h in summary_hits] == [(23, 26), (27, 30)]  # "และ|การ" and "การ"
    assert dialog.model.rowCount() < inside


def test_find_next_shows_each_hit_in_its_field_and_f3_wraps(window, qtbot):
    dialog = _dialog(window, "มาตรการเกี่ยวกับ")
    hits = dialog.model.hits
    assert len(hits) == 4  # the four measure titles
    first = dialog.find_next()
    assert first == hits[0]
    title = window.editor.measure_form.bindings[2].widget
    assert window.editor.current() == ("measure", first.place.owner_id)
    assert title.selectedText() == "มาตรการเกี่ยวกับ"
    for _ in range(3):
        dialog.find_next()
    assert dialog.find_next() == hits[0]  # wrapped round
    assert dialog.find_previous() == hits[-1]
    where = dialog.model.index(0, 0).data()
    assert where.startswith("(๑) Measure title – มาตรการเกี่ยวกับการใช้รถส่วนกลาง")


def test_replace_all_is_one_undo_step(window):
    report = window.document.report
    dialog = _dialog(window, "มาตรการ")
    count = len(dialog.model.hits)
    assert count >= 6  # four titles, both section titles
    dialog.replace_edit.setText("แนวทาง")
    stack = window.document.undo_stack
    before = stack.count()
    assert dialog.replace_all() == count
    assert stack.count() == before + 1
    assert report.measures[0].title == "แนวทางเกี่ยวกับการใช้รถส่วนกลาง"
    assert report.sections[1].title == "แนวทางสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น"
    assert dialog.model.rowCount() == 0
    window.actions_by_name["undo"].trigger()
    assert report.measures[0].title == "มาตรการเกี่ยวกับการใช้รถส่วนกลาง"
    assert report.sections[1].title == "มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น"
    assert stack.count() == before + 1 and stack.index() == before


def test_replace_reaches_table_cells_signatories_and_is_saved(window, report_file):
    dialog = _dialog(window, "ใจดี")
    assert [h.place.kind for h in dialog.model.hits] == ["signatory"]
    dialog.replace_edit.setText("ใจงาม")
    dialog.replace_current()
    assert window.document.report.signatories[0].name == "นางสาวสมใจ ใจงาม"
    assert window.editor.report_form.signatories.value()[0][1] == "นางสาวสมใจ ใจงาม"
    dialog.find_edit.setText("ค")
    dialog.match_case.setChecked(True)
    dialog.whole_word.setChecked(True)
    cells = [h for h in dialog.search() if h.place.cell is not None]
    assert [h.place.cell for h in cells] == [(0, 3)]
    dialog.replace_edit.setText("สามเดือน")
    dialog.replace_all()
    assert window.document.report.measures[0].table[0][3] == "สามเดือน"
    assert window.document.flush()


def test_results_model(qtmodeltester, document):
    model = FindResultsModel()
    model.set_hits(document.report, find_hits(text_places(document.report), SearchOptions("มาตรการ")))
    qtmodeltester.check(model)
    before, hit, after = model.index(0, 1).data(SNIPPET_ROLE)
    assert hit == "มาตรการ" and model.index(0, 1).data() == before + hit + after


def test_f3_before_any_search_opens_the_find_panel(window):
    window.actions_by_name["find_next"].trigger()
    panel = window.find_replace()
    assert panel.isVisible() and panel.find_edit.text() == "" and panel.model.rowCount() == 0


def test_a_closed_panel_does_not_search_on_every_keystroke_but_f3_sees_the_new_text(window, qtbot):
    panel = _dialog(window, "ทดสอบใหม่")
    assert panel.model.rowCount() == 0
    panel.hide()
    measure = window.document.report.measures[1]
    window.document.set_measure_field(measure.id, "summary", "ผลการทดสอบใหม่")
    assert not panel._timer.isActive()  # nothing runs while it is closed
    hit = panel.find_next()
    assert hit is not None and hit.place.owner_id == measure.id
