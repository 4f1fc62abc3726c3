"""Import a report written as plain text (or the built-in sample) into a .ita file.

The text is read and recognised before the .ita file is opened, so a missing
or unreadable text file leaves the .ita file exactly as it was (or absent).
"""

from __future__ import annotations

import argparse
import sys

from ita_desktop.errors import UserError, ui_language
from ita_desktop.importing import RecognisedReport, recognise_file, recognise_text, save_recognised
from ita_desktop.importing.docx_command import is_docx, run_docx_import
from ita_desktop.messages import Message
from ita_desktop.paths import sample_report_text
from ita_desktop.store.report_store import ReportStore


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("report", nargs="?", metavar="REPORT.txt",
                        help="the report as text (UTF-8, UTF-16 or Thai TIS-620/cp874), Word .docx or LibreOffice .odt")
    parser.add_argument("--db", required=True, metavar="FILE.ita", help="the report file to add to (created if absent)")
    parser.add_argument("--demo", action="store_true", help="import the built-in sample report instead of a file")


def _recognised(args: argparse.Namespace) -> RecognisedReport:
    if args.demo == bool(args.report):
        raise UserError(Message("give either REPORT.txt or --demo."))
    if args.demo:
        return recognise_text(sample_report_text(), "sample")
    return recognise_file(args.report)


def run(args: argparse.Namespace) -> int:
    if not args.demo and is_docx(args.report):
        return run_docx_import(args)  # Word: same recogniser, photos streamed with progress
    result = _recognised(args)
    with ReportStore.open(args.db, create=True) as store:
        report_id = save_recognised(store, result)
    language = ui_language()
    for warning in result.warnings:
        print(warning.message(language), file=sys.stderr)
    print(Message.plural("imported report {report_id} ({count} measure) into {path}",
                         "imported report {report_id} ({count} measures) into {path}",
                         len(result.report.measures), report_id=str(report_id), path=args.db).text(language))
    return 0
