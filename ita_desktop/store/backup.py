"""Copies of the report file through SQLite's backup API (consistent even while open), and restoring them.

Two kinds of copy: before a schema upgrade, beside the file (``NAME.ita.vN-DATE.bak``,
kept for good); and once per day of editing, in the user's data folder
(``backups/NAME-<path hash>/NAME.ita.daily-DATE.bak``, the newest few kept), so
a full USB stick is not filled with copies and a lost stick loses no backups.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ita_desktop.database import LATEST_VERSION, migrate
from ita_desktop.errors import ReportFileError
from ita_desktop.paths import user_data_dir

BACKUP_SUFFIX = ".bak"
DAILY_GENERATIONS = 5


def backup_path(path: Path, label: str) -> Path:
    """``report.ita`` → ``report.ita.<label>.bak`` beside it."""
    return path.with_name(f"{path.name}.{label}{BACKUP_SUFFIX}")


def write_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the open database ``conn`` into ``target`` (written aside, then renamed into place)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        copy = sqlite3.connect(str(partial))
        try:
            conn.backup(copy)
        finally:
            copy.close()
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
    return user_data_dir() / "backups" / f"{Path(path).stem}-{digest}"


def daily_backup(conn: sqlite3.Connection, path: Path, *, today: date | None = None,
                 generations: int = DAILY_GENERATIONS) -> ReportFileError | None:
    """Copy the file once per day of editing, keep the newest ``generations``; a failure is returned, not raised."""
    today = today or date.today()
    folder = daily_folder(path)
    target = folder / f"{path.name}.daily-{today:%Y%m%d}{BACKUP_SUFFIX}"
    if target.exists():
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_backup(conn, target)
    except (OSError, sqlite3.Error) as exc:
        return ReportFileError(f"{path}: today's backup copy could not be written ({exc}).",
                               f"{path}: สำรองไฟล์ประจำวันไม่สำเร็จ ({exc})")
    dailies = sorted(folder.glob(f"{path.name}.daily-*{BACKUP_SUFFIX}"))
    for old in dailies[:-generations] if generations > 0 else []:
        old.unlink(missing_ok=True)
    return None


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
        for candidate in folder.glob(f"{path.name}.*{BACKUP_SUFFIX}"):
            kind = _kind_of(candidate.name, path.name)
            if kind is None:
                continue
            stat = candidate.stat()
            found.append(BackupCopy(candidate, kind, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda copy: copy.taken, reverse=True)


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
    safety = write_backup(conn, folder / f"{path.name}.before-restore-{stamp}{BACKUP_SUFFIX}")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(conn)
    finally:
        source.close()
    if conn.execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION:
        from sqlite_utils import Database  # only when a restored copy needs upgrading

        migrate(Database(conn, execute_plugins=False, recursive_triggers=False))
    return safety
