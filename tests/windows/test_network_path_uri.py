"""A report on a Windows network share or mapped drive (resolved to \\\\server\\share\\...) opens in SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import PureWindowsPath

import pytest

from ita_desktop.store.sqlite_uri import file_uri, read_only_uri


def test_a_unc_path_gets_an_empty_authority():
    report = PureWindowsPath(r"\\fileserver\งานแผน\รายงาน ITA.ita")
    assert file_uri(report) == ("file:////fileserver/%E0%B8%87%E0%B8%B2%E0%B8%99%E0%B9%81%E0%B8%9C%E0%B8%99/"
                                "%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99%20ITA.ita")


def test_a_drive_path_is_as_before():
    assert read_only_uri(PureWindowsPath(r"C:\Users\สมชาย\r.ita"), immutable=True) == \
        "file:///C:/Users/%E0%B8%AA%E0%B8%A1%E0%B8%8A%E0%B8%B2%E0%B8%A2/r.ita?mode=ro&immutable=1"


def test_sqlite_refuses_a_server_as_authority_and_reads_the_empty_one(tmp_path):
    database = tmp_path / "r.ita"
    sqlite3.connect(database).close()
    with pytest.raises(sqlite3.OperationalError, match="authority"):
        sqlite3.connect(f"file://fileserver{database}?mode=ro", uri=True)  # what as_uri() gives for UNC
    # The form file_uri gives: empty authority, the path starting with two slashes (POSIX reads //tmp as /tmp).
    conn = sqlite3.connect(f"file:///{database}?mode=ro", uri=True)
    assert conn.execute("PRAGMA database_list").fetchone()[2].endswith("r.ita")
    conn.close()
