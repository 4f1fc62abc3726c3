"""Open a .ita file safely: recognise it, refuse what is not ours, lock it, migrate with a backup first.

Every check runs on a read-only connection first, so a file that is refused
(not SQLite, another program's database, newer than this app, damaged,
carrying triggers or views) is left byte-for-byte as it was, and a missing
path is never created. A file the user may not write (read-only file, folder
or medium) opens read-only instead of failing.
"""

from __future__ import annotations

import ctypes
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ita_desktop.database import LATEST_VERSION, MIGRATION_FILES, migrate
from ita_desktop.errors import ReportFileError, UserError
from ita_desktop.kill_points import watch_writes
from ita_desktop.messages import Message
from ita_desktop.store.backup import backup_before_migration, daily_backup, daily_backup_due, open_snapshot
from ita_desktop.store.lazy_database import LazyDatabase
from ita_desktop.store.locking import ReportLock
from ita_desktop.store.sqlite_library import load_sqlite_library

# "ITAd" in the header's application_id field marks a file as ours.
APPLICATION_ID = 0x49544164
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_DBCONFIG_DEFENSIVE = 1010
SQLITE_READONLY_ROLLBACK = 776  # a read-only connection met a hot journal it may not roll back
# A 4 MB photo is a chain of overflow pages, each written by its own call: 16 KB pages take a
# third of the CPU time of SQLite's default 4 KB to store one (and a typed edit writes 16 KB).
NEW_FILE_PAGE_SIZE = 16384
# Every table any migration creates, read from the migration scripts themselves, so a
# new migration can never make this program refuse its own files.
_CREATE_TABLE = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[\"'`\[]?(\w+)", re.IGNORECASE)
_OUR_TABLES = {name for _v, _n, script in MIGRATION_FILES for name in _CREATE_TABLE.findall(script)} | {
    "_sqlite_migrations"}


_SQLITE = load_sqlite_library()


def enable_defensive_mode(conn: sqlite3.Connection) -> bool:
    """Turn on SQLITE_DBCONFIG_DEFENSIVE (no writable_schema tricks); False when this Python cannot.

    Python 3.12+ offers ``setconfig``. On 3.11 the connection's ``sqlite3*``
    handle is the first field after the object header; it is used only after
    SQLite itself confirms, through ``sqlite3_db_filename``, that it is the
    handle of this connection's file.
    """
    if hasattr(conn, "setconfig"):
        conn.setconfig(SQLITE_DBCONFIG_DEFENSIVE, True)
        return True
    if _SQLITE is None:
        return False
    expected = conn.execute("PRAGMA database_list").fetchone()[2]
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle or not expected or _SQLITE.sqlite3_db_filename(handle, b"main") != os.fsencode(expected):
        return False
    state = ctypes.c_int(-1)
    result = _SQLITE.sqlite3_db_config(ctypes.c_void_p(handle), ctypes.c_int(SQLITE_DBCONFIG_DEFENSIVE),
                                       ctypes.c_int(1), ctypes.byref(state))
    return result == 0 and state.value == 1


def _error(path: Path, reason: Message) -> ReportFileError:
    return ReportFileError(Message("{path}: {reason}", path=path, reason=reason))


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except FileNotFoundError:
        raise _missing(path) from None
    except IsADirectoryError:
        raise _error(path, Message("this is a folder, not a report file.")) from None
    except PermissionError:
        raise _error(path, Message("permission denied.")) from None
    except OSError as exc:
        raise _error(path, Message("cannot be read ({reason}); if it is on a USB drive, check that it is plugged in.",
                                   reason=exc.strerror)) from None


def _missing(path: Path) -> ReportFileError:
    if not path.parent.exists():
        return _error(path, Message("the folder is gone; if it was on a USB drive, plug the drive in again."))
    return _error(path, Message("no such file."))


def _roll_back_hot_journal(path: Path, header: bytes) -> bool:
    """Undo a transaction that a killed writer left in a rollback journal; True when done.

    Only our own files (the application id in the header, which no transaction
    changes) are touched: a read-write connection rolls the journal back, as any
    SQLite program opening the file would.
    """
    if header[68:72] != APPLICATION_ID.to_bytes(4, "big"):
        return False
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # e.g. a read-only medium: it stays "damaged"
    return True


# Photo pixels are most of a file (hundreds of MB); checking them on every open would
# read the whole file, slow from a USB stick. They are read on demand instead, and a
# damaged one is reported by name then (ReportStore.photo_data).
_PIXEL_TABLES = {"photo_blobs", "photo_originals"}


def _quick_check_text_tables(conn: sqlite3.Connection, tables: set[str]) -> str:
    for table in sorted(tables - _PIXEL_TABLES):
        result = conn.execute(f'PRAGMA quick_check("{table}")').fetchone()[0]
        if result != "ok":
            return result
    return "ok"


def _cut_short(path: Path, header: bytes, journal_beside: bool) -> bool:
    """The header's page count says the file is longer than it is (copied or saved only in part)."""
    if journal_beside or len(header) < 100 or header[24:28] != header[92:96]:
        return False  # the in-header size is only valid when its change counter matches
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return pages > 0 and path.stat().st_size < pages * page_size


