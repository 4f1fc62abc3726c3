"""``ita-desktop reports FILE.ita``: every report of the file, one line each."""

from __future__ import annotations

from ita_desktop.cli.main import main
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report


def test_reports_lists_id_year_agency_title_measures_and_last_edit(tmp_path, capsys):
    path = tmp_path / "r.ita"
    with ReportStore.open(path, create=True) as store:
        first = store.insert_report(small_report())
        second = small_report()
        second.fiscal_year, second.agency, second.title = 2568, "อบต.ทดสอบ", "รายงานปีใหม่"
        second.sections = []
        store.insert_report(second)
    assert main(["reports", str(path)]) == 0
    out, err = capsys.readouterr()
    header, *lines = out.splitlines()
    assert header.split("\t") == ["id", "fiscal_year", "agency", "title", "measures", "last_edited"]
    rows = [line.split("\t") for line in lines]
    assert [row[:5] for row in rows] == [
        [str(second.id), "2568", "อบต.ทดสอบ", "รายงานปีใหม่", "0"],
        [str(first), "2567", "เทศบาลตำบลบางรัก", small_report().title, "4"]]
    assert all(len(row[5]) == len("2026-12-04 21:05") for row in rows) and err == ""


def test_reports_of_a_missing_file_is_one_clear_line(tmp_path, capsys):
    assert main(["reports", str(tmp_path / "none.ita")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "no such file" in err
