"""A report file killed mid-transaction in rollback-journal mode opens with that transaction undone."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ita_desktop.errors import ReportFileError
from ita_desktop.store.inspection import check_report_file
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report


def _copy_mid_transaction(live: Path, crashed: Path, prepare: str = "") -> None:
    """Copy ``live`` and its journal while a big transaction is half written: what a SIGKILL leaves."""
    conn = sqlite3.connect(live, isolation_level=None)
    try:
        assert conn.execute("PRAGMA journal_mode = TRUNCATE").fetchone()[0] == "truncate"
        conn.execute("PRAGMA cache_size = 8")  # pages reach the file before the commit, as in a large import
        conn.execute("BEGIN")
        if prepare:
            conn.execute(prepare)
        for number in range(60):
            conn.execute("INSERT INTO item_catalogue (fiscal_year, code, title) VALUES (2567, ?, ?)",
                         [f"X{number}", "ก" * 3000])
        crashed.parent.mkdir()
        shutil.copyfile(live, crashed)
        shutil.copyfile(f"{live}-journal", f"{crashed}-journal")
        conn.execute("ROLLBACK")
    finally:
        conn.close()


@pytest.fixture
def crashed_report(tmp_path) -> Path:
    live = tmp_path / "live" / "report.ita"
    live.parent.mkdir()
    with ReportStore.open(live, create=True) as store:
        store.insert_report(small_report())
    before = live.read_bytes()
    crashed = tmp_path / "crashed" / "report.ita"
    _copy_mid_transaction(live, crashed, "UPDATE reports SET title = 'half written'")
    # The copy really is torn: pages of the unfinished transaction are in the main file.
    assert crashed.read_bytes() != before
    assert Path(f"{crashed}-journal").stat().st_size > 0
    return crashed


def _as_on_disk(path: Path) -> tuple[str, int]:
    """The report title and catalogue size in the main file alone (no journal consulted)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return (conn.execute("SELECT title FROM reports").fetchone()[0],
                conn.execute("SELECT count(*) FROM item_catalogue").fetchone()[0])
    finally:
        conn.close()


def test_inspection_rolls_the_killed_transaction_back(crashed_report):
    assert _as_on_disk(crashed_report) != (small_report().title, 0)  # torn until rolled back
    check_report_file(crashed_report)
    assert _as_on_disk(crashed_report) == (small_report().title, 0)
    with ReportStore.open(crashed_report) as store:
        [summary] = store.list_reports()
        assert summary.title == small_report().title
        assert store.db.execute("SELECT count(*) FROM item_catalogue").fetchone()[0] == 0
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_reader_opens_a_killed_file_too(crashed_report):
    with ReportStore.open_reader(crashed_report) as store:
        [summary] = store.list_reports()
        assert summary.title == small_report().title


def test_another_programs_file_with_a_hot_journal_is_left_as_it_was(tmp_path):
    live = tmp_path / "live" / "other.db"
    live.parent.mkdir()
    conn = sqlite3.connect(live)
    conn.execute("CREATE TABLE item_catalogue (fiscal_year, code, title)")
    conn.commit()
    conn.close()
    crashed = tmp_path / "crashed" / "other.db"
    _copy_mid_transaction(live, crashed)
    files = {path.name: path.read_bytes() for path in crashed.parent.iterdir()}
    with pytest.raises(ReportFileError):
        check_report_file(crashed)
    assert {path.name: path.read_bytes() for path in crashed.parent.iterdir()} == files
