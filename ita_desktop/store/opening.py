"""Open a .ita file safely: recognise it, refuse what is not ours, migrate with a backup first.

Every check runs on a read-only connection first, so a file that is refused
(not SQLite, another program's database, newer than this app, damaged) is left
byte-for-byte as it was, and a missing path is never created.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ita_desktop.database import LATEST_VERSION, migrate
from ita_desktop.errors import ReportFileError
from ita_desktop.store.backup import backup_before_migration

# "ITAd" in the header's application_id field marks a file as ours.
APPLICATION_ID = 0x49544164
SQLITE_HEADER = b"SQLite format 3\x00"
_OUR_TABLES = {"reports", "sections", "measure_groups", "measures", "photos", "photo_blobs",
               "signatories", "item_catalogue", "_sqlite_migrations"}


def _error(path: Path, english: str, thai: str) -> ReportFileError:
    return ReportFileError(f"{path}: {english}", f"{path}: {thai}")


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except FileNotFoundError:
        raise _error(path, "no such file.", "ไม่พบไฟล์") from None
    except IsADirectoryError:
        raise _error(path, "this is a folder, not a report file.", "เป็นโฟลเดอร์ ไม่ใช่ไฟล์รายงาน") from None
    except PermissionError:
        raise _error(path, "permission denied.", "ไม่มีสิทธิ์อ่านไฟล์นี้") from None
    except OSError as exc:
        raise _error(path, f"cannot be read ({exc.strerror}).", f"อ่านไฟล์ไม่ได้ ({exc.strerror})") from None


def _inspect(path: Path) -> int:
    """Return the file's schema version after checking it is a healthy ITA Desktop file."""
    header = _read_header(path)
    if len(header) == 0:
        return 0  # an empty file is a new database
    if not header.startswith(SQLITE_HEADER):
        raise _error(path, "not an ITA Desktop report file.", "ไม่ใช่ไฟล์รายงานของ ITA Desktop")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise _error(path, "cannot be opened.", "เปิดไฟล์ไม่ได้") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError:
        raise _error(path, "the file is damaged (not a complete database).",
                     "ไฟล์เสียหาย (ฐานข้อมูลไม่สมบูรณ์)") from None
    finally:
        conn.close()
    if app_id != APPLICATION_ID and (app_id != 0 or names - {"sqlite_sequence"}):
        raise _error(path, "this database belongs to another program.", "ฐานข้อมูลนี้เป็นของโปรแกรมอื่น")
    if names - _OUR_TABLES - {"sqlite_sequence", "sqlite_stat1"}:
        raise _error(path, "the file contains tables this program does not know.",
                     "ไฟล์มีตารางที่โปรแกรมไม่รู้จัก")
    if version > LATEST_VERSION:
        raise _error(path, "the file was saved by a newer version of ITA Desktop; please update the program.",
                     "ไฟล์นี้บันทึกด้วย ITA Desktop รุ่นใหม่กว่า กรุณาปรับปรุงโปรแกรม")
    if check != "ok":
        raise _error(path, "the file is damaged (integrity check failed).",
                     "ไฟล์เสียหาย (ตรวจสอบความสมบูรณ์ไม่ผ่าน)")
    return version


def _configure(conn: sqlite3.Connection) -> None:
    # trusted_schema=OFF: a crafted file cannot run functions from its schema.
    for pragma in ("trusted_schema = OFF", "foreign_keys = ON", "synchronous = FULL", "busy_timeout = 3000"):
        conn.execute(f"PRAGMA {pragma}")


def open_read_only(path: Path) -> Database:
    """A reader for another thread (rendering, previews): never migrates, never writes."""
    path = Path(path)
    version = _inspect(path)
    if version < LATEST_VERSION:
        raise _error(path, "open the file in ITA Desktop once to upgrade it.",
                     "กรุณาเปิดไฟล์ใน ITA Desktop หนึ่งครั้งเพื่อปรับรุ่นไฟล์")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    _configure(conn)
    return Database(conn, execute_plugins=False, recursive_triggers=False)


def open_database(path: Path, *, create: bool = False) -> Database:
    """Open (or with ``create``, make) the report file at ``path`` and bring its schema up to date."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise _error(path, "no such file.", "ไม่พบไฟล์")
        if not path.parent.is_dir():
            raise _error(path, "the folder does not exist.", "ไม่พบโฟลเดอร์")
        version = 0
    else:
        version = _inspect(path)
    try:
        conn = sqlite3.connect(str(path))
        _configure(conn)
        if version < LATEST_VERSION:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db = Database(conn, execute_plugins=False, recursive_triggers=False)
        if 0 < version < LATEST_VERSION:
            backup_before_migration(conn, path, version)
        if version < LATEST_VERSION:
            migrate(db)
        conn.execute("PRAGMA journal_mode = WAL")
        return db
    except sqlite3.OperationalError as exc:
        raise _error(path, f"cannot be written ({exc}).", f"บันทึกไฟล์ไม่ได้ ({exc})") from None
