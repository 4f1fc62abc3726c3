"""Zoom of the editor's forms (Ctrl+plus, Ctrl+minus, Ctrl+0, Ctrl+wheel), remembered in the settings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

# Word's steps, in per cent of the normal size.
STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
NORMAL = 100
SETTING = "editor/zoom"


def clamp(percent: int) -> int:
    return max(STEPS[0], min(STEPS[-1], int(percent)))


class EditorZoom(QObject):
    """The zoom of one window's editor: applied to whatever editor it shows, saved on every change."""

    changed = Signal(int)  # per cent

    def __init__(self, settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.percent = clamp(settings.get(SETTING))
        self._target: QWidget | None = None
        self._base_points = QApplication.font().pointSizeF()

    def attach(self, target: QWidget) -> None:
        """Zoom ``target`` (the editor's forms) and take Ctrl+wheel over it and its children."""
        self._target = target
        self.watch(target)
        self._apply()

    def watch(self, widget: QWidget) -> None:
        """Take Ctrl+wheel over ``widget`` and its children (text fields zoom only themselves otherwise)."""
        for child in [widget, *widget.findChildren(QWidget)]:
            child.installEventFilter(self)

    def zoom_in(self) -> None:
        self.set_percent(next((s for s in STEPS if s > self.percent), STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_percent(next((s for s in reversed(STEPS) if s < self.percent), STEPS[0]))

    def reset(self) -> None:
        self.set_percent(NORMAL)

    def set_percent(self, percent: int) -> None:
        percent = clamp(percent)
        if percent == self.percent:
            return
        self.percent = percent
        self.settings.set(SETTING, percent)
        self._apply()
        self.changed.emit(percent)

    def _apply(self) -> None:
        if self._target is None:
            return
        font = self._target.font()
        font.setPointSizeF(self._base_points * self.percent / NORMAL)
        self._target.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            step = event.angleDelta().y()
            if step > 0:
                self.zoom_in()
            elif step < 0:
                self.zoom_out()
            return True
        return False
