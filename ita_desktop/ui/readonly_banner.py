"""A yellow bar above the editor saying why the file cannot be changed (read-only) or what went wrong
(e.g. today's backup copy could not be written)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ita_desktop.errors import UserError
from ita_desktop.i18n import current_language


class ReadOnlyBanner(QFrame):
    """Shows a store's notices (``ReportStore.notices``), one per line; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet("#readOnlyBanner { background: #fff3c4; border-bottom: 1px solid #d9b300; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self._notices: list[UserError] = []
        self.hide()

    def show_notices(self, notices: Iterable[UserError]) -> None:
        """Show these notices (or hide the bar when there are none)."""
        self._notices = list(notices)
        self.retranslate()
        self.setVisible(bool(self._notices))

    def retranslate(self) -> None:
        language = current_language()
        self.label.setText("\n".join(notice.message(language) for notice in self._notices))

    def text(self) -> str:
        return self.label.text()
