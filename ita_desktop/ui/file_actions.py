"""File operations: new, open, recent, new fiscal year, import text or Word, export JSON or Word, print and PDF."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ita_desktop.errors import UserError
from ita_desktop.i18n import _, current_language
from ita_desktop.messages import Message
from ita_desktop.model import Report
from ita_desktop.model.new_year import next_fiscal_year
from ita_desktop.ui.autosave import WRITE_ERRORS, describe_write_error

if TYPE_CHECKING:
    from ita_desktop.ui.main_window import MainWindow



def ita_filter() -> str:
    """The file dialogs' filter for report files, in the UI language."""
    return _("ITA report") + " (*.ita)"


class FileOperations:
    """What the File menu does."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _error(self, error: BaseException) -> None:
        text = error.message(current_language()) if isinstance(error, UserError) else describe_write_error(error)
        QMessageBox.warning(self.window, _("ITA Desktop"), text)

    def _job_succeeded(self, error: BaseException | None, cancelled: type[BaseException], cancelled_text: str) -> bool:
        """After a worker job: a cancel goes to the status bar, a foreseen error to a message box."""
        if error is None:
            return True
        if isinstance(error, cancelled):
            self.window.statusBar().showMessage(cancelled_text, 8000)
        elif isinstance(error, (UserError, *WRITE_ERRORS)):
            self._error(error)
        else:
            raise error
        return False

    def _folder(self) -> str:
        document = self.window.document
        return str(document.path.parent) if document else str(Path.home())

    def new_report(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self.window, _("New report"), self._folder(), ita_filter())
            if not path:
                return
        if not path.lower().endswith(".ita"):  # Windows names are case-blind: "X.ITA" is one
            path += ".ita"
        if Path(path).exists():
            QMessageBox.warning(self.window, _("New report"), _("That file already exists; open it instead."))
            return
        from ita_desktop.ui.document import ReportDocument

        try:
            from ita_desktop.model.thai_date import fiscal_year_of  # Babel: not at start-up

            document = ReportDocument.create(path, Report(fiscal_year=fiscal_year_of(datetime.date.today())))
        except WRITE_ERRORS as error:
            return self._error(error)
        self.window.set_document(document)

    def open(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self.window, _("Open report"), self._folder(), ita_filter())
            if not path:
                return False
        return self.window.open_path(path)

    def new_fiscal_year(self) -> None:
        document = self.window.document
        if document is None:
            return
        try:
            new_id = document.add_report(next_fiscal_year(document.report))
        except WRITE_ERRORS as error:
            return self._error(error)
        document.switch_report(new_id)
        self.window.statusBar().showMessage(
            Message("Fiscal year {year} created from the previous report.", year=document.report.fiscal_year).text(),
            8000)

    def import_text(self, path: str | None = None) -> None:
        document = self.window.document
        if document is None:
            return
        if path is None:
            kinds = _("Text or Word") + " (*.txt *.docx *.odt *.doc)"
            path, _filter = QFileDialog.getOpenFileName(self.window, _("Import a text or Word report"),
                                                        self._folder(), kinds)
            if not path:
                return
        from ita_desktop.importing.word_formats import is_word_file

        if is_word_file(path):  # .docx, .odt (and a .doc, refused with how to save it as .docx)
            return self.import_word(path)
        from ita_desktop.importing.report_import import recognise_file

        document.flush()
        try:
            result = recognise_file(path)
            new_id = document.import_recognised(result)
        except (UserError, *WRITE_ERRORS) as error:
            return self._error(error)
        document.switch_report(new_id)
        if result.warnings:
            lines = [w.message(current_language()) for w in result.warnings[:20]]
            QMessageBox.information(self.window, _("Import text"),
                                    Message.plural("Imported with {count} warning:", "Imported with {count} warnings:",
                                                   len(result.warnings)).text()
                                    + "\n" + "\n".join(lines))

    def export_json(self, path: str | None = None) -> None:
        document = self.window.document
        if document is None:
            return
        if path is None:
            suggested = str(document.path.with_suffix(".json"))
            path, _filter = QFileDialog.getSaveFileName(self.window, _("Export JSON"), suggested, "JSON (*.json)")
            if not path:
                return
        from ita_desktop.atomic_file import write_atomically
        from ita_desktop.exporting.json_export import reports_to_json

        document.flush()
        try:  # the same file as ``ita-desktop export --format json``
            write_atomically(reports_to_json([document.report]).encode("utf-8"), Path(path))
        except (OSError, UserError) as error:
            return self._error(error)
        self.window.statusBar().showMessage(_("Exported {path}").format(path=path), 8000)

    def import_word(self, path: str) -> None:
        """A Word report (with its photos) as a new report of this file, with a cancellable progress dialog."""
        from ita_desktop.importing.docx_import import ImportCancelled
        from ita_desktop.ui.word_import import import_word_file

        document = self.window.document
        if not document.flush():
            return
        outcome, error = import_word_file(self.window, path, document.open_worker_store)
        # After a cancel the half-imported report is already gone.
        if not self._job_succeeded(error, ImportCancelled, _("Import cancelled")):
            return
        document.switch_report(outcome.report_id)
        if outcome.warnings:
            lines = [w.message(current_language()) for w in outcome.warnings[:20]]
            QMessageBox.information(self.window, _("Import Word"),
                                    Message.plural("Imported with {count} warning:", "Imported with {count} warnings:",
                                                   len(outcome.warnings)).text()
                                    + "\n" + "\n".join(lines))

    def export_word(self, path: str | None = None) -> None:
        """The report as an editable Word document (photos at print size), written on a worker thread."""
        document = self.window.document
        if document is None:
            return
        if path is None:
            suggested = str(document.path.with_suffix(".docx"))
            path, _filter = QFileDialog.getSaveFileName(self.window, _("Export Word"), suggested, "Word (*.docx)")
            if not path:
                return
        from ita_desktop.ui.word_export import ExportCancelled, export_word_file

        if not document.flush():  # the worker reads the photos from the file: it must hold every edit
            return
        _written, error = export_word_file(self.window, document.path, document.report, path)
        if not self._job_succeeded(error, ExportCancelled, _("Export cancelled")):
            return
        self.window.statusBar().showMessage(_("Exported {path}").format(path=path), 8000)

    # Printing belongs to ui/print_preview.py; these only hand over the document.
    def print_preview(self) -> None:
        from ita_desktop.ui.print_preview import show_print_preview

        if self.window.document is not None:
            show_print_preview(self.window, self.window.document)

    def print(self) -> None:
        from ita_desktop.ui.print_preview import print_report

        if self.window.document is not None:
            print_report(self.window, self.window.document)

    def export_pdf(self) -> None:
        from ita_desktop.ui.print_preview import export_pdf

        if self.window.document is not None:
            export_pdf(self.window, self.window.document)

    def preprint_check(self) -> None:
        from ita_desktop.ui.preprint_dialog import show_preprint_check

        if self.window.document is not None and self.window.editor is not None:
            show_preprint_check(self.window, self.window.document, self.window.jump_to)
