"""Word import writes its photos through a rollback journal and leaves the file in WAL mode."""

from __future__ import annotations

from pathlib import Path

from ita_desktop.importing.docx_import import import_docx
from ita_desktop.store.report_store import ReportStore
from tests.importing.test_docx_import import build_seed_docx


def test_photos_go_through_a_rollback_journal_and_wal_comes_back(tmp_path):
    source = build_seed_docx(tmp_path / "seed.docx", broken=False)
    path = tmp_path / "report.ita"
    modes: list[str] = []
    with ReportStore.open(path, create=True) as store:
        def progress(done: int, total: int) -> None:
            modes.append(store.db.execute("PRAGMA journal_mode").fetchone()[0])

        outcome = import_docx(store, source, progress=progress)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert outcome.photos_stored == 6
    assert set(modes) == {"truncate"}
    assert not Path(f"{path}-journal").exists()
    with ReportStore.open(path) as store:
        photos = [p for m in store.load_report(outcome.report_id).measures for p in m.photos]
        assert len(photos) == 6
        assert all(store.photo_data(p.id, "original") for p in photos)


def test_import_while_a_reader_has_the_file_open_stays_in_wal(tmp_path):
    source = build_seed_docx(tmp_path / "seed.docx", broken=False)
    path = tmp_path / "report.ita"
    with ReportStore.open(path, create=True) as store:
        store.list_reports()
        with ReportStore.open_reader(path) as reader:
            reader.list_reports()
            modes: list[str] = []
            outcome = import_docx(store, source, progress=lambda done, total: modes.append(
                store.db.execute("PRAGMA journal_mode").fetchone()[0]))
            assert set(modes) == {"wal"}
            assert [r.id for r in reader.list_reports()] == [outcome.report_id]
