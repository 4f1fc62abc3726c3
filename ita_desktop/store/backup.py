"""Copies of the report file through SQLite's backup API (consistent even while open)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

BACKUP_SUFFIX = ".bak"


def backup_path(path: Path, label: str) -> Path:
    """``report.ita`` → ``report.ita.<label>.bak`` beside it."""
    return path.with_name(f"{path.name}.{label}{BACKUP_SUFFIX}")


def write_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the open database ``conn`` into ``target`` (written aside, then renamed into place)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(str(partial))
    try:
        conn.backup(copy)
    finally:
        copy.close()
    partial.replace(target)
    return target


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Keep the file as it was before a schema upgrade."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return write_backup(conn, backup_path(path, f"v{version}-{stamp}"))
