"""File → Import of a Word report off the UI thread: the CLI's recognise_docx + save_docx, photos included."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ita_desktop.i18n import _
from ita_desktop.ui.worker_progress import BackgroundJob, CancellableProgressDialog, run_with_progress


class WordImportWorker(BackgroundJob):
    """Reads the .docx and stores it (with its photos) through its own connection to the report file.

    A stop request ends it with ImportCancelled, the half-imported report removed.
    """

    def __init__(self, docx_path: str | Path, report_file: Path) -> None:
        super().__init__()
        self.docx_path, self.report_file = Path(docx_path), Path(report_file)

    def work(self) -> object:
        from ita_desktop.importing.docx_import import ImportCancelled, recognise_docx, save_docx
        from ita_desktop.store.opening import open_database
        from ita_desktop.store.report_store import ReportStore

        recognised = recognise_docx(self.docx_path)
        if self.stop_requested():  # cancelled while the text was read: the file was not even opened
            raise ImportCancelled
        self.stage.emit(_("Importing photos…"))
        # A second connection of this process (the lock is shared within it). Not ReportStore.open:
        # that purges the editor's soft-deleted rows, which its undo history still needs.
        store = ReportStore(open_database(self.report_file), self.report_file)
        try:
            return save_docx(store, recognised, progress=self.progress.emit, should_stop=self.stop_requested)
        finally:
            store.close()


def import_word_file(parent: QWidget, docx_path: str | Path, report_file: Path) -> tuple:
    """Run the import on a worker thread behind a window-modal progress dialog; returns (outcome, error).

    The window keeps repainting and the dialog moving while the photos are prepared
    and written. Cancel stops it: the error is then ImportCancelled and the file holds
    exactly what it held before.
    """
    dialog = CancellableProgressDialog(parent, _("Import"), _("Reading the Word file…"))
    return run_with_progress(WordImportWorker(docx_path, report_file), dialog)
