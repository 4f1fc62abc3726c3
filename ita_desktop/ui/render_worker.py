"""Render the report's PDF on a worker thread, with a progress dialog and cancel; the UI stays responsive."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ita_desktop.errors import UserError
from ita_desktop.i18n import _, current_language

# render(ita_path, report_id, output, progress=callback(done, total)); the PDF module's render_to_file.
Renderer = Callable[..., object]


class RenderCancelled(Exception):
    """Raised inside the renderer's progress callback when the clerk pressed Cancel."""


def default_renderer() -> Renderer:
    # Imported on first use: fpdf2, HarfBuzz and PyThaiNLP are not needed to open the window.
    from ita_desktop.pdf import render_to_file

    return render_to_file


class RenderWorker(QObject):
    """Runs one render on whatever thread it lives on; reports progress, success, failure or cancel."""

    progress = Signal(int, int)  # done, total
    succeeded = Signal(str)  # the PDF's path
    failed = Signal(str)  # a message for the clerk
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, ita_path: str | Path, report_id: int, output: str | Path,
                 renderer: Renderer | None = None) -> None:
        super().__init__()
        self.ita_path = Path(ita_path)
        self.report_id = report_id
        self.output = Path(output)
        self.renderer = renderer
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the render to stop at its next progress step (thread-safe)."""
        self._cancel.set()

    def _on_progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise RenderCancelled
        self.progress.emit(int(done), int(total))

    @Slot()
    def run(self) -> None:
        try:
            if self._cancel.is_set():
                raise RenderCancelled
            render = self.renderer or default_renderer()
            render(self.ita_path, self.report_id, self.output, progress=self._on_progress)
        except RenderCancelled:
            self.output.unlink(missing_ok=True)
            self.cancelled.emit()
        except UserError as error:
            self.failed.emit(error.message(current_language()))
        except Exception as error:  # noqa: BLE001 — a render bug must not kill the editor
            self.failed.emit(_("The PDF could not be made: {error}").format(error=f"{type(error).__name__}: {error}"))
        else:
            self.succeeded.emit(str(self.output))
        finally:
            self.finished.emit()


class RenderJob(QObject):
    """A RenderWorker on its own QThread, with a progress dialog; ``run()`` waits with the UI alive."""

    def __init__(self, parent: QWidget | None, document, output: str | Path,
                 renderer: Renderer | None = None, title: str | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.document = document
        self.worker = RenderWorker(document.path, document.report_id, output, renderer)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self.thread.quit)
        self.result: Path | None = None
        self.error: str | None = None
        self.was_cancelled = False
        self.dialog = QProgressDialog(title or _("Making the PDF…"), _("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(_("Print"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # a quick render never flashes a dialog
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        # Direct: the worker's own thread is busy rendering and would never deliver a queued call.
        self.dialog.canceled.connect(self.worker.cancel, Qt.ConnectionType.DirectConnection)
        self.worker.progress.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    def _succeeded(self, path: str) -> None:
        self.result = Path(path)

    def _failed(self, message: str) -> None:
        self.error = message

    def _cancelled(self) -> None:
        self.was_cancelled = True

    def run(self, show_errors: bool = True) -> Path | None:
        """Flush typing to disk, render, and return the PDF path (None if cancelled or failed)."""
        if hasattr(self.document, "flush") and not self.document.flush():
            self.error = _("The latest changes could not be saved, so the PDF would be out of date.")
        else:
            loop = QEventLoop()
            self.thread.finished.connect(loop.quit)
            self.thread.start()
            loop.exec()
            self.thread.wait()
        self.dialog.reset()
        self.dialog.hide()
        if self.error and show_errors:
            QMessageBox.warning(self.parent_widget, _("Print"), self.error)
        return self.result


def render_pdf(parent: QWidget | None, document, output: str | Path, renderer: Renderer | None = None,
               show_errors: bool = True) -> Path | None:
    """Render ``document``'s report into ``output`` off the UI thread; None if cancelled or failed."""
    job = RenderJob(parent, document, output, renderer)
    try:
        return job.run(show_errors)
    finally:
        job.dialog.deleteLater()
        job.deleteLater()
