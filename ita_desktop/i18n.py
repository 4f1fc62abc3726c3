"""UI language: gettext catalogues compiled from ``resources/translations`` (no Qt here).

Source strings are English; the Thai catalogue translates them. Call
:func:`set_language` and then re-read every visible string (the UI listens for
its own "language changed" signal and calls each widget's ``retranslate()``).
"""

from __future__ import annotations

import gettext

from ita_desktop.errors import ui_language
from ita_desktop.paths import resource

DOMAIN = "ita_desktop"
LANGUAGES = ("th", "en")
_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _load(language: str) -> gettext.NullTranslations:
    catalogue = resource(f"translations/{language}/LC_MESSAGES/{DOMAIN}.mo")
    if language == "en" or not catalogue.is_file():
        return gettext.NullTranslations()
    with catalogue.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def set_language(language: str | None = None) -> str:
    """Switch to ``language`` ("th"/"en"; default from the environment); returns the one in use."""
    global _current, _language
    _language = language if language in LANGUAGES else ui_language()
    _current = _load(_language)
    return _language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """Translate an English UI string into the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` within ``context`` (Qt's own strings are keyed by their Qt class)."""
    return _current.pgettext(context, message)
