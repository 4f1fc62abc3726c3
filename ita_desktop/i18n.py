"""UI language: gettext catalogues compiled from ``resources/translations`` (no Qt here).

Source strings are English; the Thai catalogue translates them. Call
:func:`set_language` and then re-read every visible string (the UI listens for
its own "language changed" signal and calls each widget's ``retranslate()``).
"""

from __future__ import annotations

import gettext
import locale
import os
import sys
from functools import cache

from ita_desktop.paths import resource

DOMAIN = "ita_desktop"
LANGUAGES = ("th", "en")
LANGUAGE_NAMES = {"th": "ไทย", "en": "English"}  # each named in itself, as language menus do
_language: str | None = None  # None until set_language: the environment decides


_ON_WINDOWS = sys.platform == "win32"
_LANG_THAI = 0x1E  # the primary language of a Windows LANGID/LCID (0x041E: Thai, Thailand)


def language_of_locale(name: str) -> str:
    """"th" for a Thai locale name ("th_TH.UTF-8", "th-TH", Windows' "Thai_Thailand.874"), else "en"."""
    return "th" if name.lower().startswith("th") else "en"


def windows_language(kernel32=None) -> str:
    """"th" when Windows shows Thai or the user's formats are Thai (an English Windows set up for
    Thailand is the usual clerk's PC), else "en". Windows sets no LANG for a program to read."""
    if kernel32 is None:
        import ctypes

        kernel32 = ctypes.windll.kernel32
    ids = (kernel32.GetUserDefaultUILanguage(), kernel32.GetUserDefaultLCID())
    return "th" if any(value & 0x3FF == _LANG_THAI for value in ids) else "en"


def ui_language() -> str:
    """"th" or "en": ITA_DESKTOP_LANG, else the locale; Thai unless the locale says otherwise."""
    chosen = os.environ.get("ITA_DESKTOP_LANG", "")
    if chosen in LANGUAGES:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if _names_a_language(value):
            return language_of_locale(value)
    if _ON_WINDOWS:
        try:
            return windows_language()
        except (OSError, AttributeError):
            pass  # the locale below says what Windows was set up with
    name = current_locale_name()
    return language_of_locale(name) if _names_a_language(name) else "th"


def _names_a_language(name: str) -> bool:
    # "C"/"POSIX" name none: Python (and Qt) switch a session without a locale to C.UTF-8.
    return bool(name) and name.split(".")[0].upper() not in ("C", "POSIX")


def current_locale_name() -> str:
    """The process's character locale as set ("th_TH.UTF-8", Windows' "Thai_Thailand.874", "C.UTF-8").

    Not locale.getlocale(): it reports Python's own C.UTF-8 as en_US.
    """
    try:
        return locale.setlocale(locale.LC_CTYPE) or ""
    except locale.Error:
        return ""


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language`` (English is the msgids themselves)."""
    catalogue = resource(f"translations/{language}/LC_MESSAGES/{DOMAIN}.mo")
    if language == "en" or not catalogue.is_file():
        return gettext.NullTranslations()
    with catalogue.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def set_language(language: str | None = None) -> str:
    """Switch to ``language`` ("th"/"en"; default from the environment); returns the one in use."""
    global _language
    _language = language if language in LANGUAGES else ui_language()
    return _language


def current_language() -> str:
    """The language in use: the one set, else the environment's (the command line never sets one)."""
    return _language or ui_language()


def _(message: str) -> str:
    """Translate an English UI string into the current language."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(current_language()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` within ``context`` (Qt's own strings are keyed by their Qt class)."""
    return translations(current_language()).pgettext(context, message)
