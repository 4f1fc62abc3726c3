"""ReportStore.bulk_writes: large writes through a rollback journal, WAL again afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ita_desktop.photos.prepare import PreparedPhoto
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes, small_report


def _photo() -> PreparedPhoto:
    data = jpeg_bytes(64, 48)
    return PreparedPhoto(original=data, print_copy=data, print_format="JPEG", thumbnail=data,
                         width=64, height=48, sha256="0" * 64)


def _journal_mode(store: ReportStore) -> str:
    return store.db.execute("PRAGMA journal_mode").fetchone()[0]


def _store_with_report(tmp_path: Path) -> tuple[ReportStore, int]:
    store = ReportStore.open(tmp_path / "bulk.ita", create=True)
    report_id = store.insert_report(small_report())
    return store, store.load_report(report_id).sections[0].groups[0].measures[0].id


def test_bulk_writes_use_a_rollback_journal_then_wal_again(tmp_path):
    store, measure_id = _store_with_report(tmp_path)
    with store:
        with store.bulk_writes():
            assert _journal_mode(store) == "truncate"
            with store.db.atomic():
                for _ in range(3):
                    store.add_photo(measure_id, _photo())
        assert _journal_mode(store) == "wal"
        assert not Path(f"{store.path}-journal").exists()
    conn = sqlite3.connect(tmp_path / "bulk.ita")
    try:
        assert conn.execute("SELECT count(*) FROM photo_originals").fetchone()[0] == 3
    finally:
        conn.close()


def test_bulk_writes_keep_wal_while_a_reader_has_the_file_open(tmp_path):
    store, measure_id = _store_with_report(tmp_path)
    with store, ReportStore.open_reader(store.path) as reader:
        reader.list_reports()
        with store.bulk_writes():
            assert _journal_mode(store) == "wal"
            store.add_photo(measure_id, _photo())
        assert len(reader.load_measure(measure_id).photos) == 1  # the reader still sees every commit


def test_bulk_writes_go_back_to_wal_after_an_error(tmp_path):
    store, measure_id = _store_with_report(tmp_path)
    with store:
        try:
            with store.bulk_writes():
                store.add_photo(measure_id, _photo())
                raise RuntimeError("a failure mid-import")
        except RuntimeError:
            pass
        assert _journal_mode(store) == "wal"
        assert len(store.load_measure(measure_id).photos) == 1  # what was committed stays
