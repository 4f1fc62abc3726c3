"""Daily backups (generations, restore, restore of a pre-migration copy) and the one-writer lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date

import pytest
from ita_desktop.database import LATEST_VERSION

from ita_desktop.errors import ReportFileError
from ita_desktop.store.backup import daily_backup
from ita_desktop.store.backup_copies import daily_folder, list_backups
from ita_desktop.store.connections import connect, is_defensive
from ita_desktop.store.locking import ReportLock, lock_path
from ita_desktop.store.report_store import ReportStore
from ita_desktop.store.restoring import restore_into
from tests.reliability.conftest import REPO


def test_one_daily_backup_per_day_and_a_few_generations(report_file):
    with ReportStore.open(report_file) as store:  # the first open of the day makes today's copy
        dailies = [c for c in list_backups(report_file) if c.kind == "daily"]
        assert len(dailies) == 1
        for day in range(1, 10):
            assert daily_backup(store.db.conn, report_file, today=date(2024, 1, day), generations=3) is None
    names = sorted(p.name for p in daily_folder(report_file).iterdir())
    assert len(names) == 3 and all(".daily-" in name for name in names)
    with ReportStore.open(report_file):
        assert len(list(daily_folder(report_file).iterdir())) == 3  # today's already exists: no new copy


def test_restore_brings_back_the_old_content_and_keeps_a_safety_copy(report_file):
    with ReportStore.open(report_file) as store:
        [daily] = [c for c in list_backups(report_file) if c.kind == "daily"]
        store.update_report(1, agency="ชื่อที่พิมพ์ผิด")
        safety = restore_into(store.db.conn, store.path, daily.path)
        assert store.load_report(1).agency == "เทศบาลตำบลบางรัก"
        assert any(c.path == safety and c.kind == "restore" for c in list_backups(report_file))
        restore_into(store.db.conn, store.path, safety)  # the restore itself can be undone
        assert store.load_report(1).agency == "ชื่อที่พิมพ์ผิด"
    assert sqlite3.connect(report_file).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_a_bad_copy_and_changes_nothing(report_file, tmp_path):
    bogus = tmp_path / "report.ita.daily-20240101.bak"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with ReportStore.open(report_file) as store:
        with pytest.raises(ReportFileError):
            restore_into(store.db.conn, store.path, bogus)
        assert store.load_report(1).agency == "เทศบาลตำบลบางรัก"


def test_restore_of_a_pre_migration_copy_is_upgraded(tmp_path):
    from tests.reliability.test_sigkill import _schema_one_file

    path = tmp_path / "old.ita"
    _schema_one_file(path)
    with ReportStore.open(path) as store:
        [migration] = [c for c in list_backups(path) if c.kind == "migration"]
        store.update_report(1, agency="หลังปรับรุ่น")
        restore_into(store.db.conn, store.path, migration.path)
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert store.load_report(1).agency == "อบต.ทดสอบ"


def test_lock_is_shared_in_process_and_gone_after_close(report_file):
    writer = ReportStore.open(report_file)
    reader = ReportStore.open_reader(report_file)  # the render thread's reader is never blocked
    again = ReportStore.open(report_file)  # same process: shared, counted
    assert lock_path(report_file).exists()
    again.close()
    assert lock_path(report_file).exists()
    writer.close()
    reader.close()
    assert not lock_path(report_file).exists()
    ReportLock.acquire(report_file).release()


def test_sigkilled_owner_leaves_no_stale_lock(report_file):
    holder = subprocess.Popen([sys.executable, "-c", "import sys\n"
                               "from ita_desktop.store.report_store import ReportStore\n"
                               "s = ReportStore.open(sys.argv[1]); print('open', flush=True); sys.stdin.read()",
                               str(report_file)], stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True,
                              cwd=REPO)
    assert holder.stdout.readline().strip() == "open"
    with pytest.raises(ReportFileError, match="already open"):
        ReportLock.acquire(report_file)
    holder.kill()
    holder.wait()
    assert lock_path(report_file).exists()  # the side file stays, but its lock died with the process
    with ReportStore.open(report_file) as store:
        assert store.list_reports()


def test_defensive_mode_blocks_writable_schema(tmp_path):
    conn = connect(tmp_path / "x.db")
    assert is_defensive(conn)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA writable_schema = ON")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE t (y)' WHERE name = 't'")
    conn.close()


def test_restore_of_a_copy_with_other_pages_into_a_file_made_since(report_file, tmp_path):
    """A copy from a file with 4 KB pages, restored into a file recreated since (16 KB pages, WAL)."""
    old_copy = tmp_path / "old.ita"
    conn = sqlite3.connect(old_copy)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("VACUUM")
    conn.close()
    with ReportStore.open(report_file) as store:
        store.update_report(1, agency="อบต.ในสำเนาเก่า")
        store.db.conn.backup(sqlite3.connect(old_copy))  # the copy: this content
    with sqlite3.connect(old_copy) as check:
        check.execute("PRAGMA page_size = 4096")
        check.execute("PRAGMA journal_mode = DELETE")
        check.execute("VACUUM")
        assert check.execute("PRAGMA page_size").fetchone()[0] == 4096
    with ReportStore.open(report_file) as store:
        assert store.db.execute("PRAGMA page_size").fetchone()[0] == 16384
        store.update_report(1, agency="ชื่อใหม่")
        restore_into(store.db.conn, store.path, old_copy)
        assert store.load_report(1).agency == "อบต.ในสำเนาเก่า"
        assert store.db.execute("PRAGMA page_size").fetchone()[0] == 16384
    assert sqlite3.connect(report_file).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
