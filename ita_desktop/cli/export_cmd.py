"""Export the reports of a .ita file (JSON to standard output, or to --output).

The .ita file is opened read-only: exporting never changes it, and a missing
path is never created.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ita_desktop.atomic_file import atomic_output
from ita_desktop.errors import UserError
from ita_desktop.exporting.docx_export import write_docx_reports
from ita_desktop.exporting.json_export import reports_to_json
from ita_desktop.messages import Message
from ita_desktop.model import Report
from ita_desktop.store.report_store import ReportStore


def _write_json(store: ReportStore, reports: list[Report], out: BinaryIO) -> None:
    out.write(reports_to_json(reports).encode("utf-8"))


# format name → writer(store, reports, binary stream). A new format (docx) adds one line here;
# the store is passed so a writer can read photo pixels.
EXPORT_FORMATS: dict[str, Callable[[ReportStore, list[Report], BinaryIO], None]] = {
    "json": _write_json,
    "docx": write_docx_reports,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.ita", help="the report file to export from")
    parser.add_argument("--format", required=True, choices=sorted(EXPORT_FORMATS), help="output format")
    parser.add_argument("--report", type=int, metavar="ID", help="only this report (default: all)")
    parser.add_argument("--output", "-o", metavar="PATH", help="write here instead of standard output")


def _reports(store: ReportStore, report_id: int | None) -> list[Report]:
    ids = sorted(summary.id for summary in store.list_reports())
    if report_id is not None:
        if report_id not in ids:
            raise UserError(Message("{path}: there is no report {report_id}.",
                                    path=store.path, report_id=str(report_id)))
        ids = [report_id]
    return [store.load_report(i) for i in ids]


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if args.output and Path(args.output).resolve() == source.resolve():
        raise UserError(Message("the output would overwrite the report file."))
    with ReportStore.open_reader(source) as store:
        reports = _reports(store, args.report)
        writer = EXPORT_FORMATS[args.format]
        if args.output:
            with atomic_output(Path(args.output)) as out:
                writer(store, reports, out)
        else:
            writer(store, reports, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    return 0
