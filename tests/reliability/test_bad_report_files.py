"""Bad report files: each gets one clear message (library, CLI import and export), no traceback, file untouched."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from ita_desktop.database import LATEST_VERSION

from ita_desktop.errors import ReportFileError
from ita_desktop.model.numbering import thai_digits
from ita_desktop.store.report_store import ReportStore
from tests.reliability.conftest import REPO, run_cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _random_bytes(path: Path) -> None:
    path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(50_000)))


def _text_file(path: Path) -> None:
    path.write_text("รายงานผลการดำเนินการ\nไม่ใช่ฐานข้อมูล\n", encoding="utf-8")


def _truncated(path: Path, report_file: Path) -> None:
    data = report_file.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()


def _newer(path: Path, report_file: Path) -> None:
    path.write_bytes(report_file.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()


def _with_trigger(path: Path, report_file: Path) -> None:
    path.write_bytes(report_file.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER spy AFTER UPDATE ON measures BEGIN DELETE FROM photos; END")
    conn.commit()
    conn.close()


def _with_view(path: Path, report_file: Path) -> None:
    path.write_bytes(report_file.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW everything AS SELECT * FROM measures")
    conn.commit()
    conn.close()


BAD_FILES = {
    "random bytes": (lambda p, r: _random_bytes(p), "not an ITA Desktop report file"),
    "text file": (lambda p, r: _text_file(p), "not an ITA Desktop report file"),
    "truncated database": (_truncated, "damaged"),
    "another program's database": (lambda p, r: _foreign(p), "another program"),
    "newer version": (_newer, "newer version"),
    "crafted trigger": (_with_trigger, "triggers or views"),
    "crafted view": (_with_view, "triggers or views"),
}


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request, tmp_path, report_file):
    make, fragment = BAD_FILES[request.param]
    path = tmp_path / "bad" / "colleague.ita"
    path.parent.mkdir()
    make(path, report_file)
    return path, fragment


def test_library_refuses_with_clear_message_and_leaves_file_untouched(bad_file):
    path, fragment = bad_file
    before = _digest(path)
    for opener in (ReportStore.open, ReportStore.open_reader):
        with pytest.raises(ReportFileError) as caught:
            opener(path)
        assert fragment in caught.value.english
        assert caught.value.thai and caught.value.thai != caught.value.english
    assert _digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["colleague.ita"]  # no lock, journal or backup left


def test_cli_prints_one_line_and_no_traceback(bad_file, tmp_path):
    path, fragment = bad_file
    before = _digest(path)
    text = tmp_path / "report.txt"
    text.write_text((REPO / "resources" / "sample" / "ang-thong-2566.txt").read_text(encoding="utf-8"),
                    encoding="utf-8")
    for args in (["export", str(path), "--format", "json"], ["import", str(text), "--db", str(path)]):
        result = run_cli(*args)
        assert result.returncode == 2, result.stderr
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and fragment in lines[0], result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""
    assert _digest(path) == before


def test_thai_message_on_the_cli(tmp_path):
    path = tmp_path / "notes.ita"
    _text_file(path)
    result = run_cli("export", str(path), "--format", "json", env={"ITA_DESKTOP_LANG": "th"})
    assert result.returncode == 2 and "ไม่ใช่ไฟล์รายงานของ ITA Desktop" in result.stderr


def test_path_on_a_removed_usb_stick(tmp_path):
    gone = tmp_path / "media" / "USB DISK" / "report.ita"
    with pytest.raises(ReportFileError) as caught:
        ReportStore.open(gone)
    assert "USB" in caught.value.english and "แฟลชไดรฟ์" in caught.value.thai
    assert not (tmp_path / "media").exists()  # nothing created on the way
    result = run_cli("export", str(gone), "--format", "json")
    assert result.returncode == 2 and "USB" in result.stderr and "Traceback" not in result.stderr


def test_a_folder_instead_of_a_file(tmp_path):
    with pytest.raises(ReportFileError) as caught:
        ReportStore.open(tmp_path)
    assert "folder" in caught.value.english


def test_read_only_file_opens_read_only_with_reason(report_file, read_only_folder):
    view = read_only_folder(report_file.parent)
    path = view / report_file.name
    before = _digest(path)
    with ReportStore.open(path) as store:
        assert store.read_only
        assert any("read-only" in notice.english for notice in store.notices)
        [summary] = store.list_reports()
        assert store.load_report(summary.id).agency == "เทศบาลตำบลบางรัก"
        with pytest.raises(ReportFileError) as caught:
            store.update_report(summary.id, agency="แก้ไม่ได้")
        assert "read-only" in caught.value.english
    assert _digest(path) == before


def test_read_only_file_on_the_cli(report_file, read_only_folder, tmp_path):
    view = read_only_folder(report_file.parent)
    path = view / report_file.name
    text = tmp_path / "r.txt"
    text.write_text((REPO / "resources" / "sample" / "ang-thong-2566.txt").read_text(encoding="utf-8"),
                    encoding="utf-8")
    exported = run_cli("export", str(path), "--format", "json")
    assert exported.returncode == 0 and "เทศบาลตำบลบางรัก" in exported.stdout
    imported = run_cli("import", str(text), "--db", str(path))
    assert imported.returncode == 2 and "read-only" in imported.stderr and "Traceback" not in imported.stderr


HOLDER = """
import sys
from ita_desktop.store.report_store import ReportStore
store = ReportStore.open(sys.argv[1])
print("open", flush=True)
sys.stdin.read()  # holds the file until the test kills it
"""


def test_file_open_in_another_instance_is_refused_and_untouched(report_file):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(report_file)], stdout=subprocess.PIPE,
                              stdin=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(ReportFileError) as caught:
            ReportStore.open(report_file)
        assert "already open in another window or on another computer" in caught.value.english
        assert f"program number {holder.pid} on the computer" in caught.value.english
        # No English left in the Thai, nor Arabic digits in it.
        assert f"โปรแกรมหมายเลข {thai_digits(holder.pid)} บนเครื่อง" in caught.value.thai
        assert " on " not in caught.value.thai.split(": ", 1)[1]
        result = run_cli("import", "--demo", "--db", str(report_file))
        assert result.returncode == 2 and "already open" in result.stderr and "Traceback" not in result.stderr
        # Reading (export, print) is still allowed while another window edits.
        assert run_cli("export", str(report_file), "--format", "json").returncode == 0
    finally:
        holder.kill()
        holder.wait()
    with ReportStore.open(report_file) as store:  # the killed holder left no stale lock
        assert len(store.list_reports()) == 1
