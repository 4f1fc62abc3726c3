"""File → Import of a Word report off the UI thread: the CLI's recognise_docx + save_docx, photos included."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ita_desktop.i18n import _
from ita_desktop.ui.worker_progress import BackgroundJob, CancellableProgressDialog, run_with_progress

if TYPE_CHECKING:
    from ita_desktop.store.report_store import ReportStore


class WordImportWorker(BackgroundJob):
    """Reads the .docx and stores it (with its photos) through its own connection to the report file.

    A stop request ends it with ImportCancelled, the half-imported report removed.
    """

    def __init__(self, docx_path: str | Path, open_store: Callable[[], ReportStore]) -> None:
        super().__init__()
        self.docx_path, self.open_store = Path(docx_path), open_store

    def work(self) -> object:
        from ita_desktop.importing.docx_import import ImportCancelled, recognise_docx, save_docx

        recognised = recognise_docx(self.docx_path)
        if self.stop_requested():  # cancelled while the text was read: the file was not even opened
            raise ImportCancelled
        self.stage.emit(_("Importing photos…"))
        # A connection of its own (ReportDocument.open_worker_store): this thread's, and one that
        # keeps the editor's soft-deleted rows, which its undo history still needs.
        store = self.open_store()
        try:
            return save_docx(store, recognised, progress=self.progress.emit, should_stop=self.stop_requested)
        finally:
            store.close()


def import_word_file(parent: QWidget, docx_path: str | Path, open_store: Callable[[], ReportStore]) -> tuple:
    """Run the import on a worker thread behind a window-modal progress dialog; returns (outcome, error).

    The window keeps repainting and the dialog moving while the photos are prepared
    and written. Cancel stops it: the error is then ImportCancelled and the file holds
    exactly what it held before.
    """
    dialog = CancellableProgressDialog(parent, _("Import"), _("Reading the Word file…"))
    return run_with_progress(WordImportWorker(docx_path, open_store), dialog)
