"""Print a report to PDF: ita-desktop render FILE.ita [--report ID] -o OUT.pdf (or --demo)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ita_desktop.errors import ReportFileError, UserError
from ita_desktop.messages import Message


class RenderArgumentError(UserError):
    """The render command was called with arguments that cannot work together."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, help="the .ita report file")
    parser.add_argument("--report", type=int, help="which report of the file (default: the only one)")
    parser.add_argument("--demo", action="store_true", help="print the built-in sample report")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")


def _choose_report(path: Path, wanted: int | None) -> int:
    from ita_desktop.store.report_store import ReportStore

    with ReportStore.open_reader(path) as store:
        summaries = store.list_reports()
    ids = [s.id for s in summaries]
    if wanted is not None:
        if wanted not in ids:
            if ids:
                raise ReportFileError(Message("{path}: there is no report {wanted} in this file (it has: {ids}).",
                                              path=path, wanted=wanted, ids=", ".join(map(str, ids))))
            raise ReportFileError(Message("{path}: the file holds no report.", path=path))
        return wanted
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise ReportFileError(Message("{path}: the file holds no report.", path=path))
    listing = ", ".join(f"{s.id} ({s.agency} {s.fiscal_year})" for s in summaries)
    raise RenderArgumentError(Message("{path}: the file holds several reports; choose one with --report ({listing}).",
                                      path=path, listing=listing))


def _render_demo(output: Path) -> object:
    from ita_desktop.importing import import_demo
    from ita_desktop.pdf import render_to_file
    from ita_desktop.store.report_store import ReportStore

    with tempfile.TemporaryDirectory(prefix="ita-demo-") as folder:
        sample = Path(folder) / "sample.ita"
        with ReportStore.open(sample, create=True) as store:
            report_id = import_demo(store)
        return render_to_file(sample, report_id, output)


def run(args: argparse.Namespace) -> int:
    from ita_desktop.pdf import render_to_file

    if args.output.suffix.lower() != ".pdf":
        raise RenderArgumentError(Message("{path}: the output name must end in .pdf.", path=args.output))
    if args.output.is_dir():
        raise RenderArgumentError(Message("{path}: is a folder; give a file name.", path=args.output))
    if args.demo == (args.file is not None):
        raise RenderArgumentError(Message("Give either a .ita file or --demo."))
    if args.demo:
        stats = _render_demo(args.output)
    else:
        if not args.file.exists():
            raise ReportFileError(Message("{path}: no such file.", path=args.file))
        stats = render_to_file(args.file, _choose_report(args.file, args.report), args.output)
    print(f"{args.output}: {stats.pages} pages, {stats.bytes} bytes, {stats.seconds:.2f} s", file=sys.stderr)
    return 0
