"""Editing widgets that report user edits only (never the programme's own loads) and keep the cursor."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from ita_desktop.i18n import _


class LineField(QLineEdit):
    """One line of text; ``edited`` fires on the clerk's typing, not on :meth:`set_value`."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(self.edited)

    def value(self) -> str:
        return self.text()

    def set_value(self, text: str) -> None:
        if text != self.text():  # an equal text must not move the cursor under the clerk's fingers
            position = self.cursorPosition()
            self.setText(text)
            self.setCursorPosition(min(position, len(text)))


class TextField(QPlainTextEdit):
    """Several lines of Thai text; ``edited`` fires on the clerk's typing, not on :meth:`set_value`."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None, minimum_lines: int = 5) -> None:
        super().__init__(parent)
        self._loading = False
        self.setTabChangesFocus(True)
        self._lines = minimum_lines
        # A fixed, modest height: the form stays readable at a glance and long text scrolls inside.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._changed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * self._lines + 18)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.toPlainText())

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, text: str) -> None:
        if text == self.toPlainText():
            return
        position = self.textCursor().position()
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)), QTextCursor.MoveMode.MoveAnchor)
        self.setTextCursor(cursor)


class CheckField(QCheckBox):
    """A yes/no field; ``edited`` fires on the clerk's click only."""

    edited = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(lambda: self.edited.emit(self.isChecked()))

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, checked: bool) -> None:
        self.setChecked(bool(checked))


class YearField(QSpinBox):
    """A Buddhist-era fiscal year."""

    edited = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.setRange(2500, 2700)
        self.setKeyboardTracking(False)  # typing "2567" must not store 2, 25 and 256 on the way
        self.valueChanged.connect(lambda v: None if self._loading else self.edited.emit(v))

    def set_value(self, year: int) -> None:
        self._loading = True
        try:
            self.setValue(int(year) if year else self.minimum())
        finally:
            self._loading = False


class ChoiceField(QComboBox):
    """A fixed choice of (value, label) pairs."""

    edited = Signal(object)

    def __init__(self, choices: list[tuple[object, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.set_choices(choices)
        self.activated.connect(lambda _i: self.edited.emit(self.value()))

    def set_choices(self, choices: list[tuple[object, str]]) -> None:
        current = self.value() if self.count() else None
        self._loading = True
        self.clear()
        for value, label in choices:
            self.addItem(label, value)
        self._loading = False
        self.set_value(current)

    def value(self) -> object:
        return self.currentData()

    def set_value(self, value: object) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class MarginsField(QWidget):
    """Left, right, top and bottom margins in millimetres."""

    edited = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = []
        for _side in range(4):
            box = QDoubleSpinBox(self)
            box.setRange(0, 80)
            box.setDecimals(1)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._changed)
            layout.addWidget(box)
            self.boxes.append(box)
        self._loading = False
        self.retranslate()

    def retranslate(self) -> None:
        for box in self.boxes:
            box.setSuffix(" " + _("mm"))

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def value(self) -> tuple[float, float, float, float]:
        return tuple(box.value() for box in self.boxes)

    def set_value(self, margins: tuple[float, ...]) -> None:
        self._loading = True
        try:
            for box, value in zip(self.boxes, margins, strict=False):
                box.setValue(float(value))
        finally:
            self._loading = False
