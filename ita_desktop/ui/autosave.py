"""Debounced writing of typed text to the report file, retried until the disk takes it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ita_desktop.errors import UserError
from ita_desktop.i18n import _, current_language

# Errors a write can end in without the program being wrong: full disk, removed USB stick, read-only file.
WRITE_ERRORS = (UserError, sqlite3.Error, OSError)


def describe_write_error(error: BaseException) -> str:
    """The clerk-facing sentence for a failed write, in the UI language."""
    if isinstance(error, UserError):
        return error.message(current_language())
    return _("Could not save: {reason}").format(reason=error)


class AutosaveQueue(QObject):
    """Field values waiting to be written; one write per row, at most ``MAX_DELAY_MS`` after the first change.

    A value stays queued until a write succeeds, so a failed save (disk full, USB
    stick pulled out) loses nothing: the queue retries every ``RETRY_MS``.
    """

    saved = Signal(object)  # datetime of the write
    saveFailed = Signal(str)

    DEBOUNCE_MS = 300
    MAX_DELAY_MS = 800
    RETRY_MS = 2000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # key (kind, identity of the model object) → (writer, target, {field: value})
        self._pending: dict[tuple[str, int], tuple[Callable[[Any, dict], None], Any, dict[str, Any]]] = {}
        self._first_pending: float | None = None
        self.failing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def queue(self, kind: str, target: Any, writer: Callable[[Any, dict], None], field: str, value: Any) -> None:
        """Remember ``field = value`` of ``target``; ``writer(target, fields)`` stores it later."""
        entry = self._pending.setdefault((kind, id(target)), (writer, target, {}))
        entry[2][field] = value
        now = time.monotonic()
        if self._first_pending is None:
            self._first_pending = now
        if self.failing:
            return  # the retry timer is already running
        # Debounce, but never let continuous typing postpone the write past the deadline.
        remaining = self.MAX_DELAY_MS - (now - self._first_pending) * 1000
        self._timer.start(int(max(0, min(self.DEBOUNCE_MS, remaining))))

    def flush(self) -> bool:
        """Write everything now; True when nothing is left unsaved."""
        self._timer.stop()
        if not self._pending:
            return True
        for key in list(self._pending):
            writer, target, fields = self._pending[key]
            try:
                writer(target, dict(fields))
            except KeyError:
                pass  # the row is gone (its section was deleted): nothing to keep
            except WRITE_ERRORS as error:
                self.failing = True
                self._timer.start(self.RETRY_MS)
                self.saveFailed.emit(describe_write_error(error))
                return False
            del self._pending[key]
        self._first_pending = None
        self.failing = False
        self.saved.emit(datetime.now())
        return True

    def discard(self) -> None:
        """Forget queued values (only when the file is being closed after a final flush)."""
        self._timer.stop()
        self._pending.clear()
        self._first_pending = None
