"""`ita-desktop import REPORT.docx --db FILE.ita`: the Word branch of the import command, with progress.

The Word file is recognised before the .ita file is opened, so a corrupt or
foreign .docx leaves the .ita file exactly as it was (or absent).
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from ita_desktop.errors import ui_language
from ita_desktop.importing.docx_import import recognise_docx, save_docx
from ita_desktop.importing.word_formats import is_word_file
from ita_desktop.messages import Message
from ita_desktop.store.report_store import ReportStore


def is_docx(path: str | None) -> bool:
    """Import ``path`` as a word-processor file (.docx, .odt; an old .doc gets its advice)?"""
    return is_word_file(path)


class ConsoleProgress:
    """"photos 12/120" on stderr: rewritten in place on a terminal, a line per tenth otherwise."""

    def __init__(self, stream: TextIO, language: str) -> None:
        self.stream = stream
        self.language = language
        self.interactive = stream.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if not total:
            return
        if self.interactive:
            end = "\n" if done == total else ""
            print(f"\r{self._progress(done, total)}", end=end, file=self.stream, flush=True)
            return
        tenth = done * 10 // total
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            print(self._progress(done, total), file=self.stream, flush=True)

    def _progress(self, done: int, total: int) -> str:
        return Message("photos {done}/{total}", done=done, total=total).text(self.language)


def run_docx_import(args: argparse.Namespace) -> int:
    """Import ``args.report`` (a .docx) into ``args.db``; warnings on stderr, the new id on stdout."""
    language = ui_language()
    recognised = recognise_docx(args.report)
    with ReportStore.open(args.db, create=True) as store:
        outcome = save_docx(store, recognised, progress=ConsoleProgress(sys.stderr, language))
    for warning in outcome.warnings:
        print(warning.message(language), file=sys.stderr)
    print(Message("imported report {report_id} ({measures} measures, {photos} photos) into {path}",
                  report_id=str(outcome.report_id), measures=len(recognised.result.report.measures),
                  photos=outcome.photos_stored, path=args.db).text(language))
    return 0
