"""Opening a file: foreign, damaged, newer and old files; nothing refused is ever modified."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from ita_desktop.database import LATEST_VERSION, migrate

from ita_desktop.errors import ReportFileError
from ita_desktop.store.opening import APPLICATION_ID, NEW_FILE_PAGE_SIZE, open_database
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(path, fragment):
    before = _digest(path)
    with pytest.raises(ReportFileError) as caught:
        ReportStore.open(path)
    assert fragment in caught.value.english
    assert _digest(path) == before
    assert caught.value.thai and caught.value.thai != caught.value.english


def test_random_bytes_refused_untouched(tmp_path):
    path = tmp_path / "random.ita"
    path.write_bytes(bytes(range(256)) * 40)
    _refused(path, "not an ITA Desktop report file")


def test_text_file_refused_untouched(tmp_path):
    path = tmp_path / "notes.ita"
    path.write_text("รายงาน\n", encoding="utf-8")
    _refused(path, "not an ITA Desktop report file")


def test_other_programs_database_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    _refused(path, "another program")


def test_newer_version_refused(tmp_path):
    path = tmp_path / "future.ita"
    ReportStore.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    _refused(path, "newer version")


def _written_report(path) -> bytes:
    """small_report() in a new file at ``path``, all in the main file (no -wal); its bytes."""
    with ReportStore.open(path, create=True) as store:
        store.insert_report(small_report())
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def test_truncated_database_refused(tmp_path):
    path = tmp_path / "cut.ita"
    data = _written_report(path)
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "damaged")


def test_migration_from_first_schema_keeps_data_and_backs_up(tmp_path):
    path = tmp_path / "old.ita"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    from sqlite_utils import Database

    db = Database(conn, execute_plugins=False)
    migrate(db, up_to=1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.execute("INSERT INTO reports (title, agency, fiscal_year) VALUES ('รายงาน', 'อบต.ทดสอบ', 2565)")
    conn.execute("INSERT INTO sections (report_id, position_index) VALUES (1, 0)")
    conn.execute("INSERT INTO measure_groups (section_id, position_index) VALUES (1, 0)")
    conn.execute("INSERT INTO measures (group_id, position_index, title) VALUES (1, 0, 'มาตรการ')")
    conn.execute("INSERT INTO photos (measure_id, position_index, width, height, sha256) VALUES (1, 0, 4, 3, 'x')")
    conn.execute("INSERT INTO photo_blobs (photo_id, original, print_copy, print_format, thumbnail) "
                 "VALUES (1, X'0102', X'0304', 'JPEG', X'05')")
    conn.commit()
    conn.close()

    with ReportStore.open(path) as store:
        [summary] = store.list_reports()
        assert summary.agency == "อบต.ทดสอบ"
        report = store.load_report(summary.id)
        assert report.thai_digits is True
        photo_id = report.measures[0].photos[0].id
        assert store.photo_data(photo_id, "original") == b"\x01\x02"
        assert store.photo_data(photo_id, "print") == b"\x03\x04"
        assert store.photo_data(photo_id, "thumbnail") == b"\x05"
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    backups = list(tmp_path.glob("old.ita.v1-*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_new_file_is_marked_as_ours(tmp_path):
    db = open_database(tmp_path / "new.ita", create=True)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA page_size").fetchone()[0] == NEW_FILE_PAGE_SIZE
    db.close()


def test_an_existing_file_keeps_its_page_size(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "old-pages.ita"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrate(Database(conn, execute_plugins=False))
    conn.close()
    with ReportStore.open(path) as store:
        report_id = store.insert_report(small_report())
        assert store.db.execute("PRAGMA page_size").fetchone()[0] == 4096
    with ReportStore.open(path) as store:
        assert store.load_report(report_id).title == small_report().title


def test_damaged_photo_pixels_are_named_when_read_not_at_open(tmp_path):
    from ita_desktop.photos import prepare_photo
    from tests.helpers import jpeg_bytes

    path = tmp_path / "pixels.ita"
    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(small_report())
        measure_id = store.load_report(report_id).measures[0].id
        photo = store.add_photo(measure_id, prepare_photo(jpeg_bytes(1200, 900), "meeting.jpg"),
                                original_name="meeting.jpg")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = store.db.execute("PRAGMA page_size").fetchone()[0]
        # the root page of photo_originals: overwrite it so its rows cannot be found
        root = store.db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'photo_originals'").fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    with ReportStore.open(path) as store:  # text tables are whole: the file opens
        assert store.load_report(report_id).measures[0].photos[0].id == photo.id
        with pytest.raises(ReportFileError) as caught:
            store.photo_data(photo.id, "original")
        assert "meeting.jpg" in caught.value.english


def test_file_cut_short_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "short.ita"
    path.write_bytes(_written_report(path)[:-4096])
    _refused(path, "cut short")
