"""Copies of the report file through SQLite's backup API (consistent even while open), and restoring them.

Two kinds of copy: before a schema upgrade, beside the file (``NAME.ita.vN-DATE.bak``,
kept for good); and once per day of editing, in the user's data folder
(``backups/NAME-<path hash>/NAME.ita.daily-DATE.bak``, the newest few kept), so
a full USB stick is not filled with copies and a lost stick loses no backups.
The editor takes the daily copy on a worker thread (``take_daily_backup``) from
its own read-only connection, step by step, so it can be stopped between steps.
"""

from __future__ import annotations

import glob
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ita_desktop.database import LATEST_VERSION, migrate
from ita_desktop.errors import ReportFileError
from ita_desktop.kill_points import kill_point
from ita_desktop.messages import Message
from ita_desktop.paths import user_data_dir

BACKUP_SUFFIX = ".bak"
DAILY_GENERATIONS = 5
# Pages copied per step of a background copy: 256 pages of 16 KB is 4 MB, a few
# milliseconds, so a stop request is honoured almost at once.
STEP_PAGES = 256
PARTIAL_SUFFIX = ".partial"
# A copy's path must fit Windows' MAX_PATH (259 characters and the NUL) and its name one
# file name (255 UTF-8 bytes on ext4, 85 Thai letters): a clerk's long Thai report name is
# shortened in its copies' names (the daily folder's hash already tells reports apart).
MAX_PATH_CHARS = 259
MAX_NAME_BYTES = 255
# The longest copy name, and the journal SQLite writes beside the copy while it is made.
_LONGEST_LABEL = ".before-restore-20240101-120000-000000" + BACKUP_SUFFIX + PARTIAL_SUFFIX + "-journal"
_FOLDER_STEM_CHARS = 40
_SHORTEST_STEM = 8


class BackupCancelled(Exception):
    """The copy was stopped before it finished (window closed, another file opened); nothing was kept."""


def copy_prefix(path: Path, folder: Path) -> str:
    """How the names of ``path``'s copies in ``folder`` begin: its name, or a shortened one that fits."""
    stem, suffix = path.stem, path.suffix
    name = path.name
    while len(stem) > _SHORTEST_STEM and (
            len(str(folder / (name + _LONGEST_LABEL))) > MAX_PATH_CHARS
            or len((name + _LONGEST_LABEL).encode("utf-8")) > MAX_NAME_BYTES):
        stem = stem[:-1]
        name = f"{stem}~{suffix}"
    return name


def _prefixes(path: Path, folder: Path) -> set[str]:
    """The beginnings of copy names to look for: today's, and the full name of copies made before."""
    return {copy_prefix(path, folder), path.name}


