"""Several reports in one file, each within reach of the window: list, switch, reopen, delete with undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from ita_desktop.model.numbering import thai_digits
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.report_list_model import REPORT_ID_ROLE, ReportListModel
from ita_desktop.ui.settings import AppSettings
from tests.helpers import small_report

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def two_year_window(window):
    """The window on a file of two reports: 2568 (shown, first in the list) and 2567."""
    window.report_menu.actions["next_year"].trigger()
    assert window.document.report.fiscal_year == 2568
    return window


def listed(window) -> list[str]:
    model = window.editor.switcher.model
    return [model.index(row).data() for row in range(model.rowCount())]


def click_row(window, qtbot, row: int) -> None:
    view = window.editor.switcher.view
    rect = view.visualRect(window.editor.switcher.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_list_model_passes_the_model_tester(qtmodeltester, document):
    document.duplicate_as_next_year(document.report_id)
    model = ReportListModel(document)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.index(0).data(REPORT_ID_ROLE) == document.report_id


def test_every_report_is_listed_and_one_click_shows_it(two_year_window, qtbot):
    window = two_year_window
    assert listed(window) == [f"2568 · เทศบาลตำบลบางรัก · {small_report().title}",  # digits of the UI language
                              f"2567 · เทศบาลตำบลบางรัก · {small_report().title}"]
    assert window.editor.switcher.isVisible()
    click_row(window, qtbot, 1)
    assert window.document.report.fiscal_year == 2567
    assert window.editor.model.index(0, 0).data() == "เทศบาลตำบลบางรัก ๒๕๖๗"
    assert window.editor.switcher.view.currentIndex().row() == 1
    assert "2567" in window.windowTitle() or "๒๕๖๗" in window.windowTitle()


def test_reopening_shows_the_report_and_measure_last_edited(two_year_window, qtbot, report_file, tmp_path):
    window = two_year_window
    click_row(window, qtbot, 1)  # back to 2567, not the newest year
    measure = window.document.report.measures[2]
    window.document.set_measure_field(measure.id, "summary", "พิมพ์ไว้ก่อนปิด")
    window.close()
    again = MainWindow(AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert again.open_path(report_file)
    assert again.document.report.fiscal_year == 2567
    assert again.editor.current() == ("measure", measure.id)
    assert again.editor.measure_form.isVisible() or again.editor.forms.currentWidget() is again.editor.measure_form
    again.close()


def test_deleting_a_report_is_undoable(two_year_window):
    window = two_year_window
    shown = window.document.report_id
    window.report_menu.actions["delete"].trigger()
    assert window.document.report.fiscal_year == 2567 and window.document.report_id != shown
    assert len(listed(window)) == 1
    assert not window.report_menu.actions["delete"].isEnabled()  # the last report stays
    window.actions_by_name["undo"].trigger()
    assert [window.editor.switcher.model.report_id(r) for r in range(2)][0] == shown
    assert len(listed(window)) == 2


def test_rename_and_reorder_from_the_report_menu(two_year_window, monkeypatch):
    window = two_year_window
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("รายงานปี ๖๘", True))
    window.report_menu.actions["rename"].trigger()
    assert listed(window)[0] == "2568 · เทศบาลตำบลบางรัก · รายงานปี ๖๘"
    assert window.document.report.title == "รายงานปี ๖๘"
    assert not window.report_menu.actions["up"].isEnabled()
    window.report_menu.actions["down"].trigger()
    assert listed(window)[1] == "2568 · เทศบาลตำบลบางรัก · รายงานปี ๖๘"
    assert window.report_menu.actions["up"].isEnabled() and not window.report_menu.actions["down"].isEnabled()
    window.report_menu.fill()
    entries = [a.text() for a in window.report_menu.menu.actions() if a.isCheckable()]
    assert entries == listed(window)


def test_import_goes_to_a_new_file_by_default(window, report_file, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ita_desktop.paths import sample_report_text
    from ita_desktop.store.report_store import ReportStore

    asked = []

    def answer(box):
        asked.append((box.text(), box.defaultButton().text()))
        box.defaultButton().click()  # Enter: the default
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    source = tmp_path / "other_agency.txt"
    source.write_text(sample_report_text(), encoding="utf-8")
    target = tmp_path / "other_agency.ita"
    assert window.file_ops.import_text(str(source), new_file=str(target))
    assert asked and asked[0][1] == "&New file…" and report_file.name in asked[0][0]
    assert window.document.path == target
    assert [r.agency for r in window.document.reports()] == ["องค์การบริหารส่วนจังหวัดอ่างทอง"]
    assert listed(window) == [f"2566 · องค์การบริหารส่วนจังหวัดอ่างทอง · {window.document.report.title}"]
    with ReportStore.open_reader(report_file) as reader:  # the clerk's own file: untouched
        assert [r.agency for r in reader.list_reports()] == ["เทศบาลตำบลบางรัก"]


def test_import_into_this_file_adds_a_report_beside_the_others(window, tmp_path, monkeypatch):
    from ita_desktop.paths import sample_report_text

    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *args: None)
    source = tmp_path / "sample.txt"
    source.write_text(sample_report_text(), encoding="utf-8")
    assert window.file_ops.import_text(str(source), into="this")
    assert [r.fiscal_year for r in window.document.reports()] == [2566, 2567]
    assert window.document.report.fiscal_year == 2566


def test_a_new_sections_first_group_is_numbered_one_and_takes_the_standard_title(window):
    from ita_desktop.model import GroupKind
    from ita_desktop.model.headings import group_heading
    from ita_desktop.model.numbering import thai_digits

    window.actions_by_name["add_section"].trigger()
    section = window.document.report.sections[-1]
    window.actions_by_name["add_group"].trigger()
    assert len(section.groups) == 1  # the nameless group a section starts with became this group
    group = section.groups[0]
    window.editor.group_form.write("kind", GroupKind.IIT)
    assert group.title == "ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"
    index = window.document.report.sections.index(section)
    assert group_heading(group, index, 0, True).startswith(thai_digits(f"{index + 1}.1 "))
    window.editor.group_form.write("kind", GroupKind.OIT)  # the standard title follows the instrument
    assert group.title == "ด้านการเปิดเผยข้อมูลสาธารณะ"
    window.document.set_group_field(group.id, "title", "ด้านพิเศษของเรา")
    window.editor.group_form.write("kind", GroupKind.EIT)  # a title of the clerk's own stays
    assert group.title == "ด้านพิเศษของเรา" and group.kind == GroupKind.EIT
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()  # kind and standard title come back as one step each
    assert group.kind == GroupKind.IIT and group.title == "ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"


def test_an_import_into_a_new_file_that_fails_goes_back_and_leaves_no_file(window, report_file, tmp_path,
                                                                          monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    source = tmp_path / "broken.txt"
    source.write_bytes(b"SQLite format 3\x00 not a report")
    target = tmp_path / "new.ita"
    assert not window.file_ops.import_text(str(source), into="new", new_file=str(target))
    assert window.document.path == report_file
    assert not target.exists() and not list(tmp_path.glob("new.ita*"))


def test_the_last_edit_is_dated_in_be_in_thai(document):
    from ita_desktop import i18n

    model = ReportListModel(document)
    previous = i18n.current_language()
    i18n.set_language("th")
    try:
        tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    finally:
        i18n.set_language(previous)
    this_year_be = thai_digits(dt.date.today().year + 543)
    assert f" {this_year_be} " in tip and not any(ch.isascii() and ch.isdigit() for ch in tip), tip


def test_switching_back_shows_the_measure_whose_photos_were_last_added(two_year_window, qtbot):
    """Seen under Xvfb: photos added to a measure, then another report and back: the report form came up."""
    from ita_desktop.photos import prepare_photo
    from tests.helpers import jpeg_bytes

    window = two_year_window
    click_row(window, qtbot, 1)  # 2567
    measure = window.document.report.measures[1]
    window.document.add_photos(measure.id, [prepare_photo(jpeg_bytes(320, 240), "IMG_1.jpg")])
    click_row(window, qtbot, 0)
    click_row(window, qtbot, 1)
    assert window.editor.current() == ("measure", measure.id)
