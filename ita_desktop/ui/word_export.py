"""File → Export Word off the UI thread: photos read through a reader of its own, the file written atomically."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ita_desktop.i18n import _
from ita_desktop.ui.worker_progress import BackgroundJob, CancellableProgressDialog, run_with_progress

if TYPE_CHECKING:
    from ita_desktop.model import Report
    from ita_desktop.store.report_store import ReportStore


class ExportCancelled(Exception):
    """The clerk cancelled the export; no file was written (an existing one is left as it was)."""


class _StoppableOutput:
    """The temporary output as the zip writer sees it: a write after a stop request ends the export.

    Saving 120 photos' worth of zip takes a second or two; this makes Cancel work there too.
    Once stopped (or failed) it swallows everything: the abandoned zip writer still tries to finish
    its directory when it is collected, after the temporary file is gone.
    """

    def __init__(self, file, job: BackgroundJob) -> None:
        self._file = file
        self._job = job
        self._stopped = False

    def write(self, data: bytes) -> int:
        if self._stopped:
            return len(data)
        try:
            if self._job.stop_requested():
                raise ExportCancelled
            return self._file.write(data)
        except BaseException:  # cancelled, or the disk refused: nothing more reaches the file
            self._stopped = True
            raise

    def tell(self) -> int:
        return 0 if self._stopped else self._file.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0 if self._stopped else self._file.seek(offset, whence)

    def flush(self) -> None:
        if not self._stopped:
            self._file.flush()


class WordExportWorker(BackgroundJob):
    """Builds the Word document of a copy of the report and writes it through ``atomic_output``."""

    def __init__(self, open_reader: Callable[[], ReportStore], report: Report, output: Path) -> None:
        super().__init__()
        self.open_reader = open_reader  # ReportDocument.open_reader: a read-only connection of this thread's
        self.report = copy.deepcopy(report)  # the worker's own: the editor's objects stay on the UI thread
        self.output = Path(output)

    def _photo_done(self, done: int, total: int) -> None:
        self.progress.emit(done, total)
        if self.stop_requested():
            raise ExportCancelled

    def work(self) -> object:
        from ita_desktop.atomic_file import atomic_output
        from ita_desktop.exporting.docx_export import report_document

        reader = self.open_reader()
        try:
            document = report_document(reader, self.report, progress=self._photo_done)
        finally:
            reader.close()
        self.stage.emit(_("Writing the Word file…"))
        self.progress.emit(0, 0)
        # A failure or a cancel inside the block removes the temporary file; the output appears only whole.
        with atomic_output(self.output) as file:
            document.save(_StoppableOutput(file, self))
        return self.output


def export_word_file(parent: QWidget, open_reader: Callable[[], ReportStore], report: Report,
                     output: str | Path) -> tuple:
    """Export ``report`` (its photos read through ``open_reader()``) to ``output`` on a worker thread;
    returns (path, error).

    The error is ExportCancelled when the clerk cancelled; no output file is left then.
    """
    dialog = CancellableProgressDialog(parent, _("Export Word"), _("Exporting photos…"))
    return run_with_progress(WordExportWorker(open_reader, report, Path(output)), dialog)
