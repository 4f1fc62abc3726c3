"""Errors the clerk sees: one clear line in Thai or English, never a traceback."""

from __future__ import annotations

import locale
import os


def ui_language() -> str:
    """"th" or "en": ITA_DESKTOP_LANG, else the locale; Thai unless the locale says otherwise."""
    chosen = os.environ.get("ITA_DESKTOP_LANG", "")
    if chosen in ("th", "en"):
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "th" if value.lower().startswith("th") else "en"
    code = locale.getlocale()[0] or ""
    return "en" if code and not code.lower().startswith("th") else "th"


class UserError(Exception):
    """A problem the clerk can act on, worded for the clerk in both languages."""

    def __init__(self, english: str, thai: str) -> None:
        super().__init__(english)
        self.english = english
        self.thai = thai

    def message(self, language: str | None = None) -> str:
        return self.thai if (language or ui_language()) == "th" else self.english


class ReportFileError(UserError):
    """The .ita file cannot be opened or written as asked."""


class PhotoError(UserError):
    """A picture cannot be imported; the message names the file."""
