"""Showing a Find hit where the clerk edits it: the node selected in the tree, the characters in the form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QScrollArea, QWidget

from ita_desktop.text_search import Hit
from ita_desktop.text_search.places import SIGNATORY_KEYS

if TYPE_CHECKING:
    from ita_desktop.ui.editor_view import EditorView


def show_hit(editor: EditorView, hit: Hit) -> None:
    """Select the hit's node in the tree and its characters in the form (the field scrolled into view)."""
    place = hit.place
    if place.kind in ("report", "signatory"):
        editor.select("report", -1)
        page = editor.page("report")
    elif place.kind == "photo":
        editor.select("measure", place.measure_id)
        page = editor.page("measure")
        if page.photos is not None and hasattr(page.photos, "select_photo"):
            page.photos.select_photo(place.owner_id)
        _scroll_to(page.photos)
        return
    else:
        editor.select(place.kind, place.owner_id)
        page = editor.page(place.kind)
    if place.kind == "signatory":
        page.signatories.table.setCurrentCell(place.owner_id, SIGNATORY_KEYS.index(place.key))
        _scroll_to(page.signatories)
        return
    widget = next((b.widget for b in page.bindings if b.key == place.key), None)
    if widget is None:
        return
    if place.cell is not None:
        widget.table.setCurrentCell(*place.cell)
    elif isinstance(widget, QLineEdit):
        widget.setSelection(hit.start, hit.end - hit.start)
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(hit.start)
        cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
    _scroll_to(widget)


def _scroll_to(widget: QWidget | None) -> None:
    parent = widget.parentWidget() if widget is not None else None
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)


def selected_text() -> str:
    """The one-line selection of the focused field, Word's way of seeding Find."""
    focused = QApplication.focusWidget()
    if isinstance(focused, QLineEdit):
        text = focused.selectedText()
    elif isinstance(focused, QPlainTextEdit):
        text = focused.textCursor().selectedText()
    else:
        return ""
    return text if text and "\u2029" not in text and "\n" not in text else ""
