"""Photos panel through a real temporary .ita: import (with a bad file), remove, reorder, captions, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt, QUrl
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from ita_desktop.photos import prepare_photo
from ita_desktop.store.report_store import ReportStore
from ita_desktop.ui.photos_panel import PHOTO_ID_MIME, PhotosPanel
from tests.helpers import jpeg_bytes

# Message boxes and previews are shown: the offscreen platform then logs this harmless line.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def panel(document, qtbot):
    widget = PhotosPanel(document)
    qtbot.addWidget(widget)
    widget.set_measure(document.report.measures[0].id)
    return widget


def stored_photos(document):
    document.flush()
    with ReportStore.open_reader(document.path) as reader:
        return [(p.original_name, p.caption) for p in reader.load_report(document.report_id).measures[0].photos]


def picture_files(folder, names):
    paths = []
    for index, name in enumerate(names):
        path = folder / name
        path.write_bytes(jpeg_bytes(300 + 10 * index, 200) if name.endswith(".jpg") else b"not a picture")
        paths.append(path)
    return paths


def type_thai(widget, text):
    """Type as a Thai input method does: it commits composed text to the focused field."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def run_import(panel, qtbot, paths):
    job = panel.add_files(paths)
    with qtbot.waitSignal(job.imported, timeout=10000) as done:
        pass
    return job, done.args[0]


def test_import_names_the_bad_file_and_imports_the_rest_as_one_undo_step(panel, document, qtbot, tmp_path):
    paths = picture_files(tmp_path, ["a.jpg", "broken.jpg.txt", "c.jpg"])
    job, photos = run_import(panel, qtbot, paths)
    assert [p.original_name for p in photos] == ["a.jpg", "c.jpg"]
    assert job.error_box is not None and "broken.jpg.txt" in job.error_box.text()
    assert "a.jpg" not in job.error_box.text()
    assert [p.original_name for p in panel.model.photos] == ["a.jpg", "c.jpg"]
    assert stored_photos(document) == [("a.jpg", ""), ("c.jpg", "")]
    document.undo_stack.undo()
    assert panel.model.rowCount() == 0
    assert stored_photos(document) == []
    document.undo_stack.redo()
    assert stored_photos(document) == [("a.jpg", ""), ("c.jpg", "")]


def test_remove_reorder_caption_and_undo(panel, document, qtbot, tmp_path):
    run_import(panel, qtbot, picture_files(tmp_path, ["a.jpg", "b.jpg", "c.jpg"]))
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.move_current(+1)
    assert [p.original_name for p in panel.model.photos] == ["b.jpg", "a.jpg", "c.jpg"]
    assert panel.current_photo().original_name == "a.jpg"
    type_thai(panel.caption, "ภาพกิจกรรม")
    assert stored_photos(document) == [("b.jpg", ""), ("a.jpg", "ภาพกิจกรรม"), ("c.jpg", "")]
    panel.remove_current()
    assert [p.original_name for p in panel.model.photos] == ["b.jpg", "c.jpg"]
    assert stored_photos(document) == [("b.jpg", ""), ("c.jpg", "")]
    document.undo_stack.undo()
    assert stored_photos(document) == [("b.jpg", ""), ("a.jpg", "ภาพกิจกรรม"), ("c.jpg", "")]
    assert panel.model.photos[1].caption == "ภาพกิจกรรม"


def test_drag_within_the_strip_reorders(panel, document, qtbot, tmp_path):
    run_import(panel, qtbot, picture_files(tmp_path, ["a.jpg", "b.jpg", "c.jpg"]))
    first = panel.model.photos[0]
    mime = panel.model.mimeData([panel.model.index(0)])
    assert bytes(mime.data(PHOTO_ID_MIME)).decode() == str(first.id)
    panel.model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # after the last
    assert [p.original_name for p in panel.model.photos] == ["b.jpg", "c.jpg", "a.jpg"]
    assert stored_photos(document) == [("b.jpg", ""), ("c.jpg", ""), ("a.jpg", "")]


