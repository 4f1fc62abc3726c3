"""The editor opens without waiting for today's backup copy; the copy is taken on a worker thread from the file
as opened, is let finish when the file is closed (stopped if it cannot in time), and a failure shows in the
banner in Thai and English."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from ita_desktop.store import backup
from ita_desktop.store.backup_copies import daily_target
from ita_desktop.store.report_store import ReportStore
from ita_desktop.ui import daily_backup as daily_backup_module
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.settings import AppSettings
from tests.helpers import daily_partials, read_rows, small_report

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _report_file(path: Path) -> Path:
    # Made through the store with a long text, so the copy has many pages to step through.
    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(small_report())
        store.update_report(report_id, title="รายงานผลการดำเนินการ " * 20_000)
    return path


@pytest.fixture
def report_file(tmp_path) -> Path:
    return _report_file(tmp_path / "report.ita")


class HeldCopy:
    """Replaces the worker's copy with the real one, one page per step, held after its first step until released."""

    def __init__(self, monkeypatch) -> None:
        self.release = threading.Event()
        self.first_step = threading.Event()
        self.stopped = threading.Event()
        real = backup.take_daily_backup

        def held(path, **kwargs):
            should_stop = kwargs.pop("should_stop")

            def slow_stop_check() -> bool:
                self.first_step.set()
                while not self.release.is_set() and not should_stop():
                    time.sleep(0.005)
                if should_stop():
                    self.stopped.set()
                return should_stop()

            return real(path, pages=1, should_stop=slow_stop_check, **kwargs)

        monkeypatch.setattr(backup, "take_daily_backup", held)


def test_document_is_usable_while_the_copy_runs(report_file, qtbot, monkeypatch):
    held = HeldCopy(monkeypatch)
    document = ReportDocument.open(report_file)
    try:
        assert held.first_step.wait(10)  # the copy has begun and is held: open did not wait for it
        runner = document.daily_backup
        assert runner is not None and runner.is_running()
        assert not daily_target(report_file).exists() and daily_partials(report_file)
        measure_id = document.report.sections[0].groups[0].measures[0].id
        document.set_report_field("agency", "อบต.พิมพ์ระหว่างสำรอง")
        document.set_measure_field(measure_id, "summary", "พิมพ์ระหว่างสำรอง")
        assert document.flush()
        assert read_rows(report_file, "SELECT agency FROM reports") == [("อบต.พิมพ์ระหว่างสำรอง",)]
        with qtbot.waitSignal(runner.finished, timeout=20_000):
            held.release.set()
    finally:
        held.release.set()
    copy = daily_target(report_file)
    assert read_rows(copy, "PRAGMA integrity_check") == [("ok",)]
    # The copy holds the file as it was when the copy began: the edits made meanwhile are all out.
    assert read_rows(copy, "SELECT agency FROM reports") == [("เทศบาลตำบลบางรัก",)]
    assert read_rows(copy, f"SELECT summary FROM measures WHERE id = {measure_id}") == [("ดำเนินการแล้ว",)]
    assert not daily_partials(report_file) and not document.store.notices
    assert document.close()
    assert read_rows(report_file, f"SELECT summary FROM measures WHERE id = {measure_id}") == [("พิมพ์ระหว่างสำรอง",)]


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    return win


def test_closing_right_after_an_edit_keeps_a_copy_from_before_it(report_file, qtbot):
    document = ReportDocument.open(report_file)
    measure_id = document.report.sections[0].groups[0].measures[0].id
    document.set_measure_field(measure_id, "summary", "แก้ไขแล้วปิดทันที")
    assert document.close()  # lets the copy finish: it was taken from the file as opened
    copy = daily_target(report_file)
    assert read_rows(copy, "PRAGMA integrity_check") == [("ok",)]
    assert read_rows(copy, f"SELECT summary FROM measures WHERE id = {measure_id}") == [("ดำเนินการแล้ว",)]
    assert read_rows(report_file, f"SELECT summary FROM measures WHERE id = {measure_id}") == [("แก้ไขแล้วปิดทันที",)]


def test_a_copy_that_cannot_finish_in_time_is_stopped_at_close_and_leaves_no_part(report_file, window, monkeypatch):
    monkeypatch.setattr(daily_backup_module, "FINISH_WAIT_S", 0.2)
    held = HeldCopy(monkeypatch)
    try:
        assert window.open_path(report_file)
        assert held.first_step.wait(10) and daily_partials(report_file)
        runner = window.document.daily_backup
        window.close()
        assert held.stopped.is_set() and not runner.is_running()  # stopped and joined before close returned
    finally:
        held.release.set()
    assert not daily_partials(report_file) and not daily_target(report_file).exists()
    assert backup.daily_backup_due(report_file)  # the next open takes it


def test_opening_another_file_stops_a_first_copy_that_cannot_finish(report_file, tmp_path, window, monkeypatch,
                                                                   qtbot):
    monkeypatch.setattr(daily_backup_module, "FINISH_WAIT_S", 0.2)
    held = HeldCopy(monkeypatch)
    other = _report_file(tmp_path / "other.ita")
    try:
        assert window.open_path(report_file)
        assert held.first_step.wait(10)
        first = window.document.daily_backup
        assert window.open_path(other)
        assert held.stopped.is_set() and not first.is_running()
        assert not daily_partials(report_file) and not daily_target(report_file).exists()
        with qtbot.waitSignal(window.document.daily_backup.finished, timeout=20_000):
            held.release.set()
    finally:
        held.release.set()
    assert read_rows(daily_target(other), "PRAGMA integrity_check") == [("ok",)]
    assert window.reliability.banner_bar.isHidden()


def test_a_failing_copy_becomes_a_notice_in_the_banner(report_file, tmp_path, window, monkeypatch, qtbot):
    unwritable = tmp_path / "data-is-a-file"
    unwritable.write_text("not a folder")
    monkeypatch.setenv("ITA_DESKTOP_DATA", str(unwritable))
    assert window.open_path(report_file)
    qtbot.waitUntil(lambda: not window.reliability.banner_bar.isHidden(), timeout=10_000)
    assert "today's backup copy could not be written" in window.reliability.banner.text()
    [notice] = window.document.store.notices
    assert "สำรองไฟล์ประจำวันไม่สำเร็จ" in notice.message("th") and "Traceback" not in notice.english
    assert not daily_target(report_file).exists() and not window.document.daily_backup.is_running()


def test_an_unexpected_error_in_the_copy_is_a_notice_too(report_file, monkeypatch, qtbot):
    def broken(path, **_kwargs):
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(backup, "take_daily_backup", broken)
    document = ReportDocument.open(report_file)
    with qtbot.waitSignal(document.noticesChanged, timeout=10_000):
        pass
    [notice] = document.store.notices
    assert "RuntimeError: simulated fault" in notice.english and "สำรองไฟล์ประจำวันไม่สำเร็จ" in notice.thai
    assert document.close()
