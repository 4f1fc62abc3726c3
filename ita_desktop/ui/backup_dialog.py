"""File → Restore backup…: the copies of the open file (daily, before an upgrade, before a restore), newest
first; restoring one keeps a copy of the current content first, so a restore can be undone the same way."""

from __future__ import annotations

from collections.abc import Callable

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
from ita_desktop.i18n import current_language
from ita_desktop.store.backup import BackupCopy, list_backups, restore_into

# (English, Thai): these few strings live here rather than in the shared catalogue.
TEXTS = {
    "title": ("Restore a backup copy", "กู้คืนจากไฟล์สำรอง"),
    "intro": ("Backup copies of this report file, newest first. Restoring one replaces the file's content; "
              "the current content is kept as a new copy first.",
              "ไฟล์สำรองของไฟล์รายงานนี้ เรียงจากใหม่ไปเก่า การกู้คืนจะแทนที่เนื้อหาปัจจุบัน "
              "โดยจะเก็บเนื้อหาปัจจุบันเป็นไฟล์สำรองใหม่ก่อน"),
    "taken": ("Taken", "วันเวลา"), "kind": ("Kind", "ประเภท"), "size": ("Size", "ขนาด"),
    "daily": ("daily copy", "สำรองประจำวัน"), "migration": ("before an upgrade", "ก่อนปรับรุ่นไฟล์"),
    "restore": ("before a restore", "ก่อนการกู้คืน"),
    "restore_button": ("Restore", "กู้คืน"), "close": ("Close", "ปิด"),
    "confirm": ("Replace the report with the copy of {when}?", "แทนที่รายงานด้วยไฟล์สำรองของ {when} หรือไม่"),
    "none": ("There are no backup copies of this file yet.", "ยังไม่มีไฟล์สำรองของไฟล์นี้"),
    "read_only": ("The file is read-only: it cannot be restored here.", "ไฟล์เป็นแบบอ่านอย่างเดียว กู้คืนไม่ได้"),
}


def tr(key: str) -> str:
    english, thai = TEXTS[key]
    return thai if current_language() == "th" else english


def _ask(parent: QWidget, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(parent, tr("title"), question, buttons) == QMessageBox.StandardButton.Yes


class BackupDialog(QDialog):
    """Lists the backups of ``document``'s file and restores the chosen one into it."""

    restored = Signal(object)  # the BackupCopy restored

    def __init__(self, document, parent: QWidget | None = None,
                 confirm: Callable[[QWidget, str], bool] = _ask) -> None:
        super().__init__(parent)
        self.document = document
        self._confirm = confirm
        self.copies: list[BackupCopy] = list_backups(document.path)
        self.setWindowTitle(tr("title"))
        self.intro = QLabel(tr("intro") if self.copies else tr("none"))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.copies), 3, self)
        self.table.setHorizontalHeaderLabels([tr("taken"), tr("kind"), tr("size")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, copy in enumerate(self.copies):
            cells = (copy.taken.strftime("%Y-%m-%d %H:%M"), tr(copy.kind), f"{copy.size / 1_048_576:.1f} MB")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.copies:
            self.table.selectRow(0)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(tr("restore_button"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(tr("close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setEnabled(bool(self.copies) and not document.store.read_only)
        self.buttons.accepted.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
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
        if self.document.store.read_only:
            QMessageBox.warning(self, tr("title"), tr("read_only"))
            return False
        if not self._confirm(self, tr("confirm").format(when=copy.taken.strftime("%Y-%m-%d %H:%M"))):
            return False
        store = self.document.store
        try:
            if not self.document.flush():  # typing still unsaved is written first, so the safety copy has it
                return False
            restore_into(store.db.conn, store.path, copy.path)
        except UserError as error:
            QMessageBox.warning(self, tr("title"), error.message(current_language()))
            return False
        reports = [summary.id for summary in store.list_reports()]
        report_id = self.document.report_id if self.document.report_id in reports else (reports or [None])[0]
        if report_id is not None:
            self.document.switch_report(report_id)
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
        self.restore_action = QAction(tr("title") + "…", window)
        self.restore_action.setObjectName("action_restore_backup")
        self.restore_action.triggered.connect(self.open_dialog)
        self.restore_action.setEnabled(False)
        window.menus["file"].insertAction(window.actions_by_name["quit"], self.restore_action)

    def document_opened(self, document) -> None:
        notices = list(getattr(document.store, "notices", ()))
        self.banner.show_notices(notices)
        self.banner_bar.setVisible(bool(notices))
        self.restore_action.setEnabled(True)

    def retranslate(self) -> None:
        self.restore_action.setText(tr("title") + "…")
        self.banner.retranslate()

    def open_dialog(self) -> BackupDialog | None:
        document = getattr(self.window, "document", None)
        if document is None:
            return None
        dialog = BackupDialog(document, self.window)
        dialog.open()
        return dialog
