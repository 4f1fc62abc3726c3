"""List the reports of a file: ita-desktop reports FILE.ita (id, fiscal year, agency, title, measures, last edited)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message

COLUMNS = ("id", "fiscal_year", "agency", "title", "measures", "last_edited")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE.ita", help="the report file")


def report_rows(path: Path) -> list[tuple[str, ...]]:
    """One row per report of the file, in the window's order (read only: the file is never changed)."""
    from ita_desktop.model.thai_date import local_edit_time
    from ita_desktop.store.inspection import check_report_file
    from ita_desktop.store.report_store import ReportStore

    if not path.exists():
        raise ReportFileError(Message("{path}: no such file.", path=path))
    check_report_file(path)
    with ReportStore.open_reader(path) as store:
        return [(str(s.id), str(s.fiscal_year), s.agency, s.title, str(s.measure_count),
                 local_edit_time(s.updated_at)) for s in store.list_reports()]


def run(args: argparse.Namespace) -> int:
    # Tab-separated, one header line: readable, and cut -f / a spreadsheet take it as it is.
    rows = report_rows(args.file)
    print("\t".join(COLUMNS))
    for row in rows:
        print("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row))
    return 0
