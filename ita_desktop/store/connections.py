"""connect(): the one way this program opens an SQLite connection, each one defended and configured alike.

Every connection (the editor's, a reader's, an inspection, a backup's source
and target, a restore's) gets defensive mode (no ``writable_schema`` tricks, no
``PRAGMA schema_version`` writes), ``trusted_schema = OFF`` (a crafted file
cannot run functions from its schema), foreign keys, ``synchronous = FULL`` and
a busy timeout.

Defensive mode: Python 3.12+ has ``Connection.setconfig``. On Python 3.11 no
handle is guessed: an SQLite auto-extension (``sqlite3_auto_extension``),
registered once through ctypes in the library store.sqlite_library finds, is
handed each new connection's own ``sqlite3*`` by SQLite while ``connect()``
opens it, and turns the flag on there. Both paths are then verified on the connection itself
(:func:`is_defensive`) before it is used.
"""

from __future__ import annotations

import ctypes
import sqlite3
import threading
from pathlib import Path

from ita_desktop.kill_points import watch_writes
from ita_desktop.store.sqlite_library import load_sqlite_library
from ita_desktop.store.sqlite_uri import read_only_uri

SQLITE_DBCONFIG_DEFENSIVE = 1010
PRAGMAS = (("trusted_schema", "OFF", 0), ("foreign_keys", "ON", 1), ("synchronous", "FULL", 2),
           ("busy_timeout", "3000", 3000))
_opening = threading.local()  # set while connect() opens a connection on this thread


def _register_auto_extension() -> object | None:
    """On Python < 3.12: make SQLite call back into us for each new connection; the callback, or None."""
    library = load_sqlite_library()
    if library is None:
        return None
    config, register = library.sqlite3_db_config, library.sqlite3_auto_extension
    entry_point = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)

    def on_new_connection(handle: int, _error: int, _api: int) -> int:
        # Only connections connect() opens on this thread: a test's or a library's own are left alone.
        if getattr(_opening, "active", False):
            state = ctypes.c_int(-1)
            result = config(ctypes.c_void_p(handle), ctypes.c_int(SQLITE_DBCONFIG_DEFENSIVE), ctypes.c_int(1),
                            ctypes.byref(state))
            _opening.confirmed = result == 0 and state.value == 1
        return 0  # SQLITE_OK: the connection opens either way

    callback = entry_point(on_new_connection)
    register.argtypes = [entry_point]
    return callback if register(callback) == 0 else None


# Kept referenced: SQLite holds a pointer to the callback.
_CALLBACK = None if hasattr(sqlite3.Connection, "setconfig") else _register_auto_extension()


def is_defensive(conn: sqlite3.Connection) -> bool:
    """Is defensive mode on for ``conn``? Asked of SQLite (3.12+), or shown by a write it must refuse.

    In defensive mode ``PRAGMA schema_version = N`` is ignored; the probe writes
    the temporary schema's counter only (nothing on disk) and puts it back.
    """
    if hasattr(conn, "getconfig"):
        return bool(conn.getconfig(SQLITE_DBCONFIG_DEFENSIVE))
    before = conn.execute("PRAGMA temp.schema_version").fetchone()[0]
    conn.execute(f"PRAGMA temp.schema_version = {before + 1}")
    after = conn.execute("PRAGMA temp.schema_version").fetchone()[0]
    if after != before:
        conn.execute(f"PRAGMA temp.schema_version = {before}")
    return after == before


def _open(database: str, uri: bool, check_same_thread: bool) -> tuple[sqlite3.Connection, bool]:
    _opening.active, _opening.confirmed = True, False
    try:
        conn = sqlite3.connect(database, uri=uri, check_same_thread=check_same_thread)
    finally:
        _opening.active = False
    if hasattr(conn, "setconfig"):
        conn.setconfig(SQLITE_DBCONFIG_DEFENSIVE, True)
        return conn, True
    return conn, _opening.confirmed


def connect(path: str | Path, *, read_only: bool = False, immutable: bool = False,
            check_same_thread: bool = True) -> sqlite3.Connection:
    """Open ``path`` (read-write, or ``read_only``; ``immutable`` for a medium nobody can write to).

    Raises sqlite3.Error as ``sqlite3.connect`` does.
    """
    path = Path(path)
    if read_only:
        database, uri = read_only_uri(path.resolve(), immutable=immutable), True  # UNC paths too
    else:
        database, uri = str(path), False
    conn, defended = _open(database, uri, check_same_thread)
    try:
        # Verified before use: a connection that claims defensive mode must show it.
        if defended and not is_defensive(conn):
            raise sqlite3.DatabaseError("defensive mode was set but is not in effect")
        watch_writes(conn)
        for name, value, _read_back in PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")
    except BaseException:
        conn.close()
        raise
    return conn

