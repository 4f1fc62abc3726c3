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
    on_windows_without_lang.setattr(i18n, "current_locale_name", lambda: "English_United States.1252")
    assert i18n.ui_language() == "th"


def test_windows_locale_name_when_windows_cannot_be_asked(on_windows_without_lang):
    def unavailable():
        raise OSError("kernel32 not reachable")

    on_windows_without_lang.setattr(i18n, "windows_language", unavailable)
    on_windows_without_lang.setattr(i18n, "current_locale_name", lambda: "Thai_Thailand.874")
    assert i18n.ui_language() == "th"
    on_windows_without_lang.setattr(i18n, "current_locale_name", lambda: "English_United States.1252")
    assert i18n.ui_language() == "en"


def test_the_process_locale_is_read_as_set_not_as_python_renames_it(on_windows_without_lang):
    on_windows_without_lang.setattr(i18n, "_ON_WINDOWS", False)
    on_windows_without_lang.setattr("locale.setlocale", lambda _category, _value=None: "C.UTF-8")
    assert i18n.current_locale_name() == "C.UTF-8"  # locale.getlocale() calls this en_US
    assert i18n.ui_language() == "th"
    on_windows_without_lang.setattr("locale.setlocale", lambda _category, _value=None: "th_TH.UTF-8")
    assert i18n.ui_language() == "th"
    on_windows_without_lang.setattr("locale.setlocale", lambda _category, _value=None: "en_GB.UTF-8")
    assert i18n.ui_language() == "en"


def test_a_c_locale_names_no_language(monkeypatch):
    """A PC or session with no locale (Qt then sets LC_ALL=C.UTF-8 itself) gets the default, Thai."""
    for var in ("ITA_DESKTOP_LANG", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(i18n, "_ON_WINDOWS", False)
    monkeypatch.setattr(i18n, "current_locale_name", lambda: "C.UTF-8")
    for value in ("C.UTF-8", "C", "POSIX"):
        monkeypatch.setenv("LC_ALL", value)
        assert i18n.ui_language() == "th"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert i18n.ui_language() == "en"
