"""File operations: new, open, recent, new fiscal year, import text or Word, export JSON or Word, print and PDF."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ita_desktop.errors import UserError
from ita_desktop.i18n import _, current_language
from ita_desktop.messages import Message
from ita_desktop.model import Report
from ita_desktop.ui.autosave import WRITE_ERRORS, describe_write_error
from ita_desktop.ui.file_dialogs import ask_open, ask_save, clerk_folder

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
        return clerk_folder(document.path if document else None)

    def new_report(self, path: str | None = None) -> bool:
        if path is None:
            path = ask_save(self.window, _("New report"), self._folder(), ita_filter())
            if not path:
                return False
        if not path.lower().endswith(".ita"):  # Windows names are case-blind: "X.ITA" is one
            path += ".ita"
        if Path(path).exists():
            QMessageBox.warning(self.window, _("New report"), _("That file already exists; open it instead."))
            return False
        from ita_desktop.ui.document import ReportDocument

        try:
            from ita_desktop.model.thai_date import fiscal_year_of  # Babel: not at start-up

            document = ReportDocument.create(path, Report(fiscal_year=fiscal_year_of(datetime.date.today())))
        except WRITE_ERRORS as error:
            self._error(error)
            return False
        self.window.set_document(document)
        return True

    def open(self, path: str | None = None) -> bool:
        if path is None:
            path = ask_open(self.window, _("Open report"), self._folder(), ita_filter())
            if not path:
                return False
        return self.window.open_path(path)

    def new_fiscal_year(self) -> None:
        self.window.report_menu.next_year()

    def _import_target(self) -> str | None:
        """Ask where an import goes: "new" (a file of its own, the default) or "this" file; None: cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, _("Import"),
                          _("Put the imported report in a new file, or add it to this file ({name}) beside "
                            "its other reports?").format(name=self.window.document.path.name),
                          QMessageBox.StandardButton.Cancel, self.window)
        new = box.addButton(_("&New file…"), QMessageBox.ButtonRole.AcceptRole)
        this = box.addButton(_("&This file"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(new)
        box.exec()
        return {new: "new", this: "this"}.get(box.clickedButton())

    def import_text(self, path: str | None = None, into: str | None = None, new_file: str | None = None) -> bool:
        """Import a text or Word report ``into`` "new" file (``new_file``, else asked) or "this" one (else asked)."""
        document = self.window.document
        if document is None:
            return False
        if path is None:
            kinds = _("Text or Word") + " (*.txt *.docx *.odt *.doc)"
            path = ask_open(self.window, _("Import a text or Word report"), self._folder(), kinds)
            if not path:
                return False
        into = into or self._import_target()
        if into is None:
            return False
        if into == "this":
            return self._import_here(path)
        if new_file is None:
            suggested = str(Path(self._folder()) / (Path(path).stem + ".ita"))
            new_file = ask_save(self.window, _("New file for the import"), suggested, ita_filter())
            if not new_file:
                return False
        previous = document.path
        if not self.new_report(new_file):
            return False
        placeholder = self.window.document.report_id
        if self._import_here(path):
            self.window.document.discard_report(placeholder)
            return True
        # Nothing came in: back to the file the clerk was in, without the empty new one.
        created = self.window.document.path
        if self.window.open_path(previous):
            self.window.document.remove_new_file(created)
        return False

    def _import_here(self, path: str) -> bool:
        from ita_desktop.importing.word_formats import is_word_file

        if is_word_file(path):  # .docx, .odt (and a .doc, refused with how to save it as .docx)
            return self.import_word(path)
        from ita_desktop.importing.report_import import recognise_file

        document = self.window.document
        document.flush()
        try:
            result = recognise_file(path)
            new_id = document.import_recognised(result)
        except (UserError, *WRITE_ERRORS) as error:
            self._error(error)
            return False
        document.switch_report(new_id)
        if result.warnings:
            lines = [w.message(current_language()) for w in result.warnings[:20]]
            QMessageBox.information(self.window, _("Import text"),
                                    Message.plural("Imported with {count} warning:", "Imported with {count} warnings:",
                                                   len(result.warnings)).text()
                                    + "\n" + "\n".join(lines))
        return True

    def export_json(self, path: str | None = None) -> None:
        document = self.window.document
        if document is None:
            return
        if path is None:
            suggested = str(Path(self._folder()) / (document.path.stem + ".json"))
            path = ask_save(self.window, _("Export JSON"), suggested, "JSON (*.json)")
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

    def import_word(self, path: str) -> bool:
        """A Word report (with its photos) as a new report of this file, with a cancellable progress dialog."""
        from ita_desktop.importing.docx_import import ImportCancelled
        from ita_desktop.ui.word_import import import_word_file

        document = self.window.document
        if not document.flush():
            return False
        outcome, error = import_word_file(self.window, path, document.open_worker_store)
        # After a cancel the half-imported report is already gone.
        if not self._job_succeeded(error, ImportCancelled, _("Import cancelled")):
            return False
        document.switch_report(outcome.report_id)
        if outcome.warnings:
            lines = [w.message(current_language()) for w in outcome.warnings[:20]]
            QMessageBox.information(self.window, _("Import Word"),
                                    Message.plural("Imported with {count} warning:", "Imported with {count} warnings:",
                                                   len(outcome.warnings)).text()
                                    + "\n" + "\n".join(lines))
        return True

    def export_word(self, path: str | None = None) -> None:
        """The report as an editable Word document (photos at print size), written on a worker thread."""
        document = self.window.document
        if document is None:
            return
        if path is None:
            suggested = str(Path(self._folder()) / (document.path.stem + ".docx"))
            path = ask_save(self.window, _("Export Word"), suggested, "Word (*.docx)")
            if not path:
                return
        from ita_desktop.ui.word_export import ExportCancelled, export_word_file

        if not document.flush():  # the worker reads the photos from the file: it must hold every edit
            return
        _written, error = export_word_file(self.window, document.open_reader, document.report, path)
        if not self._job_succeeded(error, ExportCancelled, _("Export cancelled")):
            return
        self.window.statusBar().showMessage(_("Exported {path}").format(path=path), 8000)

    # Printing belongs to ui/print_preview.py; these only hand over the document. The clerk who
    # prints has finished with the pre-print check: its window, which stays above the editor, would
    # otherwise come back over the file dialog and the progress as each of them closes.
    def print_preview(self) -> None:
        from ita_desktop.ui.print_preview import show_print_preview

        if self.window.document is not None:
            self.close_checks()
            show_print_preview(self.window, self.window.document)

    def print(self) -> None:
        from ita_desktop.ui.print_preview import print_report

        if self.window.document is not None:
            self.close_checks()
            print_report(self.window, self.window.document)

    def export_pdf(self) -> None:
        from ita_desktop.ui.print_preview import export_pdf

        if self.window.document is not None:
            self.close_checks()
            written = export_pdf(self.window, self.window.document)
            if written is not None:  # as after a Word export: the clerk sees where the PDF went
                self.window.statusBar().showMessage(_("Exported {path}").format(path=written), 8000)

    def close_checks(self) -> None:
        """Close the open pre-print checks: printing starts, or another file replaces theirs."""
        from ita_desktop.ui.preprint_dialog import close_checks  # the check's module: not needed at start-up

        close_checks(self.window)

    def preprint_check(self) -> None:
        from ita_desktop.ui.preprint_dialog import PreprintDialog, show_preprint_check

        if self.window.document is None or self.window.editor is None:
            return
        # Only the open file's: opening another closes its checks (close_checks).
        open_checks = [dialog for dialog in self.window.findChildren(PreprintDialog) if dialog.isVisible()]
        if open_checks:  # F7 again: the same window, checked again, in front (not a second one)
            open_checks[0].refresh()
            open_checks[0].raise_()
            open_checks[0].activateWindow()
        else:
            show_preprint_check(self.window, self.window.document, self.window.jump_to)
