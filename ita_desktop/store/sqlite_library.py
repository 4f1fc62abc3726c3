"""The C library behind Python's sqlite3 module, for the calls Python 3.11 does not offer (defensive mode)."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path


def sqlite_library_path(sqlite_module_file: str, platform: str = sys.platform) -> str:
    """The file that exports SQLite's functions for the ``_sqlite3`` extension at ``sqlite_module_file``.

    On Linux and macOS the extension itself does (SQLite is linked into it, or its
    libsqlite3 is found through it). On Windows ``_sqlite3.pyd`` exports only its
    module init: SQLite lives in ``sqlite3.dll`` beside it (Python's DLLs folder, or the
    bundle's folder), the very copy the extension uses, so a handle from one works in the other.
    """
    if platform == "win32":
        return str(Path(sqlite_module_file).with_name("sqlite3.dll"))
    return sqlite_module_file


def load_sqlite_library() -> ctypes.CDLL | None:
    """SQLite's C functions as used by this Python's sqlite3 module, or None when they cannot be reached."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sqlite3

        library = ctypes.CDLL(sqlite_library_path(_sqlite3.__file__))
        library.sqlite3_db_config.restype = ctypes.c_int
        library.sqlite3_auto_extension.restype = ctypes.c_int
        return library
    except (ImportError, OSError, AttributeError):  # SQLite linked in statically, symbols hidden
        return None
