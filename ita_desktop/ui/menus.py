"""Menus, toolbar and shortcuts of the main window (names in one table, texts set in retranslate)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle

from ita_desktop import __version__
from ita_desktop.i18n import LANGUAGE_NAMES, _, current_language

if TYPE_CHECKING:
    from ita_desktop.ui.main_window import MainWindow

# name → (shortcuts, standard icon or None)
_ACTIONS: dict[str, tuple[tuple[str, ...], QStyle.StandardPixmap | None]] = {
    "new": (("Ctrl+N",), QStyle.StandardPixmap.SP_FileIcon),
    "open": (("Ctrl+O",), QStyle.StandardPixmap.SP_DialogOpenButton),
    "new_year": ((), None),
    "import_text": ((), None),
    "export_json": ((), None),
    "export_docx": ((), None),
    "export_pdf": (("Ctrl+Shift+E",), None),
    "preview": (("Ctrl+Shift+P",), QStyle.StandardPixmap.SP_FileDialogContentsView),
    "print": (("Ctrl+P",), None),
    "check": (("F7",), QStyle.StandardPixmap.SP_DialogApplyButton),
    "quit": (("Ctrl+Q",), None),
    "undo": (("Ctrl+Z",), QStyle.StandardPixmap.SP_ArrowBack),
    "redo": (("Ctrl+Shift+Z", "Ctrl+Y"), QStyle.StandardPixmap.SP_ArrowForward),
    "add_measure": (("Ctrl+M",), QStyle.StandardPixmap.SP_FileDialogNewFolder),
    "add_group": ((), None),
    "add_section": ((), None),
    "duplicate": (("Ctrl+D",), None),
    "delete": (("Del",), QStyle.StandardPixmap.SP_TrashIcon),
    "move_up": (("Alt+Up",), QStyle.StandardPixmap.SP_ArrowUp),
    "move_down": (("Alt+Down",), QStyle.StandardPixmap.SP_ArrowDown),
    "find": (("Ctrl+F",), None),
    "replace": (("Ctrl+H",), None),
    "find_next": (("F3",), None),
    "find_previous": (("Shift+F3",), None),
    "filter_tree": (("Ctrl+Shift+F",), None),
    "catalogue": ((), None),
    "zoom_in": (("Ctrl++", "Ctrl+="), None),
    "zoom_out": (("Ctrl+-",), None),
    "zoom_reset": (("Ctrl+0",), None),
    "lang_th": ((), None),
    "lang_en": ((), None),
    "manual": (("F1",), QStyle.StandardPixmap.SP_DialogHelpButton),
    "about": ((), None),
}


def _texts() -> dict[str, str]:
    return {
        "new": _("&New report…"), "open": _("&Open…"), "new_year": _("New &fiscal year from this report"),
        "import_text": _("&Import text or Word…"), "export_json": _("Export &JSON…"), "export_pdf": _("&Export PDF…"),
        "export_docx": _("Export &Word…"),
        "preview": _("Print pre&view…"), "print": _("&Print…"), "check": _("Pre-print &check…"),
        "quit": _("&Quit"), "undo": _("&Undo"), "redo": _("&Redo"), "add_measure": _("Add &measure"),
        "add_group": _("Add &group"), "add_section": _("Add &section"), "duplicate": _("Du&plicate measure"),
        "delete": _("&Delete"), "move_up": _("M&ove up"), "move_down": _("Move do&wn"), "find": _("&Find…"),
        "replace": _("R&eplace…"), "find_next": _("Find &next"), "find_previous": _("Find pre&vious"),
        "filter_tree": _("Filter the &tree"),
        "catalogue": _("Item &catalogue…"), "zoom_in": _("Zoom &in"), "zoom_out": _("Zoom &out"),
        "zoom_reset": _("&Normal size"), "lang_th": LANGUAGE_NAMES["th"], "lang_en": LANGUAGE_NAMES["en"],
        "manual": _("User &manual"),
        "about": _("&About"),
    }


class MenuBar:
    """The window's actions by name, its menus by name, and the undo group the Undo/Redo actions follow."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.actions = _make_actions(window)
        self.undo_group = QUndoGroup(window)
        self._connect(window)
        self.menus = {key: QMenu(window) for key in ("file", "recent", "edit", "view", "language", "help")}
        self._fill(window)

    def bind_undo_stack(self, stack: QUndoStack) -> None:
        """Make the document's stack the one Undo and Redo act on."""
        for old in self.undo_group.stacks():
            self.undo_group.removeStack(old)
        self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)

    def _connect(self, window: MainWindow) -> None:
        actions, files, edits = self.actions, window.file_ops, window.edit_ops
        handlers = {
            "new": lambda: files.new_report(), "open": lambda: files.open(), "new_year": files.new_fiscal_year,
            "import_text": lambda: files.import_text(), "export_json": lambda: files.export_json(),
            "export_docx": lambda: files.export_word(),
            "export_pdf": files.export_pdf, "preview": files.print_preview, "print": files.print,
            "check": files.preprint_check, "quit": window.close, "add_measure": edits.add_measure,
            "add_group": edits.add_group, "add_section": edits.add_section, "duplicate": edits.duplicate,
            "delete": lambda: edits.delete(), "move_up": partial(edits.move, -1),
            "move_down": partial(edits.move, 1), "find": lambda: window.find_replace().open_for(replace=False),
            "replace": lambda: window.find_replace().open_for(replace=True),
            "find_next": lambda: window.find_replace().find_next(),
            "find_previous": lambda: window.find_replace().find_previous(),
            "filter_tree": lambda: _focus_search(window), "catalogue": lambda: _open_catalogue(window),
            "zoom_in": window.zoom.zoom_in, "zoom_out": window.zoom.zoom_out, "zoom_reset": window.zoom.reset,
            "lang_th": partial(window.switch_language, "th"), "lang_en": partial(window.switch_language, "en"),
            "manual": lambda: window.show_manual(), "about": lambda: _about(window),
        }
        for name, handler in handlers.items():
            actions[name].triggered.connect(handler)
        group = self.undo_group
        actions["undo"].triggered.connect(group.undo)
        actions["redo"].triggered.connect(group.redo)
        group.canUndoChanged.connect(actions["undo"].setEnabled)
        group.canRedoChanged.connect(actions["redo"].setEnabled)
        group.undoTextChanged.connect(lambda text: actions["undo"].setToolTip(text))
        group.redoTextChanged.connect(lambda text: actions["redo"].setToolTip(text))
        actions["undo"].setEnabled(False)
        actions["redo"].setEnabled(False)
        languages = QActionGroup(window)
        for name in ("lang_th", "lang_en"):
            actions[name].setCheckable(True)
            languages.addAction(actions[name])

    def _fill(self, window: MainWindow) -> None:
        actions, m, bar = self.actions, self.menus, window.menuBar()
        bar.addMenu(m["file"])
        for name in ("new", "open"):
            m["file"].addAction(actions[name])
        m["file"].addMenu(m["recent"])
        _add(m["file"], actions, (None, "new_year", None, "import_text", "export_json", "export_docx", None, "check",
                                  "preview", "print", "export_pdf", None, "quit"))
        bar.addMenu(m["edit"])
        _add(m["edit"], actions, ("undo", "redo", None, "add_measure", "add_group", "add_section", "duplicate",
                                  "delete", None, "move_up", "move_down", None, "find", "replace", "find_next",
                                  "find_previous", "filter_tree", None, "catalogue"))
        bar.addMenu(m["view"])
        _add(m["view"], actions, ("zoom_in", "zoom_out", "zoom_reset", None))
        m["view"].addMenu(m["language"])
        _add(m["language"], actions, ("lang_th", "lang_en"))
        bar.addMenu(m["help"])
        _add(m["help"], actions, ("manual", None, "about"))
        # F1 also in the windows beside this one (Find, the manual itself): each has its page.
        actions["manual"].setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        _add(window.toolbar, actions, ("new", "open", None, "undo", "redo", None, "add_measure", "delete", "move_up",
                                       "move_down", None, "check", "preview"))


