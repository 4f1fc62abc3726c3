"""Recognise a .ita file before anything opens it: header checks, ours or not, healthy or damaged.

Every check runs on a read-only connection, so a file that is refused (not
SQLite, another program's database, newer than this app, damaged, carrying
triggers or views) is left byte-for-byte as it was.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ita_desktop.database import LATEST_VERSION, MIGRATION_FILES
from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message
from ita_desktop.store.connections import connect

# "ITAd" in the header's application_id field marks a file as ours.
APPLICATION_ID = 0x49544164
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_READONLY_ROLLBACK = 776  # a read-only connection met a hot journal it may not roll back
# Every table any migration creates, read from the migration scripts themselves, so a
# new migration can never make this program refuse its own files.
_CREATE_TABLE = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[\"'`\[]?(\w+)", re.IGNORECASE)
_OUR_TABLES = {name for _v, _n, script in MIGRATION_FILES for name in _CREATE_TABLE.findall(script)} | {
    "_sqlite_migrations"}


def file_error(path: Path, reason: Message) -> ReportFileError:
    """A ReportFileError about ``path``, its name first."""
    return ReportFileError(Message("{path}: {reason}", path=path, reason=reason))


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except FileNotFoundError:
        raise missing_file_error(path) from None
    except IsADirectoryError:
        raise file_error(path, Message("this is a folder, not a report file.")) from None
    except PermissionError:
        raise file_error(path, Message("permission denied.")) from None
    except OSError as exc:
        raise file_error(path, Message("cannot be read ({reason}); if it is on a USB drive, check that it is plugged "
                                       "in.", reason=exc.strerror)) from None


def missing_file_error(path: Path) -> ReportFileError:
    """"No such file", or the folder (a USB drive) is gone."""
    if not path.parent.exists():
        return file_error(path, Message("the folder is gone; if it was on a USB drive, plug the drive in again."))
    return file_error(path, Message("no such file."))


def _roll_back_hot_journal(path: Path, header: bytes) -> bool:
    """Undo a transaction that a killed writer left in a rollback journal; True when done.

    Only our own files (the application id in the header, which no transaction
    changes) are touched: a read-write connection rolls the journal back, as any
    SQLite program opening the file would.
    """
    if header[68:72] != APPLICATION_ID.to_bytes(4, "big"):
        return False
    try:
        conn = connect(path)
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


def inspect_report_file(path: Path, *, rolled_back: bool = False) -> int:
    """Return the file's schema version after checking it is a healthy ITA Desktop file."""
    header = _read_header(path)
    if len(header) == 0:
        return 0  # an empty file is a new database
    if not header.startswith(SQLITE_HEADER):
        raise file_error(path, Message("not an ITA Desktop report file."))
    # Without a -wal or -journal beside it the main file is complete on its own: read it as
    # immutable so that inspecting (and refusing) a file leaves no -shm/-wal behind.
    # A -journal (large imports write through one) may hold a killed transaction to undo.
    journal_beside = Path(f"{path}-wal").exists() or Path(f"{path}-journal").exists()
    if _cut_short(path, header, journal_beside):
        raise file_error(path, Message("the file is damaged (cut short)."))
    conn = None
    try:  # connect() itself reads the schema (to verify defensive mode on 3.11)
        conn = connect(path, read_only=True, immutable=not journal_beside)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        kinds = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
        check = _quick_check_text_tables(conn, {name for kind, name in kinds if kind == "table"})
    except sqlite3.DatabaseError as exc:
        hot_journal = getattr(exc, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK
        if conn is not None:
            conn.close()
        if hot_journal and not rolled_back and _roll_back_hot_journal(path, header):
            return inspect_report_file(path, rolled_back=True)
        raise file_error(path, Message("the file is damaged (not a complete database).")) from None
    except sqlite3.Error:
        raise file_error(path, Message("cannot be opened.")) from None
    conn.close()
    names = {name for kind, name in kinds if kind == "table"}
    if app_id != APPLICATION_ID and (app_id != 0 or names - {"sqlite_sequence"}):
        raise file_error(path, Message("this database belongs to another program."))
    if names - _OUR_TABLES - {"sqlite_sequence", "sqlite_stat1"}:
        raise file_error(path, Message("the file contains tables this program does not know."))
    # This program never creates triggers or views: a file that has them was crafted.
    if any(kind in ("trigger", "view") for kind, _name in kinds):
        raise file_error(path, Message("the file contains triggers or views this program never makes; it may have been "
                                       "tampered with and is not opened."))
    if version > LATEST_VERSION:
        raise file_error(path, Message("the file was saved by a newer version of ITA Desktop; please update the "
                                       "program."))
    if check != "ok":
        raise file_error(path, Message("the file is damaged (integrity check failed)."))
    return version


def check_report_file(path: str | Path) -> int:
    """Refuse (ReportFileError) anything that is not a healthy ITA Desktop file; return its schema version."""
    return inspect_report_file(Path(path))
