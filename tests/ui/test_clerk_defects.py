"""Defects a clerk hit (issue 15), each checked where it showed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.settings import AppSettings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_empty_windows_hint_is_centred(qtbot, tmp_path):
    window = MainWindow(AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.placeholder.alignment() & Qt.AlignmentFlag.AlignHCenter
    assert window.placeholder.wordWrap()
