"""The lock file under Windows rules: an open file cannot be deleted, so it is removed after its close."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from ita_desktop.store import locking
from ita_desktop.store.locking import ReportLock, lock_path


@pytest.fixture
def windows_files(monkeypatch):
    """Deleting a file that some handle still has open fails, as on Windows (os.open shares no delete)."""
    open_paths: dict[int, str] = {}

    def tracked_open(path, flags, mode=0o777):
        fd = os.open(path, flags, mode)
        open_paths[fd] = os.path.abspath(path)
        return fd

    def tracked_close(fd):
        open_paths.pop(fd, None)
        os.close(fd)

    real_unlink = Path.unlink

    def windows_unlink(self, missing_ok=False):
        if os.path.abspath(self) in open_paths.values():
            raise PermissionError(13, "The process cannot access the file because it is being used", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    fake_os = SimpleNamespace(**{name: getattr(os, name) for name in dir(os) if not name.startswith("__")})
    fake_os.open, fake_os.close = tracked_open, tracked_close
    monkeypatch.setattr(locking, "os", fake_os)
    monkeypatch.setattr(Path, "unlink", windows_unlink)
    monkeypatch.setattr(locking, "DELETE_WHILE_OPEN", False)
    return open_paths


def test_lock_file_is_removed_after_close_where_open_files_cannot_be_deleted(tmp_path, windows_files):
    report = tmp_path / "รายงาน ITA 2567.ita"
    report.write_bytes(b"")
    for _session in range(3):  # open and close the report three times: no lock files pile up
        lock = ReportLock.acquire(report)
        assert lock_path(report).exists()
        lock.release()
        assert not lock_path(report).exists()
        assert windows_files == {}


def test_lock_file_another_window_holds_open_is_left_to_it(tmp_path, windows_files):
    report = tmp_path / "report.ita"
    report.write_bytes(b"")
    lock = ReportLock.acquire(report)
    # A second window has just opened the side file and is about to lock it.
    other = locking.os.open(lock_path(report), os.O_RDWR)
    lock.release()
    assert lock_path(report).exists()  # the delete failed quietly, the other window keeps its file
    locking.os.close(other)


def test_windows_lock_byte_lies_past_the_owner_text(tmp_path):
    """Reading the owner (for the message) must not touch the mandatorily locked byte."""
    report = tmp_path / "report.ita"
    report.write_bytes(b"")
    lock = ReportLock.acquire(report)
    try:
        assert len(lock_path(report).read_bytes()) < locking.WINDOWS_LOCK_OFFSET
    finally:
        lock.release()
