"""The frozen app's own libthai, loaded by full path with its dictionary beside it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from ita_desktop.ui import thai_line_breaks
from ita_desktop.ui.thai_line_breaks import bundled_libthai_folder, libthai_files, load_libthai

SYSTEM_LIBS = Path("/usr/lib/x86_64-linux-gnu")
SYSTEM_DICTIONARY = Path("/usr/share/libthai/thbrk.tri")


def _bundle_folder(tmp_path: Path, *, dictionary: bool = True) -> Path:
    folder = tmp_path / "_internal" / "libthai"
    folder.mkdir(parents=True)
    for name in libthai_files("linux"):
        shutil.copy2(SYSTEM_LIBS / name, folder / name)
    if dictionary:
        shutil.copy2(SYSTEM_DICTIONARY, folder / "thbrk.tri")
    return folder


def test_loaded_by_full_path_with_the_dictionary_beside_it(tmp_path, monkeypatch):
    monkeypatch.delenv("LIBTHAI_DICTDIR", raising=False)
    folder = _bundle_folder(tmp_path)
    assert load_libthai(folder, platform="linux")
    assert os.environ["LIBTHAI_DICTDIR"] == str(folder)


def test_without_its_dictionary_nothing_is_loaded(tmp_path, monkeypatch):
    monkeypatch.delenv("LIBTHAI_DICTDIR", raising=False)
    assert not load_libthai(_bundle_folder(tmp_path, dictionary=False), platform="linux")
    assert "LIBTHAI_DICTDIR" not in os.environ


def test_on_windows_one_dll_beside_qt(tmp_path, monkeypatch):
    assert libthai_files("win32") == ["thai.dll"]
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(thai_line_breaks.sys, "platform", "win32")
    assert bundled_libthai_folder() == tmp_path / "PySide6"


def test_not_frozen_leaves_it_to_the_system(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert bundled_libthai_folder() is None
