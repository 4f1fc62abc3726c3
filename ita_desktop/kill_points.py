"""Test hook: SIGKILL this process at an exact named point, so every kill test lands where it says.

``ITA_KILL_AT=NAME:N`` kills the process the Nth time the code reaches
``kill_point(NAME)``; ``ITA_KILL_AT=write:N`` kills it just before the Nth SQL
statement that changes a file (INSERT, UPDATE, DELETE, COMMIT, …) on any
connection made by ``store.connections.connect``. Unset (always, outside the
reliability tests) every point is one comparison with None.
"""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3

ENVIRONMENT = "ITA_KILL_AT"
WRITE = "write"
# First words of the statements that change the file (BEGIN and SELECT write nothing).
_WRITING = ("INSERT", "UPDATE", "DELETE", "REPLACE", "COMMIT", "RELEASE", "CREATE", "DROP", "ALTER")


def _parse(spec: str | None) -> tuple[str, int] | None:
    if not spec:
        return None
    name, _, count = spec.rpartition(":")
    if not name or not count.isdigit() or int(count) < 1:
        raise ValueError(f"{ENVIRONMENT}={spec!r}: expected NAME:N with N >= 1")
    return name, int(count)


_TARGET = _parse(os.environ.get(ENVIRONMENT))
_reached = itertools.count(1)  # next() on a count is atomic under the GIL: photo workers may share it


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def kill_point(name: str) -> None:
    """SIGKILL here on the Nth arrival when ``ITA_KILL_AT`` names this point."""
    if _TARGET is None or _TARGET[0] != name:
        return
    if next(_reached) == _TARGET[1]:
        _die()


def _count_writes(sql: str) -> None:
    if sql.lstrip()[:7].upper().startswith(_WRITING):
        kill_point(WRITE)


def watch_writes(conn: sqlite3.Connection) -> None:
    """With ``ITA_KILL_AT=write:N``, count this connection's writing statements (a no-op otherwise)."""
    if _TARGET is not None and _TARGET[0] == WRITE:
        conn.set_trace_callback(_count_writes)
