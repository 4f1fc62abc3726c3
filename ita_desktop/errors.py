"""Errors the clerk sees: one clear line in Thai or English, never a traceback."""

from __future__ import annotations

from ita_desktop.i18n import ui_language
from ita_desktop.messages import Message

__all__ = ["PhotoError", "ReportFileError", "UserError", "ui_language"]


class UserError(Exception):
    """A problem the clerk can act on; its :class:`Message` is translated when shown."""

    def __init__(self, message: Message | str, thai: str | None = None) -> None:
        # TRANSITIONAL: (english, thai) pairs are being moved into the catalogue; new code passes a Message.
        self.text_message = message if isinstance(message, Message) else None
        self._pair = None if isinstance(message, Message) else (message, thai or message)
        self.text = self.text_message or Message(message)
        super().__init__(self.message("en"))

    @property
    def english(self) -> str:
        return self.message("en")

    @property
    def thai(self) -> str:
        return self.message("th")

    def message(self, language: str | None = None) -> str:
        if self.text_message is not None:
            return self.text_message.text(language)
        english, thai = self._pair
        return thai if (language or ui_language()) == "th" else english


class ReportFileError(UserError):
    """The .ita file cannot be opened or written as asked."""


class PhotoError(UserError):
    """A picture cannot be imported; the message names the file."""
