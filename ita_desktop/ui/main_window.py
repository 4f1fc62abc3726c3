"""The main window: menus, toolbar and status bar around the editor of the open report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QMessageBox, QToolBar, QWidget

from ita_desktop.errors import UserError
from ita_desktop.i18n import _, current_language
from ita_desktop.messages import Message
from ita_desktop.model import numbering as num
from ita_desktop.ui.backup_dialog import WindowReliability
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.edit_actions import EditOperations
from ita_desktop.ui.edit_icons import apply_edit_icons
from ita_desktop.ui.editor_view import EditorView
from ita_desktop.ui.file_actions import FileOperations
from ita_desktop.ui.find_replace import FindReplacePanel
from ita_desktop.ui.menus import build_menus
from ita_desktop.ui.report_menu import ReportMenu
from ita_desktop.ui.screen_fit import ScreenPlacement
from ita_desktop.ui.settings import AppSettings
from ita_desktop.ui.warm_up import warm_up_in_background
from ita_desktop.ui.zoom import EditorZoom

if TYPE_CHECKING:
    from ita_desktop.ui.help_browser import HelpWindow

WARM_UP_AFTER_MS = 100
PREFERRED_SIZE = QSize(1280, 860)  # on a larger screen; smaller screens get what fits (ui/screen_fit.py)


def saved_message(when: datetime, language: str) -> str:
    """"Saved at 14:03:12", or "บันทึกแล้ว ๑๔:๐๓:๑๒" in Thai."""
    return Message("Saved at {time}", time=when.time()).text(language)


class MainWindow(QMainWindow):
    """One window, one open report."""

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or AppSettings()
        self.document: ReportDocument | None = None
        self.editor: EditorView | None = None
        self.edit_ops = EditOperations(self)
        self.file_ops = FileOperations(self)
        self.save_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.save_label)
        self._last_saved: datetime | None = None
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.addToolBar(self.toolbar)
        self.zoom = EditorZoom(self.settings, self)
        self.zoom.changed.connect(self._zoom_changed)
        self.main_menu = build_menus(self)
        self.actions_by_name: dict[str, QAction] = self.main_menu.actions
        self.menus: dict[str, QMenu] = self.main_menu.menus
        self._find_replace: FindReplacePanel | None = None
        self._manual: HelpWindow | None = None
        self.report_menu = ReportMenu(self)
        apply_edit_icons(self.actions_by_name, self.palette().color(QPalette.ColorRole.WindowText))
        self.reliability = WindowReliability(self)  # read-only banner, File → Restore backup…
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)  # not stuck to the left edge
        self.placeholder.setWordWrap(True)
        self.setCentralWidget(self.placeholder)
        # The size last used on this screen, else one that fits it (a 1366 x 768 laptop shows the status bar).
        self.placement = ScreenPlacement(self.settings, "window/placements", PREFERRED_SIZE)
        self.placement.apply(self)
        from ita_desktop.ui.qt_translation import language_notifier

        # Kept so closing disconnects exactly these, once (a second close must not warn).
        self._app_connections = [
            QApplication.instance().focusChanged.connect(self._focus_changed),
            language_notifier().languageChanged.connect(self._language_changed),
        ]
        self.retranslate()

    # -- the open document ----------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        try:
            document = ReportDocument.open(path)
        except UserError as error:
            self.warn(_("Open report"), error.message(current_language()))
            return False
        return self.set_document(document)

    def warn(self, title: str, text: str) -> None:
        """A warning the clerk must acknowledge (the smoke run replaces it: nobody is there to click OK).

        Before the window is up (a file given at start-up that cannot be opened) it waits for the window,
        so that it comes up over it instead of behind it.
        """
        if self.isVisible():
            QMessageBox.warning(self, title, text)
        else:
            QTimer.singleShot(0, self, lambda: QMessageBox.warning(self, title, text))

    def set_document(self, document: ReportDocument) -> bool:
        """Show ``document`` instead of the open one; False (the open one kept, ``document`` closed) when the
        open one's last changes cannot be written: a document is never dropped with edits not on disk."""
        if self.document is not None:
            self._save_view_settings()
            if not self.document.close():
                document.close()
                self.warn(_("Open report"), _("The last changes to {path} could not be written to the file, so it "
                                              "stays open. Check the disk or USB drive, then try again.").format(
                    path=self.document.path))
                return False
            self.file_ops.close_checks()  # they list the file just closed
        self.document = document
        document.saved.connect(self._saved)
        document.saveFailed.connect(self._save_failed)
        document.reloaded.connect(self._update_title)
        document.reportChanged.connect(self._update_title)
        document.noticesChanged.connect(self._document_notices_changed)
        document.reportsChanged.connect(self.report_menu.update_enabled)
        document.reloaded.connect(self.report_menu.update_enabled)
        editor = EditorView(document, self)
        editor.switcher.add_buttons(self.report_menu.button_actions())
        splitter = self.settings.get("window/splitter")
        if not splitter.isEmpty():
            editor.restoreState(splitter)
        # Taken out first: setCentralWidget() deletes the widget it replaces, and the start-up
        # placeholder must outlive the first report (retranslate() still sets its text).
        old = self.takeCentralWidget()
        self.setCentralWidget(editor)
        if old is self.placeholder:  # takeCentralWidget() left it parentless: a window of its own
            old.hide()
            old.setParent(self)
        elif old is not None:
            old.deleteLater()
        self.editor = editor
        self.zoom.attach(editor.forms)
        editor.pageBuilt.connect(self.zoom.watch)
        self.settings.add_recent(document.path)
        self.rebuild_recent_menu()
        self.main_menu.bind_undo_stack(document.undo_stack)
        self.report_menu.update_enabled()
        self._update_title()
        self.save_label.setText("")
        self.reliability.document_opened(document)
        return True

    def _document_notices_changed(self) -> None:
        # e.g. today's backup copy, taken in the background, failed: shown in the banner
        if self.document is not None:
            self.reliability.document_opened(self.document)

    def _zoom_changed(self, percent: int) -> None:
        self.statusBar().showMessage(Message("Zoom: {percent}%", percent=percent).text(), 2000)

    def find_replace(self) -> FindReplacePanel:
        """The Find and Replace panel (one per main window, made on first use)."""
        if self._find_replace is None:
            self._find_replace = FindReplacePanel(self)
        return self._find_replace

    def show_manual(self, widget: QWidget | None = None) -> HelpWindow:
        """The manual (F1) on the page for ``widget``, by default the one with the keyboard focus."""
        from ita_desktop.ui.help_browser import HelpWindow

        if self._manual is None:
            self._manual = HelpWindow(self)
        self._manual.open_for(widget if widget is not None else QApplication.focusWidget())
        return self._manual

    def jump_to(self, kind: str, row_id: int) -> None:
        """Select a node (from the pre-print check)."""
        if self.editor is not None:
            self.editor.select(kind, row_id)
            self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # After the first frame: the first save must not wait for the store's library to load.
        QTimer.singleShot(WARM_UP_AFTER_MS, self, warm_up_in_background)

    # -- saving ----------------------------------------------------------------------
    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        # Leaving a field ends its undo step and writes it now.
        if self.document is not None:
            self.document.end_typing()
            if self.document.has_unsaved_changes():
                QTimer.singleShot(0, self.document.flush)

    def _saved(self, when: datetime) -> None:
        self._last_saved = when
        self.save_label.setStyleSheet("")
        self.save_label.setText(saved_message(when, current_language()))

    def _save_failed(self, message: str) -> None:
        self.save_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.save_label.setText(_("NOT SAVED – retrying"))
        self.statusBar().showMessage(message + " " + _("Your text is kept; saving is retried."), 10000)

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle("ITA Desktop")
            return
        report = self.document.report
        year = num.digits(report.fiscal_year, report.thai_digits) if report.fiscal_year else ""
        name = " ".join(p for p in (report.agency, year) if p)
        self.setWindowTitle(f"{name} – {self.document.path.name} – ITA Desktop" if name
                            else f"{self.document.path.name} – ITA Desktop")

    # -- settings and closing ----------------------------------------------------------
    def _save_view_settings(self) -> None:
        self.placement.remember(self)
        if self.editor is not None:
            self.settings.set("window/splitter", self.editor.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._save_view_settings()
        if self.document is not None and not self.document.close():
            answer = QMessageBox.warning(
                self, _("ITA Desktop"),
                _("The last changes could not be written to the file. Close anyway and lose them?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._detach()
        event.accept()

    def _detach(self) -> None:
        """A closed window no longer listens to the application (focus, language) nor shows a closed file."""
        for connection in self._app_connections:
            QObject.disconnect(connection)
        self._app_connections = []
        if self.editor is not None:
            self.editor.setParent(None)
            self.editor.deleteLater()
            self.editor = None
        self.document = None

    # -- language ----------------------------------------------------------------------
    def switch_language(self, language: str) -> None:
        from ita_desktop.ui.qt_translation import language_notifier

        language_notifier().switch_language(language)
        self.settings.set("ui/language", language)

    def _language_changed(self, _language: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        from ita_desktop.ui.menus import retranslate_menus

        retranslate_menus(self)
        self.report_menu.retranslate()
        self.reliability.retranslate()
        self.placeholder.setText(_("Open a report file (Ctrl+O) or create a new one (Ctrl+N)."))
        if self.editor is not None:
            self.editor.retranslate()
        if self._find_replace is not None:
            self._find_replace.retranslate()
        if self._manual is not None:
            self._manual.retranslate()
        if self._last_saved is not None:
            self._saved(self._last_saved)
        self._update_title()

    def rebuild_recent_menu(self) -> None:
        from ita_desktop.ui.menus import fill_recent_menu

        fill_recent_menu(self)
