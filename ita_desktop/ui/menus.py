"""Menus, toolbar and shortcuts of the main window (names in one table, texts set in retranslate)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
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
    "catalogue": ((), None),
    "lang_th": ((), None),
    "lang_en": ((), None),
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
        "delete": _("&Delete"), "move_up": _("Mo&ve up"), "move_down": _("Move do&wn"), "find": _("&Find"),
        "catalogue": _("Item &catalogue…"), "lang_th": LANGUAGE_NAMES["th"], "lang_en": LANGUAGE_NAMES["en"],
        "about": _("&About"),
    }


def build_menus(window: MainWindow) -> dict[str, QAction]:
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
    files, edits = window.file_ops, window.edit_ops
    handlers = {
        "new": lambda: files.new_report(), "open": lambda: files.open(), "new_year": files.new_fiscal_year,
        "import_text": lambda: files.import_text(), "export_json": lambda: files.export_json(),
        "export_docx": lambda: files.export_word(),
        "export_pdf": files.export_pdf, "preview": files.print_preview, "print": files.print,
        "check": files.preprint_check, "quit": window.close, "add_measure": edits.add_measure,
        "add_group": edits.add_group, "add_section": edits.add_section, "duplicate": edits.duplicate,
        "delete": lambda: edits.delete(), "move_up": partial(edits.move, -1), "move_down": partial(edits.move, 1),
        "find": lambda: _focus_search(window), "catalogue": lambda: _open_catalogue(window),
        "lang_th": partial(window.switch_language, "th"), "lang_en": partial(window.switch_language, "en"),
        "about": lambda: _about(window),
    }
    for name, handler in handlers.items():
        actions[name].triggered.connect(handler)

    window.undo_group = QUndoGroup(window)
    window.undo_action_holder = _UndoBinder(window.undo_group)
    actions["undo"].triggered.connect(window.undo_group.undo)
    actions["redo"].triggered.connect(window.undo_group.redo)
    window.undo_group.canUndoChanged.connect(actions["undo"].setEnabled)
    window.undo_group.canRedoChanged.connect(actions["redo"].setEnabled)
    window.undo_group.undoTextChanged.connect(lambda text: actions["undo"].setToolTip(text))
    window.undo_group.redoTextChanged.connect(lambda text: actions["redo"].setToolTip(text))
    actions["undo"].setEnabled(False)
    actions["redo"].setEnabled(False)

    languages = QActionGroup(window)
    for name in ("lang_th", "lang_en"):
        actions[name].setCheckable(True)
        languages.addAction(actions[name])

    bar = window.menuBar()
    window.menus = {key: QMenu(window) for key in ("file", "recent", "edit", "view", "language", "help")}
    m = window.menus
    bar.addMenu(m["file"])
    for name in ("new", "open"):
        m["file"].addAction(actions[name])
    m["file"].addMenu(m["recent"])
    for name in (None, "new_year", None, "import_text", "export_json", "export_docx", None, "check", "preview", "print",
                 "export_pdf", None, "quit"):
        m["file"].addSeparator() if name is None else m["file"].addAction(actions[name])
    bar.addMenu(m["edit"])
    for name in ("undo", "redo", None, "add_measure", "add_group", "add_section", "duplicate", "delete", None,
                 "move_up", "move_down", None, "find", "catalogue"):
        m["edit"].addSeparator() if name is None else m["edit"].addAction(actions[name])
    bar.addMenu(m["view"])
    m["view"].addMenu(m["language"])
    m["language"].addAction(actions["lang_th"])
    m["language"].addAction(actions["lang_en"])
    bar.addMenu(m["help"])
    m["help"].addAction(actions["about"])
    for name in ("new", "open", None, "undo", "redo", None, "add_measure", "delete", "move_up", "move_down", None,
                 "check", "preview"):
        window.toolbar.addSeparator() if name is None else window.toolbar.addAction(actions[name])
    return actions


class _UndoBinder:
    """Makes the document's stack the active one of the window's undo group."""

    def __init__(self, group: QUndoGroup) -> None:
        self.group = group

    def bind(self, stack) -> None:
        for old in self.group.stacks():
            self.group.removeStack(old)
        self.group.addStack(stack)
        self.group.setActiveStack(stack)


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
