"""Taking copies of the report file through SQLite's backup API (consistent even while open).

Before a schema upgrade, beside the file; once per day of editing, in the
user's data folder, so a full USB stick is not filled with copies and a lost
stick loses no backups (where they live and how many are kept: store.backup_copies).
No copy is started without room for all of it (NotEnoughSpace). The editor
takes the daily copy on a worker thread (``take_daily_backup``) from its own
read-only connection, step by step, so it can be stopped between steps.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from ita_desktop.atomic_file import sync_folder
from ita_desktop.errors import ReportFileError
from ita_desktop.kill_points import kill_point
from ita_desktop.messages import Message
from ita_desktop.store.backup_copies import (
    BACKUP_SUFFIX,
    KEEP,
    PARTIAL_SUFFIX,
    backup_path,
    copy_prefixes,
    daily_target,
    keep_newest,
)
from ita_desktop.store.connections import connect

DAILY_GENERATIONS = KEEP["daily"]
# Pages copied per step of a background copy: 256 pages of 16 KB is 4 MB, a few
# milliseconds, so a stop request is honoured almost at once.
STEP_PAGES = 256
# Left free after a copy: the disk is the clerk's, and the report file itself must still grow.
SPACE_MARGIN = 16 * 1_048_576


class NotEnoughSpace(ReportFileError):
    """A copy was not started: the disk has no room for all of it (and the margin)."""


def _megabytes(size: int) -> int:
    return -(-size // 1_048_576)


def check_room_for(conn: sqlite3.Connection, folder: Path) -> None:
    """Raise NotEnoughSpace unless ``folder``'s disk can take a whole copy of ``conn`` and the margin."""
    pages, page_size = (conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "page_size"))
    needed = pages * page_size + SPACE_MARGIN
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise NotEnoughSpace(Message("{folder}: not enough free space for a backup copy ({needed} MB needed, "
                                     "{free} MB free); the copy was not made.", folder=str(folder),
                                     needed=_megabytes(needed), free=free // 1_048_576))


class BackupCancelled(Exception):
    """The copy was stopped before it finished (window closed, another file opened); nothing was kept."""


def _between_steps(should_stop: Callable[[], bool] | None) -> Callable[[int, int, int], None]:
    def progress(_status: int, _remaining: int, _total: int) -> None:
        kill_point("backup-step")
        if should_stop is not None and should_stop():
            raise BackupCancelled  # sqlite3 finishes (abandons) the backup and re-raises it
    return progress


def write_backup(conn: sqlite3.Connection, target: Path, *, pages: int = -1,
                 should_stop: Callable[[], bool] | None = None) -> Path:
    """Copy the open database ``conn`` into ``target`` (written aside, then renamed into place).

    With ``pages`` > 0 the copy goes that many pages per step and ``should_stop``
    is asked after each: True abandons it (BackupCancelled) and removes the part written.
    Raises NotEnoughSpace, before writing anything, when the disk cannot take it.
    """
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    check_room_for(conn, target.parent)
    try:
        copy = connect(partial)
        try:
            conn.backup(copy, pages=pages, progress=_between_steps(should_stop))
        finally:
            copy.close()
        kill_point("backup-copied")  # whole, but still under its .partial name
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        partial.replace(target)
        sync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)  # a full disk must not keep half a copy
        raise
    return target


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> NotEnoughSpace | None:
    """Keep the file as it was before a schema upgrade (the newest ``KEEP["migration"]`` such copies).

    No room for the copy is returned as a notice: the upgrade itself is one
    transaction per step and goes ahead, rather than the file not opening.
    """
    _remove_stale_partials(path.parent, path, "v")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        write_backup(conn, backup_path(path, f"v{version}-{stamp}"))
    except NotEnoughSpace as notice:
        return notice
    keep_newest(path, "migration")
    return None


def daily_backup_due(path: Path, today: date | None = None) -> bool:
    """True until today's copy of ``path`` exists."""
    return not daily_target(Path(path), today).exists()


# One lock per report file: never two copies of the same file at once in this process
# (other processes cannot copy it either: only the holder of its ReportLock does).
_COPY_LOCKS: dict[Path, threading.Lock] = {}
_COPY_LOCKS_GUARD = threading.Lock()


def _copy_lock(path: Path) -> threading.Lock:
    with _COPY_LOCKS_GUARD:
        return _COPY_LOCKS.setdefault(Path(os.path.normcase(str(Path(path).resolve()))), threading.Lock())


def _hold_copy_lock(lock: threading.Lock, should_stop: Callable[[], bool] | None) -> None:
    while not lock.acquire(timeout=0.05):
        if should_stop is not None and should_stop():
            raise BackupCancelled


def _remove_stale_partials(folder: Path, path: Path, label: str) -> None:
    # A process killed during a copy leaves its .partial (possibly of another day) behind.
    for prefix in copy_prefixes(path, folder):
        for stale in folder.glob(f"{glob.escape(prefix)}.{label}*{BACKUP_SUFFIX}{PARTIAL_SUFFIX}"):
            stale.unlink(missing_ok=True)


def _daily_copy_failed(path: Path, exc: BaseException) -> ReportFileError:
    return ReportFileError(Message("{path}: today's backup copy could not be written ({reason}).",
                                   path=path, reason=exc))


def daily_backup(conn: sqlite3.Connection, path: Path, *, today: date | None = None,
                 generations: int = DAILY_GENERATIONS, pages: int = -1,
                 should_stop: Callable[[], bool] | None = None) -> ReportFileError | None:
    """Copy the file once per day of editing, keep the newest ``generations``; a failure is returned, not raised.

    ``pages`` and ``should_stop`` as for :func:`write_backup`; a stop raises BackupCancelled.
    """
    target = daily_target(path, today)
    folder = target.parent
    lock = _copy_lock(path)
    _hold_copy_lock(lock, should_stop)
    try:
        if target.exists():  # e.g. a copy that was running when this one started has made it
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _remove_stale_partials(folder, path, "daily-")
            write_backup(conn, target, pages=pages, should_stop=should_stop)
        except NotEnoughSpace as notice:
            return notice
        except (OSError, sqlite3.Error) as exc:
            return _daily_copy_failed(path, exc)
    finally:
        lock.release()
    if generations > 0:
        keep_newest(path, "daily", generations)
    return None


def open_snapshot(path: Path) -> sqlite3.Connection:
    """A read-only connection holding a read transaction: it sees the file as of now until closed.

    Without the open transaction a step-wise backup starts again from the first
    page after each commit of another connection, and never ends while the clerk types.
    Taken when the file is opened, so today's copy is the file before today's edits;
    usable from the worker thread that takes the copy.
    """
    conn = connect(path, read_only=True, check_same_thread=False)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def take_daily_backup(path: str | Path, *, today: date | None = None, generations: int = DAILY_GENERATIONS,
                      pages: int = STEP_PAGES, should_stop: Callable[[], bool] | None = None,
                      snapshot: sqlite3.Connection | None = None) -> ReportFileError | None:
    """Today's copy of a file another connection may be editing; for a worker thread.

    Reads through ``snapshot`` (from :func:`open_snapshot`, closed here) or a
    read-only connection of its own: one consistent view while the editor keeps
    writing, ``pages`` per step; a failure is returned, a stop raises
    BackupCancelled. Nothing is done when today's copy exists.
    """
    path = Path(path)
    if not daily_backup_due(path, today):
        if snapshot is not None:
            snapshot.close()
        return None
    try:
        conn = snapshot if snapshot is not None else open_snapshot(path)
    except sqlite3.Error as exc:
        return _daily_copy_failed(path, exc)
    try:
        return daily_backup(conn, path, today=today, generations=generations, pages=pages,
                            should_stop=should_stop)
    finally:
        conn.close()


