"""File → Import (a Word report) and File → Export Word in the editor, through a real temporary .ita file."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtWidgets import QMessageBox

from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.settings import AppSettings
from tests.helpers import small_report
from tests.importing.test_docx_import import build_seed_docx

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "report.ita"
    ReportDocument.create(path, small_report()).close()
    win = MainWindow(AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.show()
    yield win
    win.close()


def test_import_word_then_export_word(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    window.file_ops.import_text(str(build_seed_docx(tmp_path / "seed.docx")))
    report = window.document.report
    assert report.agency == "องค์การบริหารส่วนจังหวัดอ่างทอง" and len(report.measures) == 9
    assert len(report.measures[0].photos) == 4
    assert shown and "image4.png" in shown[0]  # the broken picture is named
    window.file_ops.export_word(str(tmp_path / "out.docx"))
    assert len(docx.Document(str(tmp_path / "out.docx")).inline_shapes) == 6


def test_export_word_is_in_the_file_menu(window):
    names = [action.objectName() for action in window.menus["file"].actions()]
    assert "action_export_docx" in names


def test_word_import_runs_off_the_ui_thread_and_keeps_the_editors_undo(window, tmp_path, monkeypatch):
    import threading

    import ita_desktop.importing.docx_import as docx_import

    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    threads = []
    real_save = docx_import.save_docx
    monkeypatch.setattr(docx_import, "save_docx",
                        lambda *a, **k: threads.append(threading.current_thread()) or real_save(*a, **k))
    deleted = window.document.report.measures[0]
    window.document.delete_measure(deleted.id)
    window.file_ops.import_text(str(build_seed_docx(tmp_path / "seed.docx")))
    assert threads and threads[0] is not threading.main_thread()
    assert len(window.document.report.measures) == 9
    # The import's own connection did not purge the editor's soft-deleted row, which undo brings back.
    soft_deleted = window.document.store.db.execute("SELECT id FROM measures WHERE deleted = 1").fetchall()
    assert (deleted.id,) in [tuple(row) for row in soft_deleted]