def _inspect(path: Path, *, rolled_back: bool = False) -> int:
    """Return the file's schema version after checking it is a healthy ITA Desktop file."""
    header = _read_header(path)
    if len(header) == 0:
        return 0  # an empty file is a new database
    if not header.startswith(SQLITE_HEADER):
        raise _error(path, Message("not an ITA Desktop report file."))
    # Without a -wal or -journal beside it the main file is complete on its own: read it as
    # immutable so that inspecting (and refusing) a file leaves no -shm/-wal behind.
    # A -journal (large imports write through one) may hold a killed transaction to undo.
    journal_beside = Path(f"{path}-wal").exists() or Path(f"{path}-journal").exists()
    if _cut_short(path, header, journal_beside):
        raise _error(path, Message("the file is damaged (cut short)."))
    immutable = "" if journal_beside else "&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True)
    except sqlite3.Error:
        raise _error(path, Message("cannot be opened.")) from None
    try:
        enable_defensive_mode(conn)
        conn.execute("PRAGMA trusted_schema = OFF")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        kinds = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
        check = _quick_check_text_tables(conn, {name for kind, name in kinds if kind == "table"})
    except sqlite3.DatabaseError as exc:
        hot_journal = getattr(exc, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK
        conn.close()
        if hot_journal and not rolled_back and _roll_back_hot_journal(path, header):
            return _inspect(path, rolled_back=True)
        raise _error(path, Message("the file is damaged (not a complete database).")) from None
    finally:
        conn.close()
    names = {name for kind, name in kinds if kind == "table"}
    if app_id != APPLICATION_ID and (app_id != 0 or names - {"sqlite_sequence"}):
        raise _error(path, Message("this database belongs to another program."))
    if names - _OUR_TABLES - {"sqlite_sequence", "sqlite_stat1"}:
        raise _error(path, Message("the file contains tables this program does not know."))
    # This program never creates triggers or views: a file that has them was crafted.
    if any(kind in ("trigger", "view") for kind, _name in kinds):
        raise _error(path, Message("the file contains triggers or views this program never makes; it may have been "
                                   "tampered with and is not opened."))
    if version > LATEST_VERSION:
        raise _error(path, Message("the file was saved by a newer version of ITA Desktop; please update the program."))
    if check != "ok":
        raise _error(path, Message("the file is damaged (integrity check failed)."))
    return version


def check_report_file(path: str | Path) -> int:
    """Refuse (ReportFileError) anything that is not a healthy ITA Desktop file; return its schema version."""
    return _inspect(Path(path))


def _configure(conn: sqlite3.Connection) -> None:
    # Defensive mode and trusted_schema=OFF: a crafted file cannot corrupt itself
    # through writable_schema or run functions from its schema.
    enable_defensive_mode(conn)
    watch_writes(conn)
    for pragma in ("trusted_schema = OFF", "foreign_keys = ON", "synchronous = FULL", "busy_timeout = 3000"):
        conn.execute(f"PRAGMA {pragma}")


def _connect_read_only(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=check_same_thread)
        _configure(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK):
            raise
    # A read-only folder cannot hold the -shm index that WAL readers need; nobody
    # can write there either, so reading the file as immutable is safe.
    conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=check_same_thread)
    _configure(conn)
    return conn


def open_read_only(path: Path) -> LazyDatabase:
    """A reader for another thread (rendering, previews): never migrates, never writes."""
    path = Path(path)
    version = _inspect(path)
    if version < LATEST_VERSION:
        raise _error(path, Message("open the file in ITA Desktop once to upgrade it."))
    try:
        conn = _connect_read_only(path, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _error(path, Message("cannot be opened ({reason}).", reason=exc)) from None
    return LazyDatabase(conn)


def _open_writable(path: Path, version: int) -> LazyDatabase:
    try:
        conn = sqlite3.connect(str(path))
        _configure(conn)
        if version == 0:  # only an empty file can choose its page size
            conn.execute(f"PRAGMA page_size = {NEW_FILE_PAGE_SIZE}")
        if version < LATEST_VERSION:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db = LazyDatabase(conn)
        if 0 < version < LATEST_VERSION:
            backup_before_migration(conn, path, version)
        if version < LATEST_VERSION:
            migrate(db.database())
        conn.execute("PRAGMA journal_mode = WAL")
        return db
    except sqlite3.OperationalError as exc:
        raise _error(path, Message("cannot be written ({reason}).", reason=exc)) from None


def _new_file_version(path: Path, create: bool) -> int:
    if not create:
        raise _missing(path)
    if not path.parent.is_dir():
        raise _error(path, Message("the folder does not exist."))
    return 0


def open_database(path: Path, *, create: bool = False) -> LazyDatabase:
    """Open (or with ``create``, make) the report file at ``path`` and bring its schema up to date."""
    path = Path(path)
    version = _inspect(path) if path.exists() else _new_file_version(path, create)
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
    return _error(path, Message("the file or its folder is read-only: it is open for reading and printing only. Copy "
                                "it to a folder you can write to, to edit it."))


def _open_for_reading_only(path: Path, version: int) -> OpenedReportFile:
    if version < LATEST_VERSION:
        raise _error(path, Message("the file is read-only and was saved by an older version; copy it to a folder you "
                                   "can write to and open it there once to upgrade it."))
    try:
        conn = _connect_read_only(path)
        conn.execute("SELECT count(*) FROM reports").fetchone()
    except sqlite3.Error as exc:
        raise _error(path, Message("cannot be opened read-only ({reason}).", reason=exc)) from None
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
    version = _inspect(path) if path.exists() else _new_file_version(path, create)
    if path.exists() and not is_writable(path):
        return _open_for_reading_only(path, version)
    lock = ReportLock.acquire(path)
    try:
        db = _open_writable(path, version)
    except BaseException:
        lock.release()
        raise
    opened = OpenedReportFile(db, lock=lock)
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
