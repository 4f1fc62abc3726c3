"""Today's backup copy of the open report, taken on a worker thread so the editor shows at once.

The copy reads the file as it was opened (a snapshot taken before any edit,
``store.backup.open_snapshot``), so the clerk can type while it runs and the day
still keeps a copy from before its edits. Closing the file lets it finish (for a
while), then stops it between two steps.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message
from ita_desktop.store import backup

# Closing waits this long for the copy to stop; a step is a few milliseconds, the final
# fsync of a large copy on a slow USB stick can take longer (the thread then ends on its own).
STOP_WAIT_S = 5.0
# ...and first this long for it to finish: a copy stopped now would be taken at the next
# opening, with this session's edits in it. 550 MB take ~2 s from a disk, ~30 s from a USB stick.
FINISH_WAIT_S = 30.0


def unexpected_failure(path: Path, exc: BaseException) -> ReportFileError:
    """A notice for an error the copy did not foresee: named, never a traceback."""
    what = f"{type(exc).__name__}: {exc}"
    return ReportFileError(Message("{path}: today's backup copy could not be written ({reason}).",
                                   path=path, reason=what))


class DailyBackupRunner(QObject):
    """Takes today's copy of one report file on a plain thread and reports back through Qt signals."""

    finished = Signal()  # the copy is in place (or was already there)
    failed = Signal(object)  # ReportFileError: shown to the clerk as a notice

    def __init__(self, path: str | Path, parent: QObject | None = None,
                 snapshot: sqlite3.Connection | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.snapshot = snapshot  # the file as opened; the copy closes it
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the copy (once); returns at once."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name=f"daily backup of {self.path.name}", daemon=True)
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = STOP_WAIT_S) -> bool:
        """Ask the copy to stop and wait for it; True once the thread has ended (nothing partial is left)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.is_running()

    def finish(self, timeout: float | None = None) -> bool:
        """Let the copy finish for up to ``timeout`` (FINISH_WAIT_S) seconds, then stop it; True if it finished."""
        finished = self.wait(FINISH_WAIT_S if timeout is None else timeout)
        self.stop()
        return finished

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the copy to end without stopping it; True once it has."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.is_running()

    def _run(self) -> None:
        try:
            problem = backup.take_daily_backup(self.path, should_stop=self._stop.is_set, snapshot=self.snapshot)
        except backup.BackupCancelled:
            return
        except Exception as exc:  # noqa: BLE001 - whatever happens here must reach the clerk as a notice
            problem = unexpected_failure(self.path, exc)
        if self._stop.is_set():
            return  # the file was closed meanwhile: nobody is there to tell
        try:
            # Emitted from this thread: Qt queues it to the receivers in the UI thread.
            if problem is None:
                self.finished.emit()
            else:
                self.failed.emit(problem)
        except RuntimeError:  # the runner's Qt object is already gone (window closed long ago)
            pass
