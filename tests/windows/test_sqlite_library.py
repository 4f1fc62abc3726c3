"""Defensive mode needs SQLite's own C library: _sqlite3 here, sqlite3.dll beside _sqlite3.pyd on Windows."""

from __future__ import annotations

import ctypes
import sqlite3
from pathlib import PureWindowsPath

from ita_desktop.store.sqlite_library import load_sqlite_library, sqlite_library_path


def test_on_windows_sqlite_is_the_dll_beside_the_extension():
    for module in (r"C:\Users\สมชาย\AppData\Local\Programs\Python\Python311\DLLs\_sqlite3.pyd",
                   r"C:\Users\สมชาย\AppData\Local\Programs\ITA Desktop\_internal\_sqlite3.pyd"):
        found = PureWindowsPath(sqlite_library_path(module.replace("\\", "/"), platform="win32"))
        assert found.name == "sqlite3.dll"
        assert found.parent == PureWindowsPath(module).parent


def test_elsewhere_the_extension_itself_exports_sqlite():
    assert sqlite_library_path("/usr/lib/python3.11/lib-dynload/_sqlite3.so", platform="linux") == \
        "/usr/lib/python3.11/lib-dynload/_sqlite3.so"


def test_the_library_found_here_is_the_one_python_uses():
    library = load_sqlite_library()
    library.sqlite3_libversion.restype = ctypes.c_char_p
    assert library.sqlite3_libversion().decode() == sqlite3.sqlite_version
