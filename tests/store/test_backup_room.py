"""Backups cannot fill a disk: each kind keeps its newest few, and no copy starts without room for all of it."""

from __future__ import annotations

import os
from collections import namedtuple
from pathlib import Path

import pytest

from ita_desktop.errors import ReportFileError
from ita_desktop.store import backup
from ita_desktop.store.backup import NotEnoughSpace, daily_backup
from ita_desktop.store.backup_copies import KEEP, backup_path, daily_folder, list_backups
from ita_desktop.store.report_store import ReportStore
from tests.helpers import read_rows, small_report_file
from tests.reliability.test_sigkill import _schema_one_file

Usage = namedtuple("Usage", "total used free")


@pytest.fixture
def report(tmp_path) -> Path:
    return small_report_file(tmp_path / "reports" / "report.ita")


@pytest.fixture
def full_disk(monkeypatch):
    """The disk has 1 MB free (as far as the backups can tell): no whole copy fits."""
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _folder: Usage(10 << 30, (10 << 30) - (1 << 20), 1 << 20))


def _kinds(path: Path) -> list[str]:
    return sorted(copy.kind for copy in list_backups(path))


def test_restores_keep_the_newest_few_safety_copies(report):
    with ReportStore.open(report) as store:
        [daily] = [copy for copy in list_backups(report) if copy.kind == "daily"]
        safeties = [store.restore_from(daily.path) for _ in range(KEEP["restore"] + 3)]
    kept = sorted(copy.path for copy in list_backups(report) if copy.kind == "restore")
    assert kept == sorted(safeties[-KEEP["restore"]:])  # the newest, by the stamp in their names


def test_migrations_keep_the_newest_few_copies_beside_the_file(tmp_path):
    path = tmp_path / "old.ita"
    _schema_one_file(path)
    older = [backup_path(path, f"v1-2025010{day}-120000") for day in range(1, 5)]
    for stale in older:
        stale.write_bytes(path.read_bytes())
    (path.parent / f"{backup_path(path, 'v1-20250101-000000').name}.partial").write_bytes(b"half a copy")
    ReportStore.open(path).close()
    migration = [copy.path for copy in list_backups(path) if copy.kind == "migration"]
    assert len(migration) == KEEP["migration"]
    assert older[-1] in migration and not any(stale in migration for stale in older[:-1])
    assert not list(path.parent.glob("*.partial"))  # a killed copy's part is cleared too


def test_no_room_for_the_daily_copy_is_a_notice_and_nothing_is_written(report, full_disk):
    for copy in list_backups(report):
        copy.path.unlink()
    with ReportStore.open(report) as store:
        [notice] = store.notices
        assert isinstance(notice, NotEnoughSpace)
        assert "not enough free space" in notice.english and "MB free" in notice.english
        assert "พื้นที่ว่างไม่พอ" in notice.thai
        assert daily_backup(store.db.conn, report) is not None  # asked again: still refused, still a notice
    assert list_backups(report) == []
    assert not any(name.endswith(".partial") for name in os.listdir(daily_folder(report)))


def test_no_room_for_the_migration_copy_still_upgrades_the_file(tmp_path, full_disk):
    path = tmp_path / "old.ita"
    _schema_one_file(path)
    with ReportStore.open(path) as store:
        assert any(isinstance(notice, NotEnoughSpace) for notice in store.notices)
        assert store.db.execute("SELECT count(*) FROM measures").fetchone()[0] == 1503
    assert _kinds(path) == []
    assert read_rows(path, "PRAGMA integrity_check") == [("ok",)]


def test_no_room_for_the_safety_copy_refuses_the_restore(report, monkeypatch):
    with ReportStore.open(report) as store:
        [daily] = [copy for copy in list_backups(report) if copy.kind == "daily"]
        store.update_report(1, agency="พิมพ์ใหม่หลังสำรอง")
        monkeypatch.setattr(backup.shutil, "disk_usage", lambda _folder: Usage(1 << 30, 1 << 30, 0))
        with pytest.raises(ReportFileError, match="not enough free space"):
            store.restore_from(daily.path)
        assert store.load_report(1).agency == "พิมพ์ใหม่หลังสำรอง"  # nothing replaced
    assert _kinds(report) == ["daily"]


def test_the_room_asked_for_is_the_whole_file_and_a_margin(report, monkeypatch):
    asked = []
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda folder: asked.append(folder) or Usage(0, 0, 0))
    with ReportStore.open(report) as store:
        size = report.stat().st_size
        with pytest.raises(NotEnoughSpace) as refused:
            store.backup_to(report.parent / "copy.ita")
    assert asked and f"({(size + backup.SPACE_MARGIN + (1 << 20) - 1) >> 20} MB needed, 0 MB free)" in str(
        refused.value.english)
    assert not (report.parent / "copy.ita").exists()
