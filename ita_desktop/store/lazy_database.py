"""A sqlite-utils Database made on first write, so opening and reading a file does not import sqlite-utils.

Importing sqlite-utils (click, pluggy, dateutil) takes 0.15–0.2 s, most of the
editor's start-up budget. Opening a file and loading a report only runs SELECTs,
which go straight to the connection exactly as ``Database.execute`` would send
them; the first statement of any other kind, the first ``atomic()`` or table
access builds the real ``Database`` over the same connection, which is used
from then on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def _is_plain_select(sql: str) -> bool:
    # Only SELECT is taken on the short path: it never opens an implicit transaction,
    # so sqlite-utils would do nothing more than run it.
    return sql.lstrip()[:6].upper() == "SELECT"


class LazyDatabase:
    """Stands in for ``sqlite_utils.Database(conn, execute_plugins=False, recursive_triggers=False)``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None

    def database(self) -> Database:
        """The real sqlite-utils Database over this connection (made once)."""
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._database

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None) -> sqlite3.Cursor:
        if self._database is None and _is_plain_select(sql):
            return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
        return self.database().execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, table_name: str) -> Any:
        return self.database()[table_name]

    def __getattr__(self, name: str) -> Any:
        # atomic(), table(), query()… : everything else is sqlite-utils' own.
        return getattr(self.database(), name)


def warm_up_sqlite_utils() -> None:
    """Import sqlite-utils now (call from a helper thread once the window is up, before the first save)."""
    import sqlite_utils  # noqa: F401
