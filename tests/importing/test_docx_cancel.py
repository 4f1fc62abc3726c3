"""A Word import stopped midway (Cancel, Ctrl-C, a failed write) leaves the .ita file with exactly its old rows."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import docx
import pytest

import ita_desktop.importing.docx_command as docx_command
import ita_desktop.photos.batch as photo_batch
from ita_desktop.cli.main import main
from ita_desktop.errors import ReportFileError
from ita_desktop.importing import recognise_text, save_recognised
from ita_desktop.importing.docx_import import ImportCancelled, import_docx
from ita_desktop.messages import Message
from ita_desktop.paths import sample_report_text
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes
from tests.importing.test_docx_import import add_picture, build_seed_docx

PHOTOS = 12


def build_photo_docx(path: Path, count: int = PHOTOS) -> Path:
    """The sample report as Word with ``count`` small photos spread over its photo parts."""
    document = docx.Document()
    lines = [line for line in sample_report_text().splitlines() if "\t" not in line]
    photo_parts = [index for index, line in enumerate(lines) if line.startswith("(") and ".๕)" in line]
    per_part = -(-count // len(photo_parts))
    added = 0
    for index, line in enumerate(lines):
        document.add_paragraph(line)
        if index in photo_parts:
            for _ in range(min(per_part, count - added)):
                add_picture(document, jpeg_bytes(120 + added, 90), width_mm=40)
                added += 1
    document.save(str(path))
    return path


def file_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, read by a fresh connection."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables}
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def import_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("photo")]


@pytest.fixture
def report_file(tmp_path) -> Path:
    """A file that already holds a report with photos (from a Word import) and one from text."""
    path = tmp_path / "report.ita"
    with ReportStore.open(path, create=True) as store:
        save_recognised(store, recognise_text(sample_report_text(), "sample"))
        import_docx(store, build_seed_docx(tmp_path / "seed.docx", broken=False))
    return path


@pytest.fixture
def photo_docx(tmp_path) -> Path:
    return build_photo_docx(tmp_path / "photos.docx")


@pytest.mark.parametrize("stop_after", [3, 10])  # inside the first batch of 8; after a committed batch
def test_cancel_midway_leaves_the_file_as_it_was(report_file, photo_docx, stop_after):
    before = file_rows(report_file)
    assert before["photo_blobs"] and before["photo_originals"]
    stop = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == stop_after:
            stop.set()

    with ReportStore.open(report_file) as store:
        with pytest.raises(ImportCancelled):
            import_docx(store, photo_docx, progress=progress, should_stop=stop.is_set)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert len(store.list_reports()) == 2
    assert seen[-1] == stop_after  # no photo written after the request
    assert file_rows(report_file) == before
    assert integrity(report_file) == "ok"
    assert import_threads() == []


def test_the_cancelled_message_is_in_both_languages():
    assert ImportCancelled().message("en") == "Import cancelled."
    assert ImportCancelled().message("th") == "ยกเลิกการนำเข้าแล้ว"


def test_no_picture_is_decoded_once_the_stop_is_asked(report_file, photo_docx, monkeypatch):
    stop = threading.Event()
    decoded: list[str] = []
    real_prepare = photo_batch.prepare_photo

    def prepare_then_stop(data, name):
        decoded.append(name)
        stop.set()
        return real_prepare(data, name)

    monkeypatch.setattr(photo_batch, "prepare_photo", prepare_then_stop)
    with ReportStore.open(report_file) as store, pytest.raises(ImportCancelled):
        import_docx(store, photo_docx, workers=2, should_stop=stop.is_set)
    # Only the pictures a worker had already loaded when the stop came are decoded: at most one per worker.
    assert 1 <= len(decoded) <= 2
    assert import_threads() == []


def test_a_stop_before_the_photos_writes_nothing(report_file, photo_docx):
    before = file_rows(report_file)
    with ReportStore.open(report_file) as store, pytest.raises(ImportCancelled):
        import_docx(store, photo_docx, should_stop=lambda: True)
    assert file_rows(report_file) == before


def test_ctrl_c_midway_leaves_the_file_as_it_was(report_file, photo_docx):
    before = file_rows(report_file)

    def progress(done: int, total: int) -> None:
        if done == 9:
            raise KeyboardInterrupt

    with ReportStore.open(report_file) as store, pytest.raises(KeyboardInterrupt):
        import_docx(store, photo_docx, progress=progress)
    assert file_rows(report_file) == before
    assert integrity(report_file) == "ok"
    assert import_threads() == []


def test_a_failed_photo_write_removes_the_half_imported_report(report_file, photo_docx, monkeypatch):
    before = file_rows(report_file)
    real_add_photo = ReportStore.add_photo
    calls: list[int] = []

    def add_photo_until_the_disk_is_full(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 11:
            raise ReportFileError(Message("disk full"))
        return real_add_photo(self, *args, **kwargs)

    monkeypatch.setattr(ReportStore, "add_photo", add_photo_until_the_disk_is_full)
    with ReportStore.open(report_file) as store, pytest.raises(ReportFileError):
        import_docx(store, photo_docx)
    assert file_rows(report_file) == before


def test_cli_ctrl_c_exits_130_and_leaves_the_file_as_it_was(report_file, photo_docx, monkeypatch, capsys):
    before = file_rows(report_file)

    class InterruptedProgress:
        def __init__(self, *args) -> None:
            pass

        def __call__(self, done: int, total: int) -> None:
            if done == 10:
                raise KeyboardInterrupt

    monkeypatch.setattr(docx_command, "ConsoleProgress", InterruptedProgress)
    assert main(["import", str(photo_docx), "--db", str(report_file)]) == 130
    assert "Traceback" not in capsys.readouterr().err
    assert file_rows(report_file) == before
    assert integrity(report_file) == "ok"


def test_a_complete_import_still_stores_every_photo(tmp_path, photo_docx):
    path = tmp_path / "fresh.ita"
    with ReportStore.open(path, create=True) as store:
        outcome = import_docx(store, photo_docx, should_stop=lambda: False)
        photos = [p for m in store.load_report(outcome.report_id).measures for p in m.photos]
    assert outcome.photos_stored == PHOTOS and len(photos) == PHOTOS


def test_discard_report_removes_every_row_of_it_and_nothing_else(report_file):
    before = file_rows(report_file)
    with ReportStore.open(report_file) as store:
        outcome = import_docx(store, build_seed_docx(report_file.parent / "again.docx", broken=False))
        report = store.load_report(outcome.report_id)
        first_photo = report.measures[0].photos[0]
        store.delete_photo(first_photo.id)  # soft-deleted rows of the report go too
        store.delete_measure(report.measures[-1].id)
        store.discard_report(outcome.report_id)
    assert file_rows(report_file) == before