def backup_path(path: Path, label: str) -> Path:
    """``report.ita`` → ``report.ita.<label>.bak`` beside it."""
    return path.with_name(f"{copy_prefix(path, path.parent)}.{label}{BACKUP_SUFFIX}")


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
    """
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    try:
        copy = sqlite3.connect(str(partial))
        try:
            conn.backup(copy, pages=pages, progress=_between_steps(should_stop))
        finally:
            copy.close()
        kill_point("backup-copied")  # whole, but still under its .partial name
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)  # a full disk must not keep half a copy
        raise
    return target


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Keep the file as it was before a schema upgrade."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return write_backup(conn, backup_path(path, f"v{version}-{stamp}"))


def daily_folder(path: Path) -> Path:
    """Where the daily copies of ``path`` live: one folder per report file in the user data folder."""
    resolved = os.path.normcase(str(Path(path).resolve()))
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return user_data_dir() / "backups" / f"{Path(path).stem[:_FOLDER_STEM_CHARS]}-{digest}"


def daily_target(path: Path, today: date | None = None) -> Path:
    """Where today's (or ``today``'s) daily copy of ``path`` goes."""
    folder = daily_folder(path)
    return folder / f"{copy_prefix(path, folder)}.daily-{(today or date.today()):%Y%m%d}{BACKUP_SUFFIX}"


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


def _remove_stale_partials(folder: Path, path: Path) -> None:
    # A process killed during a copy leaves its .partial (possibly of another day) behind.
    for prefix in _prefixes(path, folder):
        for stale in folder.glob(f"{glob.escape(prefix)}.daily-*{BACKUP_SUFFIX}{PARTIAL_SUFFIX}"):
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
            _remove_stale_partials(folder, path)
            write_backup(conn, target, pages=pages, should_stop=should_stop)
        except (OSError, sqlite3.Error) as exc:
            return _daily_copy_failed(path, exc)
    finally:
        lock.release()
    dailies = sorted(folder.glob(f"{glob.escape(copy_prefix(path, folder))}.daily-*{BACKUP_SUFFIX}"))
    for old in dailies[:-generations] if generations > 0 else []:
        old.unlink(missing_ok=True)
    return None


def open_snapshot(path: Path) -> sqlite3.Connection:
    """A read-only connection holding a read transaction: it sees the file as of now until closed.

    Without the open transaction a step-wise backup starts again from the first
    page after each commit of another connection, and never ends while the clerk types.
    Taken when the file is opened, so today's copy is the file before today's edits;
    usable from the worker thread that takes the copy.
    """
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
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


@dataclass(frozen=True)
class BackupCopy:
    """One restorable copy of a report file."""

    path: Path
    kind: str  # "daily", "migration" or "restore" (taken just before a restore)
    taken: datetime
    size: int


def _kind_of(name: str, report_name: str) -> str | None:
    label = name[len(report_name) + 1: -len(BACKUP_SUFFIX)]
    if label.startswith("daily-"):
        return "daily"
    if label.startswith("before-restore-"):
        return "restore"
    if label.startswith("v") and "-" in label:
        return "migration"
    return None


def list_backups(path: str | Path) -> list[BackupCopy]:
    """Every backup of ``path`` (beside it and in the user data folder), newest first."""
    path = Path(path)
    found = []
    for folder in (path.parent, daily_folder(path)):
        if not folder.is_dir():
            continue
        for prefix in _prefixes(path, folder):
            for candidate in folder.glob(f"{glob.escape(prefix)}.*{BACKUP_SUFFIX}"):
                kind = _kind_of(candidate.name, prefix)
                if kind is None:
                    continue
                stat = candidate.stat()
                found.append(BackupCopy(candidate, kind, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda copy: copy.taken, reverse=True)


def _copy_with_page_size(source: sqlite3.Connection, target: sqlite3.Connection, scratch_folder: Path) -> None:
    """``source`` into ``target``, going through a scratch copy with the target's page size when they differ.

    SQLite cannot back up into a WAL file of another page size (a backup of a file made
    before new files got 16 KB pages, restored into one recreated since).
    """
    page_size = target.execute("PRAGMA page_size").fetchone()[0]
    if source.execute("PRAGMA page_size").fetchone()[0] == page_size:
        source.backup(target)
        return
    scratch = scratch_folder / f".restore-{os.getpid()}-{threading.get_ident()}.tmp"
    scratch.unlink(missing_ok=True)
    try:
        resized = sqlite3.connect(str(scratch))
        try:
            source.backup(resized)
            resized.execute(f"PRAGMA page_size = {int(page_size)}")
            resized.execute("VACUUM")  # rewrites the copy with the new page size (it is not in WAL mode)
            resized.backup(target)
        finally:
            resized.close()
    finally:
        scratch.unlink(missing_ok=True)


def restore_into(conn: sqlite3.Connection, path: Path, backup: Path) -> Path:
    """Replace the content of the open file ``conn`` (at ``path``) with ``backup``; returns the safety copy.

    The backup is checked first like any file being opened; the current
    content is copied aside before it is replaced, so a restore can itself be
    undone from the same list. A copy from an older version is upgraded;
    the caller reloads its data afterwards.
    """
    from ita_desktop.store.opening import check_report_file

    check_report_file(backup)
    # Microseconds: two restores in one second must not overwrite the copy being restored.
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = daily_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    safety = write_backup(conn, folder / f"{copy_prefix(path, folder)}.before-restore-{stamp}{BACKUP_SUFFIX}")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _copy_with_page_size(source, conn, folder)
    finally:
        source.close()
    if conn.execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION:
        from sqlite_utils import Database  # only when a restored copy needs upgrading

        migrate(Database(conn, execute_plugins=False, recursive_triggers=False))
    return safety
