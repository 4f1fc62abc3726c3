"""SIGKILL at seeded random moments while editing, importing photos or a Word report, migrating, rendering
and typing in the GUI.

After every kill: ``PRAGMA integrity_check`` is ok, everything acknowledged
(committed) before the kill is in the file, no lock is left behind, and the
report opens and renders. ``ITA_KILLS`` sets the kills per scenario.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from ita_desktop.database import LATEST_VERSION, migrate
from PIL import Image
from sqlite_utils import Database

from ita_desktop.pdf.render import render_report
from ita_desktop.store.backup import list_backups
from ita_desktop.store.opening import APPLICATION_ID
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report
from tests.reliability.kill_driver import TYPED
from tests.reliability.killing import KillRun, kill_many, kills_per_scenario

KILLS = kills_per_scenario()
# Child processes killed again and again: most of the suite's time, left out of `make test-fast`.
pytestmark = pytest.mark.sigkill


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)  # a read-write connection replays the WAL, as the app's would
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def first_measure_summary(store: ReportStore) -> str:
    return store.db.execute("SELECT summary FROM measures WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()[0]


def assert_opens_and_renders(path: Path) -> None:
    with ReportStore.open(path) as store:  # also proves the killed process left no lock
        [summary, *_] = store.list_reports()
        pdf = render_report(store.load_report(summary.id), store)
    assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-1024:]


@pytest.fixture
def report_path(tmp_path) -> Path:
    path = tmp_path / "report.ita"
    with ReportStore.open(path, create=True) as store:
        store.insert_report(small_report())
    return path


def test_kill_while_editing(report_path):
    def check(run: KillRun, index: int) -> None:
        assert integrity(report_path) == "ok"
        with ReportStore.open(report_path) as store:
            edits = int(first_measure_summary(store).split("|")[0] or 0) if index or run.last("edit") else 0
            measures = store.db.execute("SELECT count(*) FROM measures WHERE deleted = 0").fetchone()[0]
        assert edits >= run.last("edit")
        assert measures >= run.last("measures")
        assert_opens_and_renders(report_path)

    runs = kill_many("edit", report_path, KILLS, seed=11, check=check)
    assert sum(run.last("edit") for run in runs) > KILLS  # the kills really landed mid-work


def test_kill_while_importing_photos(report_path):
    def check(run: KillRun, index: int) -> None:
        assert integrity(report_path) == "ok"
        with ReportStore.open(report_path) as store:
            ids = [row[0] for row in store.db.execute("SELECT id FROM photos ORDER BY id")]
            assert len(ids) >= run.last("photos")
            for photo_id in ids:
                for kind in ("print", "thumbnail"):
                    Image.open(io.BytesIO(store.photo_data(photo_id, kind))).load()  # whole, decodable
        assert_opens_and_renders(report_path)

    runs = kill_many("photos", report_path, max(4, KILLS // 3), seed=23, check=check, max_delay_s=2.5)
    assert max(run.last("photos") for run in runs) > 0  # kills landed mid-import too


def _schema_one_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrate(Database(conn, execute_plugins=False), up_to=1)
    for report_id, year, measures in ((1, 2565, 3), (2, 2560, 1500)):
        conn.execute("INSERT INTO reports (id, title, agency, fiscal_year) VALUES (?, 'รายงาน', 'อบต.ทดสอบ', ?)",
                     [report_id, year])
        conn.execute("INSERT INTO sections (id, report_id, position_index, title) VALUES (?, ?, 0, 'มาตรการ')",
                     [report_id, report_id])
        conn.execute("INSERT INTO measure_groups (id, section_id, position_index, title) VALUES (?, ?, 0, '')",
                     [report_id, report_id])
        # An old report of a few MB, so the backup and the migration take a while (it is not rendered).
        filler = "ขั้นตอนการดำเนินการ " * (200 if report_id == 2 else 2)
        conn.executemany("INSERT INTO measures (group_id, position_index, title, steps) VALUES (?, ?, ?, ?)",
                         [(report_id, i, f"มาตรการที่ {i}", filler) for i in range(measures)])
    conn.commit()
    conn.close()


def test_kill_while_migrating(tmp_path):
    path = tmp_path / "old.ita"

    def check(run: KillRun, index: int) -> None:
        assert integrity(path) == "ok"
        version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
        assert 1 <= version <= LATEST_VERSION  # each migration step commits on its own; none half-applied
        if run.last("migrated"):
            assert version == LATEST_VERSION
        for copy in list_backups(path):  # a backup is either whole or absent
            assert integrity(copy.path) == "ok"
        with ReportStore.open(path) as store:
            assert store.db.execute("SELECT count(*) FROM measures").fetchone()[0] == 1503
            edits = int(first_measure_summary(store).split("|")[0] or 0)
        assert edits >= run.last("edit")
        assert_opens_and_renders(path)

    rounds = max(3, KILLS // 4)
    migrated_runs = 0
    for round_index in range(rounds):
        for stale in tmp_path.glob("old.ita*"):
            stale.unlink()
        _schema_one_file(path)
        runs = kill_many("migrate", path, 1, seed=31 + round_index, check=check, delay_after="start",
                         max_delay_s=0.4)
        migrated_runs += runs[0].last("migrated")
    assert migrated_runs < rounds  # some kills landed before the migration finished


def test_kill_while_rendering(report_path):
    output = report_path.with_name("out.pdf")

    def check(run: KillRun, index: int) -> None:
        assert integrity(report_path) == "ok"
        if output.exists():  # the PDF under its name is whole, never half-written
            assert output.read_bytes().startswith(b"%PDF") and b"%%EOF" in output.read_bytes()[-1024:]
        with ReportStore.open(report_path) as store:
            assert int(first_measure_summary(store).split("|")[0]) >= run.last("edit")
        assert_opens_and_renders(report_path)

    with ReportStore.open(report_path) as store:
        store.update_measure(store.db.execute("SELECT min(id) FROM measures").fetchone()[0], summary="0|")
    runs = kill_many("render", report_path, max(4, KILLS // 3), seed=43, check=check, max_delay_s=2.5)
    assert any(run.last("rendered") for run in runs)


def test_kill_while_typing_in_the_editor(report_path):
    with ReportStore.open(report_path) as store:
        store.update_measure(store.db.execute("SELECT min(id) FROM measures").fetchone()[0], summary="")

    def check(run: KillRun, index: int) -> None:
        assert integrity(report_path) == "ok"
        with ReportStore.open(report_path) as store:
            saved = first_measure_summary(store)
        # Each session types TYPED into an empty field: what is on disk is a prefix of it,
        # at least as long as the last autosave the window confirmed.
        assert TYPED.startswith(saved)
        assert len(saved) >= run.last("typed")
        assert_opens_and_renders(report_path)

    runs = kill_many("gui", report_path, max(4, KILLS * 2 // 5), seed=57, check=check, max_delay_s=3.0)
    assert any(run.last("typed") for run in runs)


def test_kill_while_importing_a_word_report_with_photos(tmp_path):
    from tests.importing.test_docx_import import build_seed_docx
    from tests.reliability.kill_driver import _complete_reports

    path = tmp_path / "word.ita"
    ReportStore.open(path, create=True).close()
    build_seed_docx(tmp_path / "report.docx", broken=False)
    (tmp_path / "photos-per-report.txt").write_text("6")

    def check(run: KillRun, index: int) -> None:
        assert integrity(path) == "ok"
        with ReportStore.open(path) as store:
            # An import cut short may leave its report with some photos; finished ones are whole.
            assert _complete_reports(store, 6) >= run.last("complete")
            for (photo_id,) in store.db.execute("SELECT id FROM photos"):
                Image.open(io.BytesIO(store.photo_data(photo_id))).load()
        assert_opens_and_renders(path)

    runs = kill_many("word", path, max(4, KILLS // 4), seed=71, check=check, max_delay_s=3.0)
    assert max(run.last("complete") for run in runs) > 0
