"""File → Import (a Word report) and File → Export Word in the editor, through a real temporary .ita file.

Both run on a worker thread; Cancel leaves the .ita file and the output folder as they were.
"""

from __future__ import annotations

import threading
import time

import docx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ita_desktop.ui.word_export import WordExportWorker, _StoppableOutput
from ita_desktop.ui.worker_progress import CancellableProgressDialog
from tests.importing.test_docx_cancel import PHOTOS, build_photo_docx, file_rows, integrity
from tests.importing.test_docx_import import build_seed_docx

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_import_word_then_export_word(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    window.file_ops.import_text(str(build_seed_docx(tmp_path / "seed.docx")), into="this")
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
    window.file_ops.import_text(str(build_seed_docx(tmp_path / "seed.docx")), into="this")
    assert threads and threads[0] is not threading.main_thread()
    assert len(window.document.report.measures) == 9
    # The import's own connection did not purge the editor's soft-deleted row, which undo brings back.
    soft_deleted = window.document.store.db.execute("SELECT id FROM measures WHERE deleted = 1").fetchall()
    assert (deleted.id,) in [tuple(row) for row in soft_deleted]


# -- Cancel and the worker thread ------------------------------------------------------------------

def _wait_until(condition, seconds: float = 10.0) -> bool:
    """Hold a worker thread until the UI thread has done its part (never a timing assertion)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def _click_cancel_once(reached: threading.Event) -> QTimer:
    """A UI-thread timer that presses the progress dialog's Cancel once the worker has reached its point."""
    timer = QTimer()

    def poll() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() + _children_dialogs()
                   if isinstance(w, CancellableProgressDialog) and w.isVisible()]
        if reached.is_set() and dialogs:
            timer.stop()
            dialogs[0].cancel_button.click()

    timer.timeout.connect(poll)
    timer.start(5)
    return timer


def _children_dialogs() -> list:
    return [d for w in QApplication.topLevelWidgets() for d in w.findChildren(CancellableProgressDialog)]


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, kind=name: shown.append(f"{kind}: {args[2]}"))
    return shown


def test_cancel_word_import_midway_leaves_the_file_as_it_was(window, tmp_path, monkeypatch, messages):
    import ita_desktop.importing.docx_import as docx_import

    source = build_photo_docx(tmp_path / "photos.docx")
    report_id = window.document.report.id
    assert window.document.flush()
    before = file_rows(window.document.path)
    reached = threading.Event()
    real_save = docx_import.save_docx

    def save_held_at_photo_10(store, recognised, progress=None, workers=None, *, should_stop=None):
        def progress_then_hold(done: int, total: int) -> None:
            progress(done, total)
            if done == 10:  # one batch of 8 is committed by now
                reached.set()
                _wait_until(should_stop)
        return real_save(store, recognised, progress_then_hold, workers, should_stop=should_stop)

    monkeypatch.setattr(docx_import, "save_docx", save_held_at_photo_10)
    timer = _click_cancel_once(reached)
    window.file_ops.import_text(str(source), into="this")
    timer.stop()
    assert reached.is_set()
    assert window.statusBar().currentMessage() == "Import cancelled"
    assert messages == []  # no error box, no traceback
    assert window.document.report.id == report_id
    assert file_rows(window.document.path) == before
    assert integrity(window.document.path) == "ok"
    assert [r.id for r in window.document.store.list_reports()] == [report_id]


def _with_photos(window, tmp_path, messages: list[str]) -> int:
    window.file_ops.import_text(str(build_photo_docx(tmp_path / "photos.docx")), into="this")
    messages.clear()  # the sample's own import warnings
    return sum(len(m.photos) for m in window.document.report.measures)


def test_cancelled_export_leaves_no_file_and_no_temporary_file(window, tmp_path, monkeypatch, messages):
    assert _with_photos(window, tmp_path, messages) == PHOTOS
    reached = threading.Event()
    real_photo_done = WordExportWorker._photo_done

    def photo_done_held_at_3(self, done: int, total: int) -> None:
        if done == 3:
            reached.set()
            _wait_until(self.stop_requested)
        real_photo_done(self, done, total)

    monkeypatch.setattr(WordExportWorker, "_photo_done", photo_done_held_at_3)
    out = tmp_path / "export" / "out.docx"
    out.parent.mkdir()
    timer = _click_cancel_once(reached)
    window.file_ops.export_word(str(out))
    timer.stop()
    assert window.statusBar().currentMessage() == "Export cancelled"
    assert list(out.parent.iterdir()) == []
    assert messages == []


