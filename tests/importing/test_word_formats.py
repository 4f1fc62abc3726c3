"""Old and other word-processor files: .odt imported like .docx; .doc and other OpenDocument files refused
in one clear line (the .doc one says how to save it as .docx), with nothing written."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from ita_desktop.cli.main import main
from ita_desktop.exporting.json_export import report_to_dict
from ita_desktop.store.report_store import ReportStore
from tests.fixtures.word_corpus.make_corpus import FOLDER, OLD_WORD, expected_path

[OLD_DOC] = OLD_WORD


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", [OLD_DOC, "renamed.docx", "no-extension"])
def test_an_old_word_file_is_refused_with_how_to_save_it(tmp_path, capsys, name):
    path = tmp_path / name
    shutil.copyfile(FOLDER / OLD_DOC, path)
    target = tmp_path / "report.ita"
    code, out, err = run(capsys, "import", str(path), "--db", str(target))
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        f"{path}: this is an old Word (.doc) file, which this program cannot read: open it in Word or "
        "LibreOffice, save it as .docx (Word Document), then import the .docx."]
    assert not target.exists()


def test_the_refusal_is_worded_in_thai(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ITA_DESKTOP_LANG", "th")
    code, _out, err = run(capsys, "import", str(FOLDER / OLD_DOC), "--db", str(tmp_path / "report.ita"))
    assert code == 2 and "บันทึกเป็น .docx" in err and len(err.strip().splitlines()) == 1


def test_an_odt_imports_from_the_command_line_like_a_docx(tmp_path, capsys):
    target = tmp_path / "report.ita"
    code, out, err = run(capsys, "import", str(FOLDER / "lo10_lists_frames.odt"), "--db", str(target))
    assert code == 0, err
    with ReportStore.open(target) as store:
        [summary] = store.list_reports()
        exported = report_to_dict(store.load_report(summary.id))
    exported.pop("id")
    assert exported == json.loads(expected_path("lo10_lists_frames.odt").read_text(encoding="utf-8"))
    assert "2 photos" in out


@pytest.mark.parametrize(("name", "mimetype", "content", "says"), [
    ("budget.ods", "spreadsheet", "<office:document-content/>",
     "this is an OpenDocument file but not a text document (.odt)."),
    ("report.odt", "text", "<office:document-content", "the OpenDocument file is damaged (content.xml"),
])
def test_another_or_damaged_opendocument_is_refused_and_nothing_written(tmp_path, capsys, name, mimetype,
                                                                          content, says):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{mimetype}")
        archive.writestr("content.xml", content)
    target = tmp_path / "report.ita"
    code, out, err = run(capsys, "import", str(path), "--db", str(target))
    assert code == 2 and out == ""
    assert err.startswith(f"{path}: {says}") and len(err.strip().splitlines()) == 1
    assert not target.exists()
