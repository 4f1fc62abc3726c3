"""The Report menu: show another report of the file, start next fiscal year, rename, delete, reorder."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QStyle

from ita_desktop.i18n import _, current_language
from ita_desktop.messages import Message
from ita_desktop.ui.report_list_model import report_line

if TYPE_CHECKING:
    from ita_desktop.ui.main_window import MainWindow

_ICONS = {"next_year": QStyle.StandardPixmap.SP_FileDialogNewFolder,
          "rename": QStyle.StandardPixmap.SP_FileDialogDetailedView,
          "delete": QStyle.StandardPixmap.SP_TrashIcon,
          "up": QStyle.StandardPixmap.SP_ArrowUp, "down": QStyle.StandardPixmap.SP_ArrowDown}


class ReportMenu:
    """The window's Report menu; its actions also sit as buttons under the report list."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.menu = QMenu(window)
        self.menu.setObjectName("reportMenu")
        self.actions: dict[str, QAction] = {}
        for name, icon in _ICONS.items():
            action = self.actions[name] = QAction(window)
            action.setObjectName(f"action_report_{name}")
            action.setIcon(window.style().standardIcon(icon))
        handlers = {"next_year": self.next_year, "rename": self.rename, "delete": self.delete,
                    "up": partial(self.move, -1), "down": partial(self.move, 1)}
        for name, handler in handlers.items():
            self.actions[name].triggered.connect(handler)
        self._switch_group = QActionGroup(window)
        self.menu.aboutToShow.connect(self.fill)
        bar = window.menuBar()
        menus = bar.actions()
        # Before the last menu (Help), whatever else the bar holds.
        bar.insertMenu(menus[-1], self.menu) if menus else bar.addMenu(self.menu)
        self.fill()

    def button_actions(self) -> list[QAction]:
        return [self.actions[name] for name in ("next_year", "rename", "delete", "up", "down")]

    def retranslate(self) -> None:
        self.menu.setTitle(_("&Report"))
        texts = {"next_year": _("&New fiscal year from this report"), "rename": _("&Rename report…"),
                 "delete": _("&Delete report"), "up": _("Move report &up"), "down": _("Move report do&wn")}
        for name, text in texts.items():
            self.actions[name].setText(text)
            self.actions[name].setToolTip(text.replace("&", "").rstrip("…"))
        self.fill()

    def fill(self) -> None:
        """The menu: one checkable entry per report of the file, then the actions."""
        self.menu.clear()
        for action in self._switch_group.actions():
            self._switch_group.removeAction(action)
        document = self.window.document
        reports = document.reports() if document is not None else []
        thai = current_language() == "th"
        for summary in reports:
            action = self.menu.addAction(report_line(summary, thai))
            action.setCheckable(True)
            action.setChecked(summary.id == document.report_id)
            self._switch_group.addAction(action)
            action.triggered.connect(partial(self.show_report, summary.id))
        if reports:
            self.menu.addSeparator()
        for action in self.button_actions():
            self.menu.addAction(action)
        self.update_enabled()

    def update_enabled(self) -> None:
        document = self.window.document
        ids = [r.id for r in document.reports()] if document is not None else []
        row = ids.index(document.report_id) if document is not None and document.report_id in ids else -1
        writable = document is not None and not document.read_only
        self.actions["next_year"].setEnabled(writable)
        self.actions["rename"].setEnabled(writable)
        self.actions["delete"].setEnabled(writable and len(ids) > 1)
        self.actions["up"].setEnabled(writable and row > 0)
        self.actions["down"].setEnabled(writable and 0 <= row < len(ids) - 1)

    # -- what the actions do (to the report shown) ---------------------------------------------
    def show_report(self, report_id: int) -> None:
        document = self.window.document
        if document is not None and report_id != document.report_id:
            document.switch_report(report_id)

    def next_year(self) -> None:
        document = self.window.document
        if document is None or document.duplicate_as_next_year(document.report_id) is None:
            return
        self.window.statusBar().showMessage(
            Message("Fiscal year {year} created from the previous report.",
                    year=document.report.fiscal_year).text(), 8000)

    def rename(self) -> None:
        document = self.window.document
        if document is None:
            return
        title, accepted = QInputDialog.getText(self.window, _("Rename report"), _("Report title:"),
                                               QLineEdit.EchoMode.Normal, document.report.title)
        if accepted:
            document.rename_report(document.report_id, title.strip())

    def delete(self) -> None:
        document = self.window.document
        if document is None:
            return
        line = report_line(next(r for r in document.reports() if r.id == document.report_id),
                           current_language() == "th")
        if document.delete_report(document.report_id):
            self.window.statusBar().showMessage(
                _("Deleted {report}. Undo (Ctrl+Z) brings it back.").format(report=line), 10000)

    def move(self, step: int) -> None:
        document = self.window.document
        if document is None:
            return
        ids = [r.id for r in document.reports()]
        document.move_report(document.report_id, ids.index(document.report_id) + step)
