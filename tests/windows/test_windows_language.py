"""The UI language on Windows, which sets no LANG: from Windows' display language and the user's formats."""

from __future__ import annotations

import pytest

from ita_desktop import i18n

THAI, ENGLISH_US = 0x041E, 0x0409


class FakeKernel32:
    """The two kernel32 calls, answering as a PC set up with ``ui`` display language and ``formats``."""

    def __init__(self, ui: int, formats: int) -> None:
        self._ui, self._formats = ui, formats

    def GetUserDefaultUILanguage(self) -> int:  # noqa: N802 - the Windows API's name
        return self._ui

    def GetUserDefaultLCID(self) -> int:  # noqa: N802
        return self._formats


@pytest.mark.parametrize(("ui", "formats", "language"), [
    (THAI, THAI, "th"),
    (ENGLISH_US, THAI, "th"),  # English Windows set up for Thailand: the usual clerk's PC
    (THAI, ENGLISH_US, "th"),  # Thai display language, formats left at English (US)
    (ENGLISH_US, ENGLISH_US, "en"),
])
def test_windows_language(ui, formats, language):
    assert i18n.windows_language(FakeKernel32(ui, formats)) == language


@pytest.fixture
def on_windows_without_lang(monkeypatch):
    for var in ("ITA_DESKTOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(i18n, "_ON_WINDOWS", True)
    return monkeypatch


def test_ui_language_asks_windows(on_windows_without_lang):
    on_windows_without_lang.setattr(i18n, "windows_language", lambda: "th")
    on_windows_without_lang.setattr("locale.getlocale", lambda: ("English_United States", "1252"))
    assert i18n.ui_language() == "th"


def test_windows_locale_name_when_windows_cannot_be_asked(on_windows_without_lang):
    def unavailable():
        raise OSError("kernel32 not reachable")

    on_windows_without_lang.setattr(i18n, "windows_language", unavailable)
    on_windows_without_lang.setattr("locale.getlocale", lambda: ("Thai_Thailand", "874"))
    assert i18n.ui_language() == "th"
    on_windows_without_lang.setattr("locale.getlocale", lambda: ("English_United States", "1252"))
    assert i18n.ui_language() == "en"


def test_an_unknown_locale_name_falls_back_to_thai(on_windows_without_lang):
    on_windows_without_lang.setattr(i18n, "_ON_WINDOWS", False)

    def unknown():
        raise ValueError("unknown locale: UTF-8")

    on_windows_without_lang.setattr("locale.getlocale", unknown)
    assert i18n.ui_language() == "th"
