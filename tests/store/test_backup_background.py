"""Today's copy taken from a second, read-only connection while the file is being edited: one consistent
snapshot, stoppable between steps, never two at once, nothing half-written left (even after SIGKILL)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from ita_desktop.photos import PreparedPhoto
from ita_desktop.store import backup
from ita_desktop.store.backup import BackupCancelled, daily_backup_due, take_daily_backup
from ita_desktop.store.backup_copies import daily_folder, daily_target
from ita_desktop.store.report_store import ReportStore
from tests.helpers import daily_partials, read_rows, small_report

REPO = Path(__file__).resolve().parents[2]
DAY = date(2024, 3, 1)


def _random_photo(seed: int, size: int = 300_000) -> PreparedPhoto:
    data = os.urandom(size)
    return PreparedPhoto(original=data, print_copy=data[:50_000], print_format="JPEG", thumbnail=data[:4_000],
                         width=800, height=600, sha256=hashlib.sha256(data).hexdigest())


@pytest.fixture
def photo_report(tmp_path) -> Path:
    """A closed report file of a few MB (hundreds of 16 KB pages), so a copy takes many steps."""
    path = tmp_path / "photos.ita"
    with ReportStore.open(path, create=True) as store:
        store.insert_report(small_report())
        measure_id = store.db.execute("SELECT min(id) FROM measures").fetchone()[0]
        for seed in range(8):
            store.add_photo(measure_id, _random_photo(seed), caption=f"ภาพ {seed}")
    return path


def test_editor_open_can_leave_the_copy_to_the_caller(photo_report):
    with ReportStore.open(photo_report, defer_daily_backup=True) as store:
        assert store.daily_backup_due and daily_backup_due(photo_report)
        assert not daily_target(photo_report).exists()
    with ReportStore.open(photo_report) as store:  # the command line's path: copied before open returns
        assert not store.daily_backup_due
        assert daily_target(photo_report).exists()
    with ReportStore.open(photo_report, defer_daily_backup=True) as store:
        assert not store.daily_backup_due  # today's copy is there already


def test_copy_holds_one_snapshot_while_the_editor_commits(photo_report):
    """Every commit between steps would restart a plain step-wise backup; the snapshot reader never restarts."""
    store = ReportStore.open(photo_report)
    measure_id = store.db.execute("SELECT min(id) FROM measures").fetchone()[0]
    with store.db.atomic():
        store.db.execute("UPDATE reports SET agency = 'รุ่น 0' WHERE id = 1")
        store.db.execute("UPDATE measures SET summary = 'รุ่น 0' WHERE id = ?", [measure_id])
    steps = []

    def edit_between_steps() -> bool:
        steps.append(1)
        assert len(steps) < 5000, "the copy keeps starting again"
        with store.db.atomic():  # one transaction touching two tables: all in or all out of the copy
            store.db.execute("UPDATE reports SET agency = ? WHERE id = 1", [f"รุ่น {len(steps)}"])
            store.db.execute("UPDATE measures SET summary = ? WHERE id = ?", [f"รุ่น {len(steps)}", measure_id])
        if len(steps) % 10 == 0:
            store.add_photo(measure_id, _random_photo(100 + len(steps), 40_000))
        return False

    photos_before = store.db.execute("SELECT count(*) FROM photos").fetchone()[0]
    assert take_daily_backup(photo_report, today=DAY, pages=4, should_stop=edit_between_steps) is None
    store.close()
    copy = daily_target(photo_report, DAY)
    pages = read_rows(copy, "PRAGMA page_count")[0][0]
    assert len(steps) >= pages // 4 > 20  # went through step by step, once
    assert read_rows(copy, "PRAGMA integrity_check") == [("ok",)]
    assert read_rows(copy, "SELECT agency FROM reports") == [("รุ่น 0",)]  # the file as it was when the copy began
    assert read_rows(copy, f"SELECT summary FROM measures WHERE id = {measure_id}") == [("รุ่น 0",)]
    assert read_rows(copy, "SELECT count(*) FROM photos")[0][0] == photos_before
    assert read_rows(photo_report, "SELECT agency FROM reports") == [(f"รุ่น {len(steps)}",)]  # no edit was lost
    assert not daily_partials(photo_report)


def test_copy_with_a_writer_thread_is_consistent_per_transaction(photo_report):
    stop_writing = threading.Event()
    written = []

    def writer() -> None:
        with ReportStore.open(photo_report) as store:
            for n in range(1, 1_000_000):
                if stop_writing.is_set():
                    return
                with store.db.atomic():
                    store.db.execute("UPDATE reports SET agency = ? WHERE id = 1", [str(n)])
                    store.db.execute("UPDATE measures SET summary = ?", [str(n)])
                written.append(n)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            threading.Event().wait(0.01)
        assert take_daily_backup(photo_report, today=DAY, pages=2) is None
    finally:
        stop_writing.set()
        thread.join()
    copy = daily_target(photo_report, DAY)
    assert read_rows(copy, "PRAGMA integrity_check") == [("ok",)]
    [(agency,)] = read_rows(copy, "SELECT agency FROM reports")
    summaries = {row[0] for row in read_rows(copy, "SELECT summary FROM measures")}
    assert summaries == {agency} and int(agency) >= 5


def test_a_stop_between_steps_leaves_nothing(photo_report):
    asked = []
    with pytest.raises(BackupCancelled):
        take_daily_backup(photo_report, today=DAY, pages=2, should_stop=lambda: asked.append(1) or len(asked) > 3)
    assert len(asked) == 4  # stopped at the first step after the request
    assert not daily_target(photo_report, DAY).exists() and not daily_partials(photo_report)
    assert daily_backup_due(photo_report, DAY)
    assert take_daily_backup(photo_report, today=DAY) is None  # the next copy is complete
    assert read_rows(daily_target(photo_report, DAY), "PRAGMA integrity_check") == [("ok",)]


def test_never_two_copies_of_one_file_at_once(photo_report, monkeypatch):
    writing, most = [], []
    real_write = backup.write_backup

    def counted_write(*args, **kwargs):
        writing.append(1)
        most.append(len(writing))
        try:
            return real_write(*args, **kwargs)
        finally:
            writing.pop()

    monkeypatch.setattr(backup, "write_backup", counted_write)
    gate, first_started = threading.Event(), threading.Event()

    def held_first() -> bool:
        first_started.set()
        assert gate.wait(10)
        return False

    results = {}
    first = threading.Thread(target=lambda: results.setdefault(
        "first", take_daily_backup(photo_report, today=DAY, pages=8, should_stop=held_first)))
    first.start()
    assert first_started.wait(10)
    second = threading.Thread(target=lambda: results.setdefault(
        "second", take_daily_backup(photo_report, today=DAY, pages=8, should_stop=lambda: False)))
    second.start()
    second.join(0.3)
    assert second.is_alive()  # waiting for the first copy, not copying beside it
    gate.set()
    first.join(10)
    second.join(10)
    assert results == {"first": None, "second": None}
    assert most == [1]  # the second found today's copy made and wrote nothing
    # A copy still waiting for another can be stopped too.
    with backup._copy_lock(photo_report):
        with pytest.raises(BackupCancelled):
            take_daily_backup(photo_report, today=date(2024, 3, 2), should_stop=lambda: True)


def test_a_failed_copy_is_returned_in_both_languages(photo_report, tmp_path, monkeypatch):
    not_a_folder = tmp_path / "data-is-a-file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("ITA_DESKTOP_DATA", str(not_a_folder))
    problem = take_daily_backup(photo_report, today=DAY)
    assert problem is not None
    assert "backup copy could not be written" in problem.english and "สำรองไฟล์ประจำวันไม่สำเร็จ" in problem.thai
    assert str(photo_report) in problem.english


_KILLED_COPY = """
import sys
from datetime import date
from pathlib import Path
from ita_desktop.store.backup import take_daily_backup

