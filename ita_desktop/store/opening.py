"""Open a .ita file safely: checked first (store.inspection), locked, migrated with a backup first.

A file that is refused is left byte-for-byte as it was, and a missing path is
never created. A file the user may not write (read-only file, folder
or medium) opens read-only instead of failing.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ita_desktop.database import LATEST_VERSION, migrate
from ita_desktop.errors import ReportFileError, UserError
from ita_desktop.messages import Message
from ita_desktop.store.backup import backup_before_migration, daily_backup, daily_backup_due, open_snapshot
from ita_desktop.store.connections import connect
from ita_desktop.store.inspection import APPLICATION_ID, file_error, inspect_report_file, missing_file_error
from ita_desktop.store.lazy_database import LazyDatabase
from ita_desktop.store.locking import ReportLock

# A 4 MB photo is a chain of overflow pages, each written by its own call: 16 KB pages take a
# third of the CPU time of SQLite's default 4 KB to store one (and a typed edit writes 16 KB).
NEW_FILE_PAGE_SIZE = 16384


def _connect_read_only(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    try:
        conn = connect(path, read_only=True, check_same_thread=check_same_thread)
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK):
            raise
    else:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            if os.access(path.parent, os.W_OK):
                raise
    # A read-only folder cannot hold the -shm index that WAL readers need; nobody
    # can write there either, so reading the file as immutable is safe.
    return connect(path, read_only=True, immutable=True, check_same_thread=check_same_thread)


def open_read_only(path: Path) -> LazyDatabase:
    """A reader for another thread (rendering, previews): never migrates, never writes."""
    path = Path(path)
    version = inspect_report_file(path)
    if version < LATEST_VERSION:
        raise file_error(path, Message("open the file in ITA Desktop once to upgrade it."))
    try:
        conn = _connect_read_only(path, check_same_thread=False)
    except sqlite3.Error as exc:
        raise file_error(path, Message("cannot be opened ({reason}).", reason=exc)) from None
    return LazyDatabase(conn)


def _open_writable(path: Path, version: int, notices: list[UserError] | None = None) -> LazyDatabase:
    """Connect, and bring an older file up to date after copying it aside (a copy skipped goes in ``notices``)."""
    try:
        conn = connect(path)
        if version == 0:  # only an empty file can choose its page size
            conn.execute(f"PRAGMA page_size = {NEW_FILE_PAGE_SIZE}")
        if version < LATEST_VERSION:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db = LazyDatabase(conn)
        if 0 < version < LATEST_VERSION:
            skipped = backup_before_migration(conn, path, version)
            if skipped is not None and notices is not None:
                notices.append(skipped)
        if version < LATEST_VERSION:
            migrate(db.database())
        conn.execute("PRAGMA journal_mode = WAL")
        return db
    except sqlite3.OperationalError as exc:
        raise file_error(path, Message("cannot be written ({reason}).", reason=exc)) from None


def _new_file_version(path: Path, create: bool) -> int:
    if not create:
        raise missing_file_error(path)
    if not path.parent.is_dir():
        raise file_error(path, Message("the folder does not exist."))
    return 0


def open_database(path: Path, *, create: bool = False) -> LazyDatabase:
    """Open (or with ``create``, make) the report file at ``path`` and bring its schema up to date."""
    path = Path(path)
    version = inspect_report_file(path) if path.exists() else _new_file_version(path, create)
    return _open_writable(path, version)


def is_writable(path: Path) -> bool:
    """Can this process change ``path``? (the file, and its folder for the journal and lock files)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@dataclass
class OpenedReportFile:
    """A report file opened for the editor: writable and locked, or read-only with the reason why."""

    db: LazyDatabase
    read_only: bool = False
    lock: ReportLock | None = None
    notices: list[UserError] = field(default_factory=list)
    daily_backup_due: bool = False  # with defer_daily_backup: today's copy is the caller's to take
    daily_snapshot: sqlite3.Connection | None = None  # ...from this view of the file as opened

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()


def read_only_reason(path: Path) -> ReportFileError:
    """The banner text for a file opened read-only."""
    return file_error(path, Message("the file or its folder is read-only: it is open for reading and printing only. "
                                    "Copy it to a folder you can write to, to edit it."))


def _open_for_reading_only(path: Path, version: int) -> OpenedReportFile:
    if version < LATEST_VERSION:
        raise file_error(path, Message("the file is read-only and was saved by an older version; copy it to a folder "
                                       "you can write to and open it there once to upgrade it."))
    try:
        conn = _connect_read_only(path)
        conn.execute("SELECT count(*) FROM reports").fetchone()
    except sqlite3.Error as exc:
        raise file_error(path, Message("cannot be opened read-only ({reason}).", reason=exc)) from None
    db = LazyDatabase(conn)
    return OpenedReportFile(db, read_only=True, notices=[read_only_reason(path)])


def open_report_file(path: str | Path, *, create: bool = False, backups: bool = True,
                     defer_daily_backup: bool = False) -> OpenedReportFile:
    """Open ``path`` for the editor: checked, locked against other processes, migrated, backed up daily.

    A file or folder this process cannot write opens read-only (``read_only``,
    with the reason in ``notices``); another process editing it raises
    ReportFileError "already open". A failed daily backup is a notice, not an error.
    With ``defer_daily_backup`` no copy is taken here: ``daily_backup_due`` says
    whether the caller should take one (the editor does, on a worker thread).
    """
    path = Path(path)
    version = inspect_report_file(path) if path.exists() else _new_file_version(path, create)
    if path.exists() and not is_writable(path):
        return _open_for_reading_only(path, version)
    lock = ReportLock.acquire(path)
    try:
        notices: list[UserError] = []
        db = _open_writable(path, version, notices)
    except BaseException:
        lock.release()
        raise
    opened = OpenedReportFile(db, lock=lock, notices=notices)
    if backups and version > 0 and defer_daily_backup:
        opened.daily_backup_due = daily_backup_due(path)
        if opened.daily_backup_due:
            try:  # before anything is written: the copy must hold the file from before today's edits
                opened.daily_snapshot = open_snapshot(path)
            except sqlite3.Error:
                pass  # the worker's own attempt will then report the failure
    elif backups and version > 0:
        problem = daily_backup(db.conn, path)
        if problem is not None:
            opened.notices.append(problem)
    return opened
