"""Run a long file job (Word import, Word export) on a worker thread behind a window-modal, cancellable dialog."""

from __future__ import annotations

import threading

from PySide6.QtCore import SIGNAL, SLOT, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ita_desktop.i18n import _


class BackgroundJob(QObject):
    """One job for :func:`run_with_progress`: ``work()`` runs on the worker thread and may poll ``stop_requested``."""

    progress = Signal(int, int)  # done, total (total 0: no count known)
    stage = Signal(str)  # a new label for the dialog, already in the UI language
    finished = Signal(object, object)  # work()'s result or None, the error or None: emitted exactly once

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()

    def request_stop(self) -> None:
        """Ask the job to stop (called on the UI thread; the job notices at its next check)."""
        self._stop.set()

    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def work(self) -> object:
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as error:  # handed to the UI thread, which words it (the dialog's loop must end)
            self.finished.emit(None, error)
            return
        self.finished.emit(result, None)


class CancellableProgressDialog(QProgressDialog):
    """A window-modal progress dialog whose Cancel only asks the job to stop.

    Qt's own Cancel hides the dialog at once, which would let the clerk edit the
    report while the job is still writing or reading it. Here Cancel (the button,
    Esc or the close box) disables itself and says "Cancelling…"; the dialog stays
    up, blocking the window, until the job has really ended.
    """

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.cancel_button = QPushButton(_("Cancel"))
        self.setCancelButton(self.cancel_button)
        QObject.disconnect(self, SIGNAL("canceled()"), self, SLOT("cancel()"))
        self.canceled.connect(self._cancelling)
        self.cancelling = False

    @Slot()
    def _cancelling(self) -> None:
        if self.cancelling:
            return
        self.cancelling = True
        self.cancel_button.setEnabled(False)
        self.setRange(0, 0)
        self.setLabelText(_("Cancelling…"))

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        if not self.cancelling:
            self.setRange(0, total)
            self.setValue(done)

    @Slot(str)
    def show_stage(self, text: str) -> None:
        if not self.cancelling:
            self.setLabelText(text)

    def reject(self) -> None:  # Esc
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # the close box
        event.ignore()
        self.canceled.emit()


class _Outcome(QObject):
    """Lives on the UI thread: receives the job's queued ``finished`` and ends the waiting loop."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.result: tuple[object, BaseException | None] = (None, None)

    @Slot(object, object)
    def finished(self, result: object, error: BaseException | None) -> None:
        self.result = (result, error)
        self.loop.quit()


def run_with_progress(job: BackgroundJob, dialog: CancellableProgressDialog) -> tuple[object, BaseException | None]:
    """Run ``job`` on its own thread while ``dialog`` blocks the window; returns (result, error) when it ends.

    The UI thread keeps handling events meanwhile (repaints, timers, the Cancel button).
    """
    loop = QEventLoop()
    outcome = _Outcome(loop)
    thread = QThread()
    job.moveToThread(thread)
    job.progress.connect(dialog.show_progress)
    job.stage.connect(dialog.show_stage)
    job.finished.connect(outcome.finished)
    # Direct: the worker thread is busy in work() and would never deliver a queued call in time.
    dialog.canceled.connect(job.request_stop, Qt.ConnectionType.DirectConnection)
    thread.started.connect(job.run)
    dialog.show()  # at once, not after a delay: the window is blocked before the job touches the file
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.hide()
    dialog.deleteLater()
    return outcome.result
