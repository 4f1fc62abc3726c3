"""Import picture files off the UI thread: progress, one message naming each bad file, one undo step."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ita_desktop.i18n import _, current_language

if TYPE_CHECKING:
    from ita_desktop.photos.batch import PhotoResult

# What the file dialog offers; prepare_photo decides for real (a bad file is reported, not skipped silently).
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".bmp", ".gif", ".tif", ".tiff")


class _Stop(Exception):
    pass


class PhotoImportWorker(QObject):
    """Prepares the pictures of a list of files with :func:`prepare_many`, on the thread it lives on."""

    progress = Signal(int, int, str)  # done, total, name of the file just finished
    done = Signal(list, list)  # [PhotoResult prepared], [PhotoResult with error]
    finished = Signal()

    def __init__(self, paths: list[str | Path]) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _sources(self) -> Iterator[tuple[str, object]]:
        for path in self.paths:
            if self._cancel.is_set():
                return
            yield path.name, path.read_bytes

    @Slot()
    def run(self) -> None:
        from ita_desktop.photos.batch import prepare_many  # Pillow only once pictures are added

        good: list[PhotoResult] = []
        bad: list[PhotoResult] = []
        try:
            for index, result in enumerate(prepare_many(self._sources())):
                (good if result.prepared is not None else bad).append(result)
                self.progress.emit(index + 1, len(self.paths), result.name)
        finally:
            if self._cancel.is_set():
                good, bad = [], []
            self.done.emit(good, bad)
            self.finished.emit()


def error_text(bad: list[PhotoResult]) -> str:
    """One message listing every refused file with its reason (in the UI language)."""
    language = current_language()
    lines = [f"• {result.error.message(language)}" for result in bad if result.error is not None]
    return _("These files were not imported:") + "\n" + "\n".join(lines)


class PhotoImport(QObject):
    """One import of files into one measure: worker thread, progress dialog, result through the document."""

    imported = Signal(list)  # the Photo objects added (possibly empty)
    finished = Signal()

    def __init__(self, document, measure_id: int, paths: list[str | Path], parent: QWidget | None = None) -> None:
        # No QObject parent: the panel may be closed while its import still runs, and a QThread
        # destroyed while running aborts the process. import_photos keeps the job alive instead.
        super().__init__()
        self.document = document
        self.measure_id = measure_id
        self.parent_widget = parent
        self.worker = PhotoImportWorker(paths)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self.thread.quit)
        self.worker.done.connect(self._done)
        self.worker.progress.connect(self._progress)
        self.thread.finished.connect(self.finished)
        self.error_box: QMessageBox | None = None
        self.photos: list = []
        self.dialog = QProgressDialog(_("Importing photos…"), _("Cancel"), 0, len(self.worker.paths), parent)
        self.dialog.setWindowTitle(_("Photos"))
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        # Direct: the worker thread is busy and would not deliver a queued call before it is done.
        self.dialog.canceled.connect(self.worker.cancel, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def _progress(self, done: int, total: int, name: str) -> None:
        if not shiboken6.isValid(self.dialog):
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(_("Importing photos… {name}").format(name=name))

    def _done(self, good: list[PhotoResult], bad: list[PhotoResult]) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        if good:
            try:
                self.photos = self.document.add_photos(
                    self.measure_id, [r.prepared for r in good], [""] * len(good), [r.name for r in good])
            except KeyError:  # the measure was deleted while its photos were being prepared
                self.photos = []
        if bad:
            parent = self.parent_widget if shiboken6.isValid(self.parent_widget) else None
            self.error_box = QMessageBox(QMessageBox.Icon.Warning, _("Photos"), error_text(bad),
                                         QMessageBox.StandardButton.Ok, parent)
            self.error_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.error_box.open()  # not exec(): the rest of the import is already in place
        self.imported.emit(self.photos)


def import_photos(document, measure_id: int, paths: list[str | Path], parent: QWidget | None = None) -> PhotoImport:
    """Start importing ``paths`` into the measure; returns the running job (its ``imported`` signal fires once)."""
    job = PhotoImport(document, measure_id, paths, parent)
    _running.add(job)  # keeps the job (and its thread) alive until it is done, whoever holds it

    def forget() -> None:
        _running.discard(job)
        job.deleteLater()

    job.finished.connect(forget)
    job.start()
    return job


_running: set[PhotoImport] = set()
