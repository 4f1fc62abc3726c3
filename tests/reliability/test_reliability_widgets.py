"""The backup dialog restores into the open document; the banner shows why a file is read-only."""

from __future__ import annotations

import pytest

from ita_desktop.store.report_store import ReportStore
from ita_desktop.ui.backup_dialog import BackupDialog
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.readonly_banner import ReadOnlyBanner


def test_restore_from_the_dialog_reloads_the_document(report_file, qtbot):
    document = ReportDocument.open(report_file)
    assert document.daily_backup.wait(10)  # today's copy is taken in the background
    assert document.report.agency == "เทศบาลตำบลบางรัก"
    document.set_report_field("agency", "ชื่อผิดที่พิมพ์ทับ")
    questions = []
    dialog = BackupDialog(document, confirm=lambda _parent, question: questions.append(question) or True)
    qtbot.addWidget(dialog)
    assert [copy.kind for copy in dialog.copies] == ["daily"] and dialog.restore_button.isEnabled()
    with qtbot.waitSignal(document.reloaded), qtbot.waitSignal(dialog.restored):
        assert dialog.restore_selected()
    assert questions and document.report.agency == "เทศบาลตำบลบางรัก"
    # The typed-over content was flushed and kept as a "before a restore" copy.
    again = BackupDialog(document, confirm=lambda *_: False)
    qtbot.addWidget(again)
    assert sorted(copy.kind for copy in again.copies) == ["daily", "restore"]
    in_all = sum(copy.size for copy in again.copies) / 1_048_576
    assert again.total.text() == f"Backup copies: 2, {in_all:.1f} MB in all."
    assert not again.restore_selected()  # the clerk said no: nothing changes
    assert document.close()
    with ReportStore.open(report_file) as store:
        assert store.load_report(document.report_id).agency == "เทศบาลตำบลบางรัก"


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_banner_shows_the_read_only_reason(report_file, read_only_folder, qtbot):
    view = read_only_folder(report_file.parent)
    document = ReportDocument.open(view / report_file.name)
    banner = ReadOnlyBanner()
    qtbot.addWidget(banner)
    banner.show_notices(document.store.notices)
    assert not banner.isHidden() and "read-only" in banner.text()
    dialog = BackupDialog(document)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    banner.show_notices([])
    assert banner.isHidden()
    document.store.close()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "This plugin does not support")
def test_main_window_shows_banner_and_restore_menu(report_file, read_only_folder, qtbot):
    from ita_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(report_file)
    action = window.reliability.restore_action
    assert action in window.menus["file"].actions() and action.isEnabled()
    assert window.reliability.banner_bar.isHidden()
    view = read_only_folder(report_file.parent)
    assert window.open_path(view / report_file.name)
    assert not window.reliability.banner_bar.isHidden() and "read-only" in window.reliability.banner.text()
    window.document.store.close()