take_daily_backup(Path(sys.argv[1]), today=date(2024, 3, 1), pages=1)
print("done", flush=True)
"""


@pytest.mark.posix  # SIGKILL
def test_sigkill_during_the_copy_leaves_the_file_and_no_complete_looking_copy(photo_report):
    before = hashlib.sha256(photo_report.read_bytes()).hexdigest()
    # The child kills itself after the 20th page of the copy (ita_desktop.kill_points).
    child = subprocess.run([sys.executable, "-c", _KILLED_COPY, str(photo_report)], cwd=REPO,
                           capture_output=True, text=True, env={**os.environ, "ITA_KILL_AT": "backup-step:20"})
    assert child.returncode == -signal.SIGKILL and "done" not in child.stdout
    assert hashlib.sha256(photo_report.read_bytes()).hexdigest() == before
    assert read_rows(photo_report, "PRAGMA integrity_check") == [("ok",)]
    assert not daily_target(photo_report, DAY).exists()
    assert [p.name for p in daily_partials(photo_report)] == [daily_target(photo_report, DAY).name + ".partial"]
    assert not any(c.name.endswith(".bak") for c in daily_folder(photo_report).iterdir())
    # The next copy (next day here) cleans up the stale part and is complete.
    next_day = date(2024, 3, 2)
    assert take_daily_backup(photo_report, today=next_day) is None
    assert not daily_partials(photo_report)
    assert read_rows(daily_target(photo_report, next_day), "PRAGMA integrity_check") == [("ok",)]


def test_the_copy_holds_the_file_as_opened_before_the_purge_and_the_first_edit(photo_report):
    with ReportStore.open(photo_report, defer_daily_backup=True) as store:
        store.delete_photo(store.load_report(1).measures[0].photos[0].id)  # undoable until the file closes
    with ReportStore.open(photo_report, defer_daily_backup=True) as store:  # the opening purges it
        snapshot, store.daily_snapshot = store.daily_snapshot, None
        assert snapshot is not None
        store.update_report(1, agency="แก้ไขหลังเปิดไฟล์")
        assert take_daily_backup(photo_report, snapshot=snapshot) is None
    copy = daily_target(photo_report)
    assert read_rows(copy, "SELECT agency FROM reports") == [("เทศบาลตำบลบางรัก",)]
    assert read_rows(copy, "SELECT count(*) FROM photos WHERE deleted = 1") == [(1,)]  # the photo can come back
    assert read_rows(photo_report, "SELECT count(*) FROM photos WHERE deleted = 1") == [(0,)]
