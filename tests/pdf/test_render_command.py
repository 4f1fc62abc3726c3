"""``ita-desktop render``: the demo, a file, clear refusals, and no half-written PDF under the output name."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from ita_desktop import atomic_file
from ita_desktop.cli.main import main
from ita_desktop.errors import UserError
from ita_desktop.pdf import render as render_module
from ita_desktop.pdf import render_to_file, write_atomically
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clear_line(code, err):
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_render_demo(tmp_path, capsys):
    output = tmp_path / "demo.pdf"
    code, _, err = run(capsys, "render", "--demo", "-o", str(output))
    assert code == 0, err
    reader = PdfReader(str(output))
    assert len(reader.pages) >= 3
    meta = reader.metadata
    assert meta.title.startswith("รายงานผล") and meta.author == "องค์การบริหารส่วนจังหวัดอ่างทอง"
    assert meta.creator == "ITA Desktop"
    assert reader.trailer["/Root"]["/Lang"] == "th"
    assert [p.name for p in tmp_path.iterdir()] == ["demo.pdf"]  # no temporary file left behind


@pytest.fixture
def two_reports(tmp_path):
    path = tmp_path / "two.ita"
    with ReportStore.open(path, create=True) as store:
        first = store.insert_report(small_report())
        second_report = small_report()
        second_report.fiscal_year = 2568
        second = store.insert_report(second_report)
    return path, first, second


def test_render_a_chosen_report(two_reports, tmp_path, capsys):
    path, _, second = two_reports
    output = tmp_path / "out.pdf"
    code, _, err = run(capsys, "render", str(path), "--report", str(second), "-o", str(output))
    assert code == 0, err
    assert "๒๕๖๘" in PdfReader(str(output)).pages[0].extract_text()


@pytest.mark.parametrize("argv", [
    ["render", "{dir}/missing.ita", "-o", "{dir}/out.pdf"],
    ["render", "{file}", "-o", "{dir}/out.pdf"],  # two reports, none chosen
    ["render", "{file}", "--report", "999", "-o", "{dir}/out.pdf"],
    ["render", "{file}", "--report", "1", "-o", "{dir}/out.txt"],
    ["render", "-o", "{dir}/out.pdf"],
    ["render", "{file}", "--report", "1", "-o", "{dir}/no-such-folder/out.pdf"],
])
def test_bad_input_gets_one_clear_line(two_reports, tmp_path, capsys, argv):
    path, _, _ = two_reports
    args = [a.format(dir=tmp_path, file=path) for a in argv]
    code, _, err = run(capsys, *args)
    assert_one_clear_line(code, err)
    assert not (tmp_path / "out.pdf").exists()


def test_not_a_report_file(tmp_path, capsys):
    bogus = tmp_path / "bogus.ita"
    bogus.write_bytes(b"this is not sqlite" * 100)
    code, _, err = run(capsys, "render", str(bogus), "-o", str(tmp_path / "out.pdf"))
    assert_one_clear_line(code, err)


def test_failed_render_leaves_the_old_pdf_untouched(two_reports, tmp_path, monkeypatch):
    path, first, _ = two_reports
    output = tmp_path / "out.pdf"
    output.write_bytes(b"%PDF old")

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(render_module, "render_with_pages", broken)
    with pytest.raises(RuntimeError):
        render_to_file(path, first, output)
    assert output.read_bytes() == b"%PDF old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_failure_while_writing_removes_the_partial_file(tmp_path, monkeypatch):
    output = tmp_path / "out.pdf"
    output.write_bytes(b"%PDF old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "fsync", full_disk)
    with pytest.raises(UserError):
        write_atomically(b"%PDF new" * 1000, output)
    assert output.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_atomic_write_replaces_whole_file(tmp_path):
    output = tmp_path / "out.pdf"
    output.write_bytes(b"old")
    write_atomically(b"%PDF-1.7 new", output)
    assert output.read_bytes() == b"%PDF-1.7 new" and len(list(tmp_path.iterdir())) == 1


def test_atomic_write_to_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError):
        write_atomically(b"x", tmp_path / "nowhere" / "out.pdf")


def test_progress_reaches_the_total(two_reports, tmp_path):
    path, first, _ = two_reports
    seen = []
    stats = render_to_file(path, first, tmp_path / "p.pdf", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and stats.pages >= 1 and stats.bytes > 1000
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
