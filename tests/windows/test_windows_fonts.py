"""The government fonts as a Windows PC has them: C:\\Windows\\Fonts or the per-user fonts folder."""

from __future__ import annotations

import sys

import pytest

from ita_desktop.typesetting.fonts import find_installed_font_set, system_font_dirs

FACES = ("", " Bold", " Italic", " BoldItalic")


@pytest.fixture
def windows_folders(monkeypatch, tmp_path):
    """sys.platform and the folders' environment variables of a Windows PC, under tmp_path."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Users" / "สมชาย" / "AppData" / "Local"))
    return tmp_path / "Windows" / "Fonts", tmp_path / "Users" / "สมชาย" / "AppData" / "Local" / "Microsoft" / \
        "Windows" / "Fonts"


def _install(folder, stem: str, suffix: str = ".ttf") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for face in FACES:
        (folder / f"{stem}{face}{suffix}").write_bytes(b"")


def test_windows_font_folders(windows_folders):
    assert system_font_dirs() == list(windows_folders)


@pytest.mark.parametrize(("stem", "family"), [("THSarabunNew", "TH Sarabun New"),
                                              ("THSarabun", "TH SarabunPSK"),
                                              ("THSarabunIT๙", "TH SarabunIT9")])
def test_fonts_installed_for_this_user_only_are_found(windows_folders, stem, family):
    _machine, per_user = windows_folders
    _install(per_user, stem)
    found = find_installed_font_set(system_font_dirs())
    assert found.family == family
    assert found.bold.parent == per_user


def test_fonts_in_the_windows_folder_with_upper_case_names_are_found(windows_folders):
    machine, _per_user = windows_folders
    _install(machine, "THSarabunNew", ".TTF")
    assert find_installed_font_set(system_font_dirs()).regular == machine / "THSarabunNew.TTF"
