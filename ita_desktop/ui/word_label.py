"""A label whose Thai text wraps between words (หน่วยงาน / ผู้รับผิดชอบ), never inside a compound."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from ita_desktop.ui.word_breaks import readiness, wrap_words

LABEL_WIDTH_EM = 11  # a form label wider than this many line heights goes on a second line


class WordLabel(QLabel):
    """Plain text set with :meth:`set_words`; its lines are broken here, so Qt never breaks one itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)
        self._words = ""
        readiness().ready.connect(self._lay_out)

    def set_words(self, text: str) -> None:
        self._words = text
        self._lay_out()

    def words(self) -> str:
        """The text as given (without the line breaks laid out for display)."""
        return self._words

    def _lay_out(self) -> None:
        metrics = self.fontMetrics()
        self.setText("\n".join(wrap_words(self._words, metrics, LABEL_WIDTH_EM * metrics.height())))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._lay_out()
