"""Start next fiscal year's report from an existing one (plan kept, results cleared); prints the new id.

The new report goes into the same .ita file; the old one is left unchanged.
"""

from __future__ import annotations

import argparse

from ita_desktop.errors import UserError
from ita_desktop.messages import Message
from ita_desktop.model.new_year import next_fiscal_year
from ita_desktop.store.report_store import ReportStore


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.ita", help="the report file (the new report is added to it)")
    parser.add_argument("--from-report", type=int, required=True, metavar="ID",
                        help="the report to start from (see ita-desktop export FILE.ita --format json)")


def start_next_year(store: ReportStore, report_id: int) -> int:
    """Add next fiscal year's report made from report ``report_id``; returns the new report's id."""
    try:
        report = store.load_report(report_id)
    except KeyError:
        raise UserError(Message("{path}: there is no report {report_id}.",
                                path=store.path, report_id=str(report_id))) from None
    return store.insert_report(next_fiscal_year(report))


def run(args: argparse.Namespace) -> int:
    with ReportStore.open(args.file) as store:
        new_id = start_next_year(store, args.from_report)
    print(new_id)
    return 0
