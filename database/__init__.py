"""Schema migrations of the .ita file (shipped as ``ita_desktop.database``).

Each ``NNNN_name.sql`` file is one migration, applied in order inside one
transaction through sqlite-utils ``Migrations``; the file's ``PRAGMA
user_version`` then records the number, so a file written by a newer version
of the app can be recognised and refused before anything touches it.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ita_desktop.kill_points import kill_point

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def _migration_files() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files(__name__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _statements(script: str) -> list[str]:
    """Split a script into statements (executescript would commit mid-migration)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


MIGRATION_FILES = _migration_files()
LATEST_VERSION: int = MIGRATION_FILES[-1][0]
@cache
def _migrations() -> Migrations:
    """The registered migrations; built on first use so reading a file never imports sqlite-utils."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("ita_desktop")
    for version, name, script in MIGRATION_FILES:
        _register(migrations, version, name, script)
    return migrations


def _register(migrations: Migrations, version: int, name: str, script: str) -> None:
    def apply(db: Database) -> None:
        kill_point("migration-step")  # inside this migration's transaction, before its first statement
        for statement in _statements(script):
            db.execute(statement)
            kill_point("migration-statement")
        db.execute(f"PRAGMA user_version = {version}")

    migrations(name=name)(apply)


def migrate(db: Database, up_to: int | None = None) -> None:
    """Apply pending migrations (all, or those numbered up to ``up_to``)."""
    stop = [name for version, name, _ in MIGRATION_FILES if up_to is not None and version == up_to + 1]
    _migrations().apply(db, stop_before=stop or None)
