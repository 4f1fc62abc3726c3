"""``ita-desktop import`` and ``ita-desktop export``: results, warnings, and refusals that touch nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ita_desktop.cli.main import main
from ita_desktop.store.report_store import ReportStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clear_line(code, err):
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.fixture
def demo_file(tmp_path, capsys):
    path = tmp_path / "demo.ita"
    assert run(capsys, "import", "--demo", "--db", str(path))[0] == 0
    return path


def test_import_demo_then_export_json(demo_file, capsys):
    code, out, err = run(capsys, "export", str(demo_file), "--format", "json")
    assert code == 0 and err == ""
    [report] = json.loads(out)["reports"]
    assert (report["agency"], report["fiscal_year"], report["agency_kind"]) == (
        "องค์การบริหารส่วนจังหวัดอ่างทอง", 2566, "อบจ.")
    groups = report["sections"][0]["groups"]
    assert [(g["kind"], len(g["measures"])) for g in groups] == [("IIT", 6), ("EIT", 1), ("OIT", 1)]
    assert report["sections"][1]["groups"][0]["kind"] is None
    assert groups[0]["measures"][4]["items"] == ["120", "121", "123"]
    assert len(report["signatories"]) == 3


def test_import_prints_the_warnings_one_per_line(tmp_path, capsys):
    code, out, err = run(capsys, "import", "--demo", "--db", str(tmp_path / "a.ita"))
    assert code == 0 and "imported report 1 (9 measures)" in out
    lines = err.strip().splitlines()
    assert len(lines) == 9 and lines[0].startswith("line 25: ")
    assert sum("probably I" in line for line in lines) == 7


def test_import_a_text_file_with_thai_messages(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ITA_DESKTOP_LANG", "th")
    target = tmp_path / "b.ita"
    code, out, err = run(capsys, "import", str(FIXTURES / "tessaban-ban-mai-2567.txt"), "--db", str(target))
    assert code == 0 and "นำเข้ารายงานหมายเลข 1" in out
    assert err.strip().splitlines()[0].startswith("บรรทัด ")
    with ReportStore.open_reader(target) as store:
        assert store.load_report(1).agency == "เทศบาลตำบลบ้านใหม่"


def test_second_import_adds_a_report_and_export_can_pick_one(demo_file, capsys):
    assert run(capsys, "import", str(FIXTURES / "obt-nong-saeng-2568.txt"), "--db", str(demo_file))[0] == 0
    code, out, _ = run(capsys, "export", str(demo_file), "--format", "json", "--report", "2")
    assert code == 0
    assert [r["id"] for r in json.loads(out)["reports"]] == [2]
    code, out, _ = run(capsys, "export", str(demo_file), "--format", "json")
    assert [r["id"] for r in json.loads(out)["reports"]] == [1, 2]


@pytest.mark.parametrize("content", [None, b"\x81\xdb\xfc\xff", b"hello, no report here\n"],
                         ids=["missing", "undecodable", "no-structure"])
def test_bad_report_text_leaves_no_ita_file_behind(tmp_path, capsys, content):
    text = tmp_path / "report.txt"
    if content is not None:
        text.write_bytes(content)
    target = tmp_path / "new.ita"
    code, _, err = run(capsys, "import", str(text), "--db", str(target))
    assert_one_clear_line(code, err)
    assert not target.exists()


def test_bad_report_text_leaves_an_existing_ita_file_untouched(demo_file, tmp_path, capsys):
    before = demo_file.read_bytes()
    code, _, err = run(capsys, "import", str(tmp_path / "nope.txt"), "--db", str(demo_file))
    assert_one_clear_line(code, err)
    assert demo_file.read_bytes() == before


def newer_version_copy(demo_file: Path, tmp_path: Path) -> Path:
    newer = tmp_path / "newer.ita"
    newer.write_bytes(demo_file.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    return newer


@pytest.mark.parametrize("kind", ["foreign", "truncated", "newer"])
@pytest.mark.parametrize("command", ["import", "export"])
def test_unusable_ita_files_are_refused_and_left_byte_for_byte(demo_file, tmp_path, capsys, kind, command):
    if kind == "foreign":
        target = tmp_path / "foreign.ita"
        target.write_bytes(b"just some notes, not a database\n")
    elif kind == "truncated":
        target = tmp_path / "truncated.ita"
        target.write_bytes(demo_file.read_bytes()[:3000])
    else:
        target = newer_version_copy(demo_file, tmp_path)
    before = target.read_bytes()
    argv = (["import", "--demo", "--db", str(target)] if command == "import"
            else ["export", str(target), "--format", "json"])
    code, out, err = run(capsys, *argv)
    assert_one_clear_line(code, err)
    assert out == ""
    assert target.read_bytes() == before
    if kind == "newer":
        assert "newer version" in err


def test_export_of_a_missing_file_does_not_create_it(tmp_path, capsys):
    target = tmp_path / "missing.ita"
    code, _, err = run(capsys, "export", str(target), "--format", "json")
    assert_one_clear_line(code, err)
    assert not target.exists()


def test_export_unknown_report_and_output_over_the_source_are_refused(demo_file, capsys):
    before = demo_file.read_bytes()
    code, _, err = run(capsys, "export", str(demo_file), "--format", "json", "--report", "42")
    assert_one_clear_line(code, err)
    assert "no report 42" in err
    code, _, err = run(capsys, "export", str(demo_file), "--format", "json", "--output", str(demo_file))
    assert_one_clear_line(code, err)
    assert demo_file.read_bytes() == before


def test_export_to_an_output_file(demo_file, tmp_path, capsys):
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "export", str(demo_file), "--format", "json", "--output", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["reports"][0]["fiscal_year"] == 2566


def test_import_needs_either_a_file_or_demo(tmp_path, capsys):
    code, _, err = run(capsys, "import", "--db", str(tmp_path / "x.ita"))
    assert_one_clear_line(code, err)
    assert not (tmp_path / "x.ita").exists()


def test_real_entry_point_in_a_subprocess(tmp_path):
    env_python = sys.executable
    target = tmp_path / "smoke.ita"
    imported = subprocess.run([env_python, "-m", "ita_desktop", "import", "--demo", "--db", str(target)],
                              capture_output=True, env={"ITA_DESKTOP_LANG": "en", "PATH": ""}, timeout=120)
    assert imported.returncode == 0, imported.stderr.decode()
    exported = subprocess.run([env_python, "-m", "ita_desktop", "export", str(target), "--format", "json"],
                              capture_output=True, env={"ITA_DESKTOP_LANG": "en", "PATH": ""}, timeout=120)
    assert exported.returncode == 0
    assert len(json.loads(exported.stdout.decode("utf-8"))["reports"][0]["sections"]) == 2
