"""``ita-desktop new-year`` and the Word branches of ``import`` / ``export``, through the real entry point."""

from __future__ import annotations

import json

import docx

from ita_desktop.cli.main import main
from ita_desktop.store.report_store import ReportStore
from tests.importing.test_docx_import import build_seed_docx


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def demo_file(tmp_path, capsys):
    path = tmp_path / "demo.ita"
    assert run(capsys, "import", "--demo", "--db", str(path))[0] == 0
    return path


def test_new_year_prints_the_new_id_and_keeps_the_plan(tmp_path, capsys):
    path = demo_file(tmp_path, capsys)
    code, out, err = run(capsys, "new-year", str(path), "--from-report", "1")
    assert code == 0 and err == ""
    new_id = int(out.strip())
    with ReportStore.open(path) as store:
        old, new = store.load_report(1), store.load_report(new_id)
    assert new_id != 1 and new.fiscal_year == old.fiscal_year + 1 == 2567
    assert [m.title for m in new.measures] == [m.title for m in old.measures]
    assert all(m.summary == "" and m.outcome == "" and not m.table for m in new.measures)
    assert old.measures[0].summary  # the old report is untouched


def test_new_year_from_a_missing_report_is_one_clear_line(tmp_path, capsys):
    path = demo_file(tmp_path, capsys)
    before = path.read_bytes()
    code, out, err = run(capsys, "new-year", str(path), "--from-report", "7")
    assert code == 2 and out == "" and "there is no report 7" in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_new_year_never_creates_a_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "new-year", str(tmp_path / "absent.ita"), "--from-report", "1")
    assert code == 2 and "no such file" in err
    assert not (tmp_path / "absent.ita").exists()


def test_import_docx_and_export_docx(tmp_path, capsys):
    source = build_seed_docx(tmp_path / "seed.docx")
    db = tmp_path / "r.ita"
    code, out, err = run(capsys, "import", str(source), "--db", str(db))
    assert code == 0 and "imported report 1 (9 measures, 6 photos)" in out
    assert "photos 7/7" in err and "image4.png" in err  # progress and the broken picture, named
    code, out, err = run(capsys, "export", str(db), "--format", "docx", "-o", str(tmp_path / "out.docx"))
    assert code == 0 and err == ""
    exported = docx.Document(str(tmp_path / "out.docx"))
    assert len(exported.inline_shapes) == 6
    code, out, _ = run(capsys, "export", str(db), "--format", "json")
    [report] = json.loads(out)["reports"]
    assert len(report["sections"][0]["groups"][0]["measures"][0]["photos"]) == 4


def test_corrupt_docx_leaves_the_report_file_untouched(tmp_path, capsys):
    db = demo_file(tmp_path, capsys)
    before = db.read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 50)
    code, out, err = run(capsys, "import", str(bad), "--db", str(db))
    assert code == 2 and out == "" and str(bad) in err and len(err.strip().splitlines()) == 1
    assert db.read_bytes() == before
    code, _, err = run(capsys, "import", str(bad), "--db", str(tmp_path / "new.ita"))
    assert code == 2 and not (tmp_path / "new.ita").exists()
