"""File → Import of a Word report off the UI thread: the CLI's recognise_docx + save_docx, photos included."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ita_desktop.i18n import _


class WordImportWorker(QObject):
    """Reads the .docx and stores it (with its photos) through its own connection to the report file."""

    progress = Signal(int, int)  # photos stored, photos in the document
    stage = Signal(str)
    finished = Signal(object, object)  # DocxImport or None, the error or None

    def __init__(self, docx_path: str | Path, report_file: Path) -> None:
        super().__init__()
        self.docx_path, self.report_file = Path(docx_path), Path(report_file)

    @Slot()
    def run(self) -> None:
        from ita_desktop.importing.docx_import import recognise_docx, save_docx
        from ita_desktop.store.opening import open_database
        from ita_desktop.store.report_store import ReportStore

        try:
            recognised = recognise_docx(self.docx_path)
            self.stage.emit("photos")
            # A second connection of this process (the lock is shared within it). Not ReportStore.open:
            # that purges the editor's soft-deleted rows, which its undo history still needs.
            store = ReportStore(open_database(self.report_file), self.report_file)
            try:
                outcome = save_docx(store, recognised, progress=self.progress.emit)
            finally:
                store.close()
        except Exception as error:  # handed to the UI thread, which shows it
            self.finished.emit(None, error)
            return
        self.finished.emit(outcome, None)


class _ProgressView(QObject):
    """Lives on the UI thread, so the worker's queued signals update the dialog there."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop) -> None:
        super().__init__()
        self.dialog, self.loop = dialog, loop
        self.result: tuple = (None, None)

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    @Slot(str)
    def stage(self, _stage: str) -> None:
        self.dialog.setLabelText(_("Importing photos…"))

    @Slot(object, object)
    def finished(self, outcome, error) -> None:
        self.result = (outcome, error)
        self.loop.quit()


def import_word_file(parent: QWidget, docx_path: str | Path, report_file: Path) -> tuple:
    """Run the import on a worker thread behind a window-modal progress dialog; returns (outcome, error).

    The window keeps repainting and the dialog moving while the photos are prepared and written.
    """
    dialog = QProgressDialog(_("Reading the Word file…"), "", 0, 0, parent)
    dialog.setCancelButton(None)  # a half-imported report would be worse than waiting
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setWindowTitle(_("Import"))
    loop = QEventLoop()
    view = _ProgressView(dialog, loop)
    thread = QThread()
    worker = WordImportWorker(docx_path, report_file)
    worker.moveToThread(thread)
    worker.progress.connect(view.progress)
    worker.stage.connect(view.stage)
    worker.finished.connect(view.finished)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    return view.result
