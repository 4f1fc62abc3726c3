"""SIGKILL at exact named points while editing, importing photos or a Word report, migrating, rendering
and typing in the GUI.

Each child kills itself where ``ITA_KILL_AT`` says (the Nth writing statement,
a migration step, a backup or PDF being written: ``ita_desktop.kill_points``),
the Ns seeded, so every kill lands where the test says on a fast machine and a
slow one alike. After every kill: ``PRAGMA integrity_check`` is ok, everything
acknowledged (committed) before the kill is in the file, no lock is left behind,
and the report opens and renders. ``ITA_KILLS`` sets the kills per scenario;
kills at random moments run in ``make stress`` only (``stress/random_kills.py``).
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from ita_desktop.database import LATEST_VERSION, MIGRATION_FILES, _statements, migrate
from PIL import Image
from sqlite_utils import Database

from ita_desktop.pdf.render import render_report
from ita_desktop.store.backup_copies import list_backups
from ita_desktop.store.inspection import APPLICATION_ID
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report
from tests.reliability.kill_driver import TYPED
from tests.reliability.killing import KillRun, kill_many, kills_per_scenario, writes

KILLS = kills_per_scenario()
# SIGKILL needs POSIX; child processes killed again and again are most of the suite's time, so
# `make test-fast` leaves them out.
pytestmark = [pytest.mark.posix, pytest.mark.sigkill]


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)  # a read-write connection replays the WAL, as the app's would
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def first_measure_summary(store: ReportStore) -> str:
    return store.db.execute("SELECT summary FROM measures WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()[0]


def edits_on_disk(store: ReportStore) -> int:
    """The number of the last edit the driver saved ("N|text"); 0 before its first."""
    number = first_measure_summary(store).split("|")[0]
    return int(number) if number.isdigit() else 0


def assert_opens_and_renders(path: Path, index: int = 0) -> None:
    """The file opens (so the killed process left no lock) and renders: after every kill in ``make test``;
    in ``make stress`` after every tenth, where rendering each time would take most of the run."""
    with ReportStore.open(path) as store:
        [summary, *_] = store.list_reports()
        if KILLS > 20 and index % 10:
            return
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
            edits = edits_on_disk(store)
            measures = store.db.execute("SELECT count(*) FROM measures WHERE deleted = 0").fetchone()[0]
        assert edits >= run.last("edit")
        assert measures >= run.last("measures")
        assert_opens_and_renders(report_path, index)

    # The driver's 2000 edits (and a new measure every 7th) are some 9,100 writes.
    runs = kill_many("edit", report_path, ["write:1", "write:3", *writes(KILLS - 2, 11, 4, 9000)], seed=11,
                     check=check)
    assert runs[0].last("edit") == 0 and runs[1].last("edit") == 0  # killed at its first edit's COMMIT
    assert any(run.last("edit") > 100 for run in runs)


def test_kill_while_importing_photos(report_path):
    def check(run: KillRun, index: int) -> None:
        assert integrity(report_path) == "ok"
        with ReportStore.open(report_path) as store:
            ids = [row[0] for row in store.db.execute("SELECT id FROM photos ORDER BY id")]
            assert len(ids) >= run.last("photos")
            for photo_id in ids:
                for kind in ("print", "thumbnail"):
                    Image.open(io.BytesIO(store.photo_data(photo_id, kind))).load()  # whole, decodable
        assert_opens_and_renders(report_path, index)

    # 18 photos of 8 writes each: kills inside a photo's transaction and between photos.
    runs = kill_many("photos", report_path, writes(max(4, KILLS // 3), 23, 1, 140), seed=23, check=check)
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
        # An old report of about 2 MB, so the copy before the migration is many pages (it is not rendered).
        filler = "ขั้นตอนการดำเนินการ " * (20 if report_id == 2 else 2)
        conn.executemany("INSERT INTO measures (group_id, position_index, title, steps) VALUES (?, ?, ?, ?)",
                         [(report_id, i, f"มาตรการที่ {i}", filler) for i in range(measures)])
    conn.commit()
    conn.close()


def _migration_kill_points() -> list[tuple[str, int]]:
    """(point, schema version the file must be left at): in the backup, each step and statement, after it."""
    pending = [len(_statements(script)) for version, _name, script in MIGRATION_FILES if version > 1]
    points = [("backup-copied:1", 1)]
    statement = 0
    for step, count in enumerate(pending, start=1):
        points.append((f"migration-step:{step}", step))  # the steps before it are committed, this one not
        for within in sorted({1, (count + 1) // 2, count}):
            points.append((f"migration-statement:{statement + within}", step))
        statement += count
    return points


def test_kill_while_migrating(tmp_path):
    path = tmp_path / "old.ita"
    points = _migration_kill_points()
    expected_versions = dict(points)

    def check(run: KillRun, index: int) -> None:
        assert integrity(path) == "ok"
        version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
        # Each migration step commits on its own: the file is at exactly the version before the killed step.
        assert version == expected_versions.get(run.point, LATEST_VERSION)
        assert bool(run.last("migrated")) == (run.point not in expected_versions)
        for copy in list_backups(path):  # a backup is either whole or absent
            assert integrity(copy.path) == "ok"
        migration_copies = [copy for copy in list_backups(path) if copy.kind == "migration"]
        assert len(migration_copies) == (0 if run.point == "backup-copied:1" else 1)
        with ReportStore.open(path) as store:
            assert store.db.execute("SELECT count(*) FROM measures").fetchone()[0] == 1503
            edits = edits_on_disk(store)
        assert edits >= run.last("edit")
        assert_opens_and_renders(path, index)

    # After the migration: its writes, then the edits' (3 each).
    after = writes(2, 31, 200, 400)
    for round_index, point in enumerate([point for point, _version in points] + after):
        for stale in tmp_path.glob("old.ita*"):
            stale.unlink()
        _schema_one_file(path)
        kill_many("migrate", path, [point], seed=31 + round_index, check=check)


def test_kill_while_rendering(report_path):
    output = report_path.with_name("out.pdf")

    def check(run: KillRun, index: int) -> None:
        assert integrity(report_path) == "ok"
        if output.exists():  # the PDF under its name is whole, never half-written
            assert output.read_bytes().startswith(b"%PDF") and b"%%EOF" in output.read_bytes()[-1024:]
        with ReportStore.open(report_path) as store:
            assert int(first_measure_summary(store).split("|")[0]) >= run.last("edit")
        assert_opens_and_renders(report_path, index)

    with ReportStore.open(report_path) as store:
        store.update_measure(store.db.execute("SELECT min(id) FROM measures").fetchone()[0], summary="0|")
    # Inside a PDF being written, between its fsync and its rename, and at any write of the edits.
    count = max(4, KILLS // 3)
    points = [f"output-write:{n}" for n in (1, 7, 40)] + ["output-replace:1", "output-replace:5"]
    points += writes(max(1, count - len(points)), 43, 1, 150)
    runs = kill_many("render", report_path, points, seed=43, check=check)
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
        assert_opens_and_renders(report_path, index)

    # Typing the whole text is 700-900 writes, as the seeded chunks and flushes fall (kill 54 of a stress
    # run at write 876 found a session of fewer): the points stay below the fewest.
    runs = kill_many("gui", report_path, writes(max(4, KILLS * 2 // 5), 57, 1, 600), seed=57, check=check)
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
            started = bool(store.list_reports())  # killed at the first import's first write: nothing yet
        if started:
            assert_opens_and_renders(path, index)

    # Three imports of some 88 writes each: kills inside an import and after one has finished.
    runs = kill_many("word", path, ["write:1", "write:90", *writes(max(2, KILLS // 4 - 2), 71, 2, 260)],
                     seed=71, check=check)
    assert max(run.last("complete") for run in runs) > 0