def test_files_dropped_from_the_file_manager_are_imported(panel, document, qtbot, tmp_path):
    paths = picture_files(tmp_path, ["x.jpg", "y.jpg"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    assert panel.model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    with qtbot.waitSignal(panel.model.filesDropped):
        assert panel.model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    with qtbot.waitSignal(panel.last_import.imported, timeout=10000):
        pass
    assert stored_photos(document) == [("x.jpg", ""), ("y.jpg", "")]


def test_thumbnails_load_lazily_and_preview_shows_the_print_copy(panel, document, qtbot):
    prepared = prepare_photo(jpeg_bytes(800, 600), "p.jpg")
    measure = document.report.measures[0]
    document.add_photos(measure.id, [prepared] * 40, names=[f"p{i}.jpg" for i in range(40)])
    assert panel.model.rowCount() == 40
    assert panel.model.thumbnails_loaded() == 0
    panel.resize(500, 300)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.model.thumbnails_loaded() > 0)
    assert panel.model.thumbnails_loaded() < 10
    dialog = panel.preview(0)
    qtbot.addWidget(dialog)
    shown = dialog.image.pixmap()
    # The print copy (800 × 600), fitted to the screen: larger than the 320-px thumbnail, same shape.
    assert min(prepared.width, 640) <= shown.width() <= prepared.width
    assert shown.width() * 3 == shown.height() * 4


def test_no_measure_disables_adding(panel, qtbot):
    panel.set_measure(None)
    assert not panel.add_button.isEnabled()
    assert panel.add_files(["/nonexistent.jpg"]) is None


def test_deleting_the_shown_measure_empties_the_strip_in_one_reset(document, panel):
    resets = []
    panel.model.modelAboutToBeReset.connect(lambda: resets.append("reset"))
    document.delete_measure(document.report.measures[0].id)
    assert panel.model.measure_id is None and panel.model.photos == []
    assert resets == ["reset"]  # the failed look-up no longer starts a second, nested reset


def test_the_strip_is_compact_while_a_measure_has_no_photos(panel):
    from ita_desktop.ui.photo_strip_delegate import cell_size
    from ita_desktop.ui.photos_panel import EMPTY_STRIP_PX

    assert panel.model.photos == [] and panel.view.maximumHeight() == EMPTY_STRIP_PX
    assert not panel.caption.isVisibleTo(panel)
    panel.document.add_photos(panel.model.measure_id, [prepare_photo(jpeg_bytes(), "a.jpg")])
    assert panel.view.maximumHeight() > cell_size(panel.view.font()).height() and panel.caption.isVisibleTo(panel)


def test_typing_a_caption_repaints_one_row_without_resetting_the_strip(document, qtbot):
    from ita_desktop.photos import prepare_photo
    from ita_desktop.ui.photos_panel import PhotosPanel
    from tests.helpers import jpeg_bytes

    measure = document.report.measures[0]
    document.add_photos(measure.id, [prepare_photo(jpeg_bytes(), "a.jpg"), prepare_photo(jpeg_bytes(), "b.jpg")])
    panel = PhotosPanel(document)
    qtbot.addWidget(panel)
    panel.set_measure(measure.id)
    second = measure.photos[1]
    panel.select_photo(second.id)
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(panel.model.dataChanged):
        document.set_photo_caption(second.id, "ประชุมคณะทำงาน")
    assert resets == [] and panel.current_photo() is second
    document.undo_stack.undo()
    assert panel.caption.text() == ""


def test_add_photos_starts_where_the_last_photos_came_from_never_in_the_working_folder(panel, tmp_path,
                                                                                      monkeypatch):
    """Seen under Xvfb: the first Add photos opened in the program's working folder (this checkout)."""
    from ita_desktop.ui import photos_panel

    asked = []

    def ask(_parent, _title, start, _filter):
        asked.append(start)
        if len(asked) > 1:
            return []
        (tmp_path / "phone").mkdir()
        return [str(path) for path in picture_files(tmp_path / "phone", ["IMG_1.jpg"])]

    monkeypatch.setattr(photos_panel, "ask_open_many", ask)
    monkeypatch.setattr(PhotosPanel, "last_folder", None)
    (tmp_path / "program").mkdir()
    monkeypatch.chdir(tmp_path / "program")
    panel.choose_files()
    panel.choose_files()
    assert asked[0] not in ("", str(tmp_path / "program")) and Path(asked[0]).is_dir()
    assert asked[1] == str(tmp_path / "phone")
