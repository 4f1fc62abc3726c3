"""A full disk (a real tmpfs of a few hundred kB): a clear message, the file stays valid, nothing saved is lost,
and work continues once space is freed — in the store and through the editor's autosave."""

from __future__ import annotations

import io
import random
import sqlite3

import pytest
from PIL import Image

from ita_desktop.errors import ReportFileError
from ita_desktop.photos import prepare_photo
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report
from tests.reliability.conftest import can_mount

pytestmark = pytest.mark.skipif(not can_mount(), reason="needs root to mount a tmpfs (CI and this sandbox have it)")


def _noise_photo(seed: int):
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (500, 400), rng.randbytes(500 * 400 * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75)
    return prepare_photo(out.getvalue(), f"IMG_{seed}.jpg")


def _integrity(path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def nearly_full(small_disk):
    disk = small_disk(1536)
    path = disk / "report.ita"
    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(small_report())
    ballast = disk / "other-files.bin"  # what the clerk deletes to make room
    ballast.write_bytes(b"\0" * 600_000)
    return path, ballast, report_id


def test_store_on_a_full_disk(nearly_full):
    path, ballast, report_id = nearly_full
    store = ReportStore.open(path)
    measure_id = store.db.execute("SELECT min(id) FROM measures").fetchone()[0]
    saved = []
    with pytest.raises(ReportFileError) as caught:
        for seed in range(100):
            saved.append(store.add_photo(measure_id, _noise_photo(seed), caption=f"ภาพที่ {seed}").id)
    assert saved, "the disk filled before a single photo: make the tmpfs bigger"
    message = caught.value.english
    assert "could not save" in message and "full" in message and str(path) in message
    assert "บันทึกไม่สำเร็จ" in caught.value.thai
    assert _integrity(path) == "ok"
    # Everything committed before the failure is there, and the failed photo left no trace.
    assert [row[0] for row in store.db.execute("SELECT id FROM photos ORDER BY id")] == saved
    with pytest.raises(ReportFileError):
        store.update_measure(measure_id, summary="ข้อความยาว " * 50_000)  # still full: refused, not corrupted
    ballast.unlink()
    store.update_measure(measure_id, summary="ทำต่อได้หลังลบไฟล์อื่น")
    extra = store.add_photo(measure_id, _noise_photo(999), caption="ภาพหลังมีที่ว่าง")
    store.close()
    assert _integrity(path) == "ok"
    with ReportStore.open(path) as store:
        report = store.load_report(report_id)
        photos = [p.id for p in report.sections[0].groups[0].measures[0].photos]
        assert photos == [*saved, extra.id]
        assert report.sections[0].groups[0].measures[0].summary == "ทำต่อได้หลังลบไฟล์อื่น"


def test_daily_backup_on_a_full_disk_is_a_notice_not_a_failure(small_disk, tmp_path, monkeypatch):
    path = tmp_path / "report.ita"
    with ReportStore.open(path, create=True) as store:
        store.insert_report(small_report())
        store.update_report(1, agency="ก" * 400_000)  # bigger than the backup folder's disk
    backups_disk = small_disk(64)
    monkeypatch.setenv("ITA_DESKTOP_DATA", str(backups_disk))
    with ReportStore.open(path) as store:
        assert not store.read_only
        assert any("backup" in notice.english for notice in store.notices)
        store.update_report(1, agency="อบต.ยังแก้ไขได้")
    assert not list(backups_disk.rglob("*.partial")) and not list(backups_disk.rglob("*.bak"))


def test_editor_autosave_keeps_typing_until_space_returns(nearly_full, qtbot):
    from ita_desktop.ui.document import ReportDocument

    path, ballast, report_id = nearly_full
    document = ReportDocument.open(path, report_id)
    measure_id = document.report.sections[0].groups[0].measures[0].id
    filler = path.with_name("filler.bin")
    try:  # fill the disk to the last block
        with filler.open("wb", buffering=0) as out:
            while True:
                out.write(b"\0" * 16384)
    except OSError:
        pass
    typed = "สรุปผลการดำเนินการที่พิมพ์ตอนดิสก์เต็ม " * 2000
    with qtbot.waitSignal(document.saveFailed, timeout=5000) as failure:
        document.set_measure_field(measure_id, "summary", typed)
        document.flush()
    assert "full" in failure.args[0]
    assert document.has_unsaved_changes()  # nothing typed is dropped
    assert _integrity(path) == "ok"
    filler.unlink()
    ballast.unlink()
    assert document.flush()
    assert document.close()
    with ReportStore.open(path) as store:
        assert store.load_measure(measure_id).summary == typed