def _make_actions(window: MainWindow) -> dict[str, QAction]:
    style = window.style()
    actions: dict[str, QAction] = {}
    for name, (keys, icon) in _ACTIONS.items():
        action = QAction(window)
        action.setObjectName(f"action_{name}")
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        if icon is not None:
            action.setIcon(style.standardIcon(icon))
        actions[name] = action
    return actions


def _add(menu, actions: dict[str, QAction], names) -> None:
    """Add the named actions to a menu or toolbar; None is a separator."""
    for name in names:
        menu.addSeparator() if name is None else menu.addAction(actions[name])


def build_menus(window: MainWindow) -> MenuBar:
    """The window's menus, toolbar and shortcuts."""
    return MenuBar(window)


def retranslate_menus(window: MainWindow) -> None:
    texts = _texts()
    for name, action in window.actions_by_name.items():
        action.setText(texts[name])
    titles = {"file": _("&File"), "recent": _("Open &recent"), "edit": _("&Edit"), "view": _("&View"),
              "language": _("&Language"), "help": _("&Help")}
    for key, menu in window.menus.items():
        menu.setTitle(titles[key])
    window.toolbar.setWindowTitle(_("Toolbar"))
    window.actions_by_name["lang_th" if current_language() == "th" else "lang_en"].setChecked(True)
    fill_recent_menu(window)


def fill_recent_menu(window: MainWindow) -> None:
    menu = window.menus["recent"]
    menu.clear()
    recent = window.settings.get("files/recent")
    for path in recent:
        action = menu.addAction(Path(path).name)
        action.setToolTip(path)
        action.triggered.connect(partial(window.file_ops.open, path))
    menu.setEnabled(bool(recent))


def _focus_search(window: MainWindow) -> None:
    if window.editor is not None:
        window.editor.search.setFocus()
        window.editor.search.selectAll()


def _open_catalogue(window: MainWindow) -> None:
    from ita_desktop.ui.catalogue_dialog import CatalogueDialog

    if window.document is not None:
        dialog = CatalogueDialog(window.document, window)
        if dialog.exec() and window.editor is not None:
            window.editor.measure_form.refresh_catalogue()


def _about(window: MainWindow) -> None:
    QMessageBox.about(window, _("About ITA Desktop"),
                      _("ITA Desktop {version}: write and print the ITA measures report, offline.").format(
                          version=__version__))
