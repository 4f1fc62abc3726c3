"""Several reports in one file: their order, an undoable delete, and where the clerk last typed."""

from __future__ import annotations

import sqlite3

from ita_desktop.database import migrate
from sqlite_utils import Database

from ita_desktop.model import Report
from ita_desktop.store.opening import APPLICATION_ID
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report


def test_a_new_report_comes_first_and_the_order_can_change(tmp_path):
    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        old = store.insert_report(Report(agency="อบต.ก", fiscal_year=2567))
        new = store.insert_report(Report(agency="อบต.ก", fiscal_year=2568))
        assert [r.id for r in store.list_reports()] == [new, old]
        store.place_report(new, 1)
        assert [r.id for r in store.list_reports()] == [old, new]
    with ReportStore.open(tmp_path / "r.ita") as store:
        assert [r.id for r in store.list_reports()] == [old, new]


def test_a_removed_report_comes_back_in_place_until_the_file_is_reopened(tmp_path):
    path = tmp_path / "r.ita"
    with ReportStore.open(path, create=True) as store:
        ids = [store.insert_report(Report(fiscal_year=year)) for year in (2566, 2567, 2568)]
        middle = ids[1]
        assert store.remove_report(middle) == 1
        assert [r.id for r in store.list_reports()] == [ids[2], ids[0]]
        store.restore_report(middle, 1)
        assert [r.id for r in store.list_reports()] == [ids[2], ids[1], ids[0]]
        store.remove_report(middle)
    with ReportStore.open(path) as store:
        assert [r.id for r in store.list_reports()] == [ids[2], ids[0]]
        assert store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 2  # purged at the next open


def test_the_report_and_measure_last_edited_are_remembered(tmp_path):
    path = tmp_path / "r.ita"
    with ReportStore.open(path, create=True) as store:
        older = small_report()
        store.insert_report(older)
        newer = store.insert_report(Report(fiscal_year=2568))
        # Made a minute before the clerk typed (the stamps have millisecond resolution).
        store.db.execute("UPDATE reports SET updated_at = '2026-01-01T08:00:00.000Z' WHERE id = ?", [newer])
        measure = older.measures[2]
        store.update_measure(measure.id, summary="พิมพ์ก่อนไฟดับ")
    with ReportStore.open(path) as store:
        assert store.last_edited() == (older.id, measure.id)
        assert store.last_measure_of(older.id) == measure.id


def test_a_file_of_the_previous_version_lists_newest_year_first(tmp_path):
    path = tmp_path / "old.ita"
    raw = Database(sqlite3.connect(path))
    migrate(raw, up_to=4)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for year in (2566, 2568, 2567):
        raw.execute("INSERT INTO reports (fiscal_year) VALUES (?)", [year])
    raw.conn.commit()
    raw.close()
    unmigrated = ReportStore(Database(sqlite3.connect(path)), path)  # as a read-only file opens: still listed
    assert [r.fiscal_year for r in unmigrated.list_reports()] == [2568, 2567, 2566]
    assert unmigrated.last_edited()[0] is not None and unmigrated.last_measure_of(1) is None
    unmigrated.db.close()
    with ReportStore.open(path) as store:  # migrated: the same order, now the clerk's to change
        assert [r.fiscal_year for r in store.list_reports()] == [2568, 2567, 2566]
        assert store.last_edited()[1] is None


def test_photos_move_the_editors_place_only_when_the_clerk_added_them(tmp_path):
    """An import's photos left a new report opening on its last photo's measure (found in review)."""
    from ita_desktop.photos import prepare_photo
    from tests.helpers import jpeg_bytes

    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        report_id = store.insert_report(small_report())
        first, second = [m.id for m in store.load_report(report_id).measures[:2]]
        store.add_photo(first, prepare_photo(jpeg_bytes(320, 240), "import.jpg"))  # as an importer does
        assert store.last_measure_of(report_id) is None
        store.add_photo(second, prepare_photo(jpeg_bytes(320, 240), "IMG_1.jpg"), remember_place=True)
        assert store.last_measure_of(report_id) == second
