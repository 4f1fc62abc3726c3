"""File → Restore backup…: the copies of the open file (daily, before an upgrade, before a restore), newest
first; restoring one keeps a copy of the current content first, so a restore can be undone the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.errors import UserError
from ita_desktop.i18n import _, current_language
from ita_desktop.messages import N_, Message

if TYPE_CHECKING:
    from ita_desktop.store.backup_copies import BackupCopy

TITLE = N_("Restore a backup copy")
KINDS = {"daily": N_("daily copy"), "migration": N_("before an upgrade"), "restore": N_("before a restore")}


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"


def _ask(parent: QWidget, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(parent, _(TITLE), question, buttons) == QMessageBox.StandardButton.Yes


class BackupDialog(QDialog):
    """Lists the backups of ``document``'s file and restores the chosen one into it."""

    restored = Signal(object)  # the BackupCopy restored

    def __init__(self, document, parent: QWidget | None = None,
                 confirm: Callable[[QWidget, str], bool] = _ask) -> None:
        super().__init__(parent)
        self.document = document
        self._confirm = confirm
        self.copies = document.backup_copies()
        self.setWindowTitle(_(TITLE))
        self.intro = QLabel(_("Backup copies of this report file, newest first. Restoring one replaces the file's "
                              "content; the current content is kept as a new copy first.") if self.copies
                            else _("There are no backup copies of this file yet."))
        self.intro.setWordWrap(True)
        # Copies take room (a report with photos is hundreds of MB): say how much, beside the file and in
        # the data folder; only the newest few of each kind are kept.
        taken = _megabytes(sum(copy.size for copy in self.copies))
        self.total = QLabel(Message("Backup copies: {count}, {size} in all.", count=len(self.copies),
                                    size=taken).text())
        self.total.setObjectName("backupTotalSize")
        self.table = QTableWidget(len(self.copies), 3, self)
        self.table.setHorizontalHeaderLabels([_("Taken"), _("Kind"), _("Size")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, copy in enumerate(self.copies):
            cells = (copy.taken.strftime("%Y-%m-%d %H:%M"), _(KINDS[copy.kind]), _megabytes(copy.size))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.copies:
            self.table.selectRow(0)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(_("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setEnabled(bool(self.copies) and not document.read_only)
        self.buttons.accepted.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.total)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def selected(self) -> BackupCopy | None:
        rows = self.table.selectionModel().selectedRows()
        return self.copies[rows[0].row()] if rows else None

    def restore_selected(self) -> bool:
        """Restore the selected copy after asking; the document then shows the restored content."""
        copy = self.selected()
        if copy is None:
            return False
        if self.document.read_only:
            QMessageBox.warning(self, _(TITLE), _("The file is read-only: it cannot be restored here."))
            return False
        question = _("Replace the report with the copy of {when}?").format(when=copy.taken.strftime("%Y-%m-%d %H:%M"))
        if not self._confirm(self, question):
            return False
        try:
            if not self.document.restore_backup(copy.path):  # typing not yet on disk could not be written
                return False
        except UserError as error:
            QMessageBox.warning(self, _(TITLE), error.message(current_language()))
            return False
        self.restored.emit(copy)
        self.accept()
        return True


class WindowReliability:
    """Adds the read-only banner and File → Restore backup… to a main window.

    The window calls :meth:`document_opened` whenever it shows a new document.
    """

    def __init__(self, window) -> None:
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QToolBar

        from ita_desktop.ui.readonly_banner import ReadOnlyBanner

        self.window = window
        self.banner = ReadOnlyBanner(window)
        self.banner_bar = QToolBar(window)
        self.banner_bar.setObjectName("readOnlyBannerBar")
        self.banner_bar.setMovable(False)
        self.banner_bar.addWidget(self.banner)
        window.addToolBarBreak()
        window.addToolBar(self.banner_bar)
        self.banner_bar.hide()
        self.restore_action = QAction(_(TITLE) + "…", window)
        self.restore_action.setObjectName("action_restore_backup")
        self.restore_action.triggered.connect(self.open_dialog)
        self.restore_action.setEnabled(False)
        window.menus["file"].insertAction(window.actions_by_name["quit"], self.restore_action)

    def document_opened(self, document) -> None:
        notices = list(document.notices)
        self.banner.show_notices(notices)
        self.banner_bar.setVisible(bool(notices))
        self.restore_action.setEnabled(True)

    def retranslate(self) -> None:
        self.restore_action.setText(_(TITLE) + "…")
        self.banner.retranslate()

    def open_dialog(self) -> BackupDialog | None:
        document = getattr(self.window, "document", None)
        if document is None:
            return None
        dialog = BackupDialog(document, self.window)
        dialog.open()
        return dialog
