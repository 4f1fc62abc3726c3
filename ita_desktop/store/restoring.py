"""Restoring a backup copy into the open report file, the current content kept as a copy first."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from ita_desktop.database import LATEST_VERSION, migrate
from ita_desktop.store.backup import write_backup
from ita_desktop.store.backup_copies import BACKUP_SUFFIX, copy_prefix, daily_folder, keep_newest
from ita_desktop.store.connections import connect
from ita_desktop.store.inspection import check_report_file


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
        resized = connect(scratch)
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
    check_report_file(backup)
    # Microseconds: two restores in one second must not overwrite the copy being restored.
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = daily_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    # No room for the safety copy (NotEnoughSpace): the restore is refused, the file unchanged.
    safety = write_backup(conn, folder / f"{copy_prefix(path, folder)}.before-restore-{stamp}{BACKUP_SUFFIX}")
    keep_newest(path, "restore")
    source = connect(backup, read_only=True)
    try:
        _copy_with_page_size(source, conn, folder)
    finally:
        source.close()
    if conn.execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION:
        from sqlite_utils import Database  # only when a restored copy needs upgrading

        migrate(Database(conn, execute_plugins=False, recursive_triggers=False))
    return safety
