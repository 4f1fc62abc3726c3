"""One writer per report file: an exclusive OS lock on a side file ``NAME.ita.lock``.

The lock belongs to the open file handle, so the operating system drops it
when the process ends in any way (closed window, crash, SIGKILL, power cut):
a lock file left on disk is never "stale", it is simply locked again. The side
file holds the owner's pid and computer name only to word the message.

Within one process the lock is shared and counted, so the process's own
read-only renderers and a reopen after close are never blocked by it.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message

LOCK_SUFFIX = ".lock"
# Windows locks are mandatory: a locked byte cannot be read by anyone else. The byte locked
# lies far past the owner's text, so another window can still read who holds the file.
WINDOWS_LOCK_OFFSET = 1 << 20
# An open file cannot be deleted on Windows (os.open shares no delete right): the side file is
# removed after its handle is closed there, and while it is still locked elsewhere.
DELETE_WHILE_OPEN = sys.platform != "win32"

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(path: Path) -> Path:
    """``report.ita`` → ``report.ita.lock`` beside it."""
    return path.with_name(path.name + LOCK_SUFFIX)


def _host_name() -> str:
    # platform.node() reads the kernel's name for this computer: no network involved.
    return platform.node() or "?"


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[str, _Held] = {}
_held_guard = threading.Lock()


def _owner_text(path: Path) -> str:
    try:
        return lock_path(path).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


_OWNER = re.compile(r"^pid (\d+) on (.+)$")


def _already_open(path: Path) -> ReportFileError:
    # The side file says "pid 21331 on vm": its parts go into the message, worded in the clerk's language.
    owner = _OWNER.match(_owner_text(path))
    if owner is None:
        return ReportFileError(Message(
            "{path}: the file is already open in another window or on another computer. Close it there first.",
            path=path))
    return ReportFileError(Message(
        "{path}: the file is already open in another window or on another computer (program number {pid} "
        "on the computer {computer}). Close it there first.",
        path=path, pid=int(owner.group(1)), computer=owner.group(2).strip()))  # int: Thai digits in Thai


def _open_locked(side: Path) -> int | None:
    """An fd holding the lock on ``side``, or None when another process holds it."""
    for _attempt in range(5):
        fd = os.open(side, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            return None
        # Another process may have removed the side file between our open and our
        # lock; the lock must be on the file that is at the path now.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(side))
        except FileNotFoundError:
            same = False
        if same:
            return fd
        _unlock(fd)
        os.close(fd)
    return None


class ReportLock:
    """The writer's claim on one report file; :meth:`release` (or process death) frees it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._key = os.path.normcase(str(self.path.resolve()))
        self._released = True

    @classmethod
    def acquire(cls, path: str | Path) -> ReportLock:
        """Lock ``path`` for writing; raises ReportFileError when another process has it."""
        lock = cls(Path(path))
        with _held_guard:
            held = _held.get(lock._key)
            if held is not None:
                held.count += 1
            else:
                side = lock_path(lock.path)
                try:
                    fd = _open_locked(side)
                except OSError as exc:
                    raise ReportFileError(
                        Message("{path}: cannot create the lock file {name} ({reason}).",
                                path=path, name=side.name, reason=exc.strerror)) from None
                if fd is None:
                    raise _already_open(lock.path)
                _write_owner(fd)
                _held[lock._key] = _Held(fd, 1)
        lock._released = False
        return lock

    def release(self) -> None:
        """Give the file back (idempotent)."""
        if self._released:
            return
        self._released = True
        with _held_guard:
            held = _held.get(self._key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _held[self._key]
            _remove_side_file(lock_path(self.path), held.fd)


def _remove_side_file(side: Path, fd: int) -> None:
    """Unlock and close ``fd`` and delete the side file, in the order the platform allows."""
    if DELETE_WHILE_OPEN:
        # Remove the side file while still holding the lock, so nobody is
        # left holding a lock on a file that is about to vanish.
        _unlink_quietly(side)
    try:
        _unlock(fd)
    finally:
        os.close(fd)
    if not DELETE_WHILE_OPEN:
        # Windows refuses to delete a file another process has open, so a window that
        # has just locked it keeps it; otherwise nothing is left beside the report.
        _unlink_quietly(side)


def _unlink_quietly(side: Path) -> None:
    try:
        side.unlink()
    except OSError:
        pass


def _write_owner(fd: int) -> None:
    text = f"pid {os.getpid()} on {_host_name()}\n".encode()
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)
    except OSError:
        pass  # only the message's detail is lost (e.g. a full disk)
