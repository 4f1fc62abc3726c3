"""Every SQLite connection the program makes (open, migrate, edit, backup, restore, import, render, a hot
journal rolled back) is defended and configured: defensive mode, trusted_schema off, foreign keys, FULL sync."""

from __future__ import annotations

import sqlite3

import pytest

from ita_desktop.importing.docx_import import import_docx
from ita_desktop.pdf.render import render_to_file
from ita_desktop.store import connections
from ita_desktop.store.backup import take_daily_backup
from ita_desktop.store.report_store import ReportStore
from ita_desktop.store.restoring import restore_into
from tests.helpers import small_report
from tests.importing.test_docx_import import build_seed_docx
from tests.reliability.test_sigkill import _schema_one_file
from tests.store.test_opening_hot_journal import _copy_mid_transaction

EXPECTED = {name: value for name, _set_to, value in connections.PRAGMAS}


def settings_of(conn: sqlite3.Connection) -> dict[str, object]:
    found: dict[str, object] = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in EXPECTED}
    found["defensive"] = connections.is_defensive(conn)
    return found


class Recorder:
    """Every connection made through ``sqlite3.connect``, its settings read just before it is closed."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, dict]] = []
        self.open: list[tuple[str, sqlite3.Connection]] = []
        self.step = ""

    def factory(self) -> type[sqlite3.Connection]:
        recorder = self

        class Recorded(sqlite3.Connection):
            def close(self) -> None:
                recorder.note(self)
                super().close()

        return Recorded

    def note(self, conn: sqlite3.Connection) -> None:
        for index, (_step, held) in enumerate(self.open):
            if held is conn:
                step, _ = self.open.pop(index)
                self.seen.append((step, conn.execute("PRAGMA database_list").fetchone()[2], settings_of(conn)))
                return

    def finish(self) -> None:
        for _step, conn in list(self.open):
            self.note(conn)


@pytest.fixture
def recorder(monkeypatch) -> Recorder:
    recorder = Recorder()
    real_connect = sqlite3.connect
    factory = recorder.factory()

    def connect(*args, **kwargs):
        conn = real_connect(*args, factory=factory, **kwargs)
        recorder.open.append((recorder.step, conn))
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    return recorder


def test_every_connection_is_defended(recorder, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    old, path = folder / "old.ita", folder / "report.ita"
    docx = tmp_path / "report.docx"
    build_seed_docx(docx, broken=False)
    recorder.step = "the test's own"
    _schema_one_file(old)  # made before recording: a test's own connections are not the program's

    recorder.step = "open and migrate"
    ReportStore.open(old).close()
    recorder.step = "create and edit"
    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(small_report())
        store.update_report(report_id, agency="แก้ไข")
        recorder.step = "backup"
        copy = store.backup_to(tmp_path / "copy.ita")
        take_daily_backup(path)
        recorder.step = "restore"
        restore_into(store.db.conn, path, copy)
    recorder.step = "import"
    with ReportStore.open(path) as store:
        with ReportStore.open_worker(path) as worker:  # as the window's Word import does
            import_docx(worker, docx, workers=2)
    recorder.step = "render"
    render_to_file(path, report_id, tmp_path / "out.pdf")
    recorder.step = "reopen"
    ReportStore.open(path).close()
    recorder.finish()

    crashed = tmp_path / "crashed" / "report.ita"
    recorder.step = "the test's own"
    _copy_mid_transaction(path, crashed)
    recorder.step = "hot journal"
    ReportStore.open(crashed).close()
    recorder.finish()

    program = [entry for entry in recorder.seen if entry[0] != "the test's own"]
    steps = [step for step, _file, _settings in program]
    assert set(steps) == {"open and migrate", "create and edit", "backup", "restore", "import", "render",
                          "reopen", "hot journal"}
    # The inspection that met the journal, the read-write rollback, the inspection after it, the editor's.
    assert steps.count("hot journal") >= 4
    assert steps.count("backup") >= 3  # the copy's target, the daily snapshot and the daily copy's target
    expected = {**EXPECTED, "defensive": True}
    wrong = [(step, file, settings) for step, file, settings in program if settings != expected]
    assert not wrong, wrong
    # The check itself tells an undefended connection apart.
    assert settings_of(sqlite3.connect(":memory:"))["defensive"] is False
