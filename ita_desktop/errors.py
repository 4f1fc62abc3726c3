"""Errors the clerk sees: one clear line in Thai or English, never a traceback."""

from __future__ import annotations

from ita_desktop.i18n import ui_language
from ita_desktop.messages import Message, Worded

__all__ = ["PhotoError", "ReportFileError", "UserError", "ui_language"]


class UserError(Worded, Exception):
    """A problem the clerk can act on; its :class:`Message` is translated when shown."""

    def __init__(self, text: Message) -> None:
        self.text = text
        super().__init__(text.text("en"))


class ReportFileError(UserError):
    """The .ita file cannot be opened or written as asked."""


class PhotoError(UserError):
    """A picture cannot be imported; the message names the file."""
