"""Spell check of one-line fields (titles, units): QLineEdit has no highlighter, so the underline is given to it
as input-method formatting, the way an input method marks the text it is composing.

Thai keyboards commit each letter at once; an input method that composes text (preedit) would see its
composition cleared by the marking, which is sent after each change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit


class LineUnderliner(QObject):
    """Underlines the misspellings of one QLineEdit after each change; corrections on right-click."""

    def __init__(self, field: QLineEdit, spelling) -> None:
        super().__init__(field)
        self.field = field
        self.spelling = spelling
        self.underlined: list[tuple[int, int]] = []
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)  # after the keystroke is drawn, not inside it
        self._later.timeout.connect(self.underline)
        field.textChanged.connect(self._later.start)
        field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        field.customContextMenuRequested.connect(self._show_menu)
        self.underline()

    def underline(self) -> None:
        """Mark the misspellings now (checked at once: one line is short)."""
        if self.spelling.checker is None or self.field.hasSelectedText():
            return  # an input-method event would fold the selection away
        found = self.spelling.misspelt(self.field.text(), wait=True) or []
        spans = [(m.start, m.end) for m in found]
        if not spans and not self.underlined:
            return  # nothing to mark, nothing marked (an edit clears the marks: they are set again after each)
        self.underlined = spans
        cursor = self.field.cursorPosition()
        attributes = [QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.TextFormat, start - cursor,
                                                  end - start, self.spelling.underline) for start, end in spans]
        # No text committed, none composed: only the formats change.
        QApplication.sendEvent(self.field, QInputMethodEvent("", attributes))

    def context_menu(self, position: QPoint):
        menu = self.field.createStandardContextMenu()
        self.spelling.offer(menu, self.field.text(), self.field.cursorPositionAt(position), self._replace)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        menu = self.context_menu(position)
        menu.exec(self.field.mapToGlobal(position))
        menu.deleteLater()

    def _replace(self, start: int, end: int, text: str) -> None:
        field = self.field
        field.setSelection(start, end - start)
        field.insert(text)  # as typed: textEdited fires, the document makes it undoable