def test_cancel_while_the_zip_is_written_keeps_the_old_file(window, tmp_path, monkeypatch, messages):
    _with_photos(window, tmp_path, messages)
    out = tmp_path / "export" / "out.docx"
    out.parent.mkdir()
    out.write_bytes(b"the previous export")
    reached = threading.Event()
    real_write = _StoppableOutput.write

    def write_held_at_first(self, data):
        if not reached.is_set():
            reached.set()
            _wait_until(self._job.stop_requested)
        return real_write(self, data)

    monkeypatch.setattr(_StoppableOutput, "write", write_held_at_first)
    timer = _click_cancel_once(reached)
    window.file_ops.export_word(str(out))
    timer.stop()
    assert window.statusBar().currentMessage() == "Export cancelled"
    assert [p.name for p in out.parent.iterdir()] == ["out.docx"]
    assert out.read_bytes() == b"the previous export"


def test_export_runs_on_a_worker_while_the_window_keeps_handling_events(window, tmp_path, monkeypatch, messages):
    from ita_desktop.store.report_store import ReportStore

    photos = _with_photos(window, tmp_path, messages)
    ticked = threading.Event()
    timer = QTimer()
    timer.timeout.connect(ticked.set)
    reader_threads: list[threading.Thread] = []
    held: list[bool] = []
    real_photo_data = ReportStore.photo_data

    def photo_data_after_a_tick(self, photo_id, kind="print"):
        if kind == "thumbnail":  # the photo strip's, painted on the UI thread (the editor shows that measure)
            return real_photo_data(self, photo_id, kind)
        reader_threads.append(threading.current_thread())
        if not held:  # the first photo waits until a UI-thread timer has fired: a blocked UI never lets it
            held.append(_wait_until(ticked.is_set))
        return real_photo_data(self, photo_id, kind)

    monkeypatch.setattr(ReportStore, "photo_data", photo_data_after_a_tick)
    timer.start(1)
    out = tmp_path / "out.docx"
    window.file_ops.export_word(str(out))
    timer.stop()
    assert held == [True]
    assert reader_threads and all(t is not threading.main_thread() for t in reader_threads)
    assert messages == []
    assert window.statusBar().currentMessage() == f"Exported {out}"
    assert len(docx.Document(str(out)).inline_shapes) == photos
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_export_into_a_missing_folder_shows_one_clear_message(window, tmp_path, messages):
    out = tmp_path / "no such folder" / "out.docx"
    window.file_ops.export_word(str(out))
    assert len(messages) == 1 and messages[0].startswith("warning: ") and "cannot write here" in messages[0]
    assert "Traceback" not in messages[0]
    assert not out.parent.exists()


def test_the_progress_dialog_stays_up_until_the_job_ends(qtbot):
    dialog = CancellableProgressDialog(None, "Export Word", "Exporting photos…")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.canceled):
        dialog.close()  # the close box asks to stop, like Cancel
    assert dialog.isVisible() and dialog.cancelling
    assert not dialog.cancel_button.isEnabled() and dialog.labelText() == "Cancelling…"
    dialog.reject()  # Esc
    assert dialog.isVisible()
    dialog.show_progress(5, 10)  # late progress from the job does not undo "Cancelling…"
    assert dialog.labelText() == "Cancelling…" and dialog.maximum() == 0


def test_file_import_reads_an_odt_and_refuses_a_doc_in_one_message(window, tmp_path, monkeypatch):
    from tests.fixtures.word_corpus.make_corpus import FOLDER

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    window.file_ops.import_text(str(FOLDER / "lo10_lists_frames.odt"), into="this")
    report = window.document.report
    assert report.agency == "องค์การบริหารส่วนตำบลวังน้ำเย็น" and len(report.measures) == 3
    assert [len(m.photos) for m in report.measures] == [2, 0, 0]
    shown.clear()
    window.file_ops.import_text(str(FOLDER / "lo13_old_word.doc"), into="this")
    assert window.document.report.agency == "องค์การบริหารส่วนตำบลวังน้ำเย็น"  # nothing new was imported
    assert len(shown) == 1 and "save it as .docx" in shown[0]
