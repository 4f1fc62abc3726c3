"""Windows that fit the screen they open on: a first size from its free area, a size remembered per screen."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from ita_desktop.ui.settings import AppSettings

# Of the screen's free area (without task bar or dock): room left for the window's frame and title.
FIRST_SHARE = 0.92
FRAME_ALLOWANCE = QSize(16, 40)  # the window manager's frame, not known before the first show


def screen_key(screen: QScreen) -> str:
    """"HDMI-1 1366x728": a laptop and the monitor it is plugged into each keep their own window size."""
    free = screen.availableGeometry()
    return f"{screen.name()} {free.width()}x{free.height()}"


def first_geometry(free: QRect, preferred: QSize) -> QRect:
    """The preferred size, shrunk to fit ``free`` with room for the frame, centred on it."""
    width = min(preferred.width(), round(free.width() * FIRST_SHARE), free.width() - FRAME_ALLOWANCE.width())
    height = min(preferred.height(), round(free.height() * FIRST_SHARE), free.height() - FRAME_ALLOWANCE.height())
    rect = QRect(0, 0, max(1, width), max(1, height))
    rect.moveCenter(free.center())
    return rect


def kept_inside(rect: QRect, free: QRect) -> QRect:
    """``rect`` made no larger than ``free`` (less the frame) and moved onto it."""
    size = rect.size().boundedTo(free.size() - FRAME_ALLOWANCE)
    inside = QRect(rect.topLeft(), size)
    inside.moveLeft(max(free.left(), min(inside.left(), free.right() - size.width() - FRAME_ALLOWANCE.width() + 1)))
    inside.moveTop(max(free.top(), min(inside.top(), free.bottom() - size.height() - FRAME_ALLOWANCE.height() + 1)))
    return inside


class ScreenPlacement:
    """Sizes one kind of window (main window, preview) for the screen it opens on, and remembers it there."""

    def __init__(self, settings: AppSettings, key: str, preferred: QSize) -> None:
        self.settings, self.key, self.preferred = settings, key, preferred

    def _saved(self) -> dict[str, str]:
        try:
            saved = json.loads(self.settings.get(self.key) or "{}")
        except ValueError:
            return {}
        return saved if isinstance(saved, dict) else {}

    @staticmethod
    def _screen_of(widget: QWidget) -> QScreen:
        parent = widget.parentWidget()
        screen = (parent.window().screen() if parent is not None else None) or widget.screen()
        return screen or QGuiApplication.primaryScreen()

    def apply(self, widget: QWidget) -> None:
        """Restore the size last used on this screen, else the first size; never larger than the screen."""
        screen = self._screen_of(widget)
        free = screen.availableGeometry()
        saved = self._saved().get(screen_key(screen))
        if saved and widget.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            widget.setGeometry(kept_inside(widget.geometry(), free))
        else:
            widget.setGeometry(first_geometry(free, self.preferred))

    def remember(self, widget: QWidget) -> None:
        saved = self._saved()
        saved[screen_key(self._screen_of(widget))] = bytes(widget.saveGeometry().toBase64()).decode("ascii")
        self.settings.set(self.key, json.dumps(saved))
