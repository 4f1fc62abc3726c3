"""Windows that fit a laptop: the first size from the screen's free area, sizes remembered per screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.screen_fit import first_geometry, kept_inside, screen_key
from ita_desktop.ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_size_never_exceeds_the_free_area():
    free = QRect(0, 0, 1366, 728)  # a 1366 x 768 laptop less its task bar
    first = first_geometry(free, QSize(1280, 860))
    assert free.contains(first) and first.height() <= 728 - 40 and first.width() == 1257
    assert first_geometry(QRect(0, 0, 2560, 1440), QSize(1280, 860)).size() == QSize(1280, 860)


def test_a_remembered_size_too_large_for_this_screen_is_shrunk_onto_it():
    inside = kept_inside(QRect(300, 200, 1600, 1000), QRect(0, 0, 1366, 728))
    assert QRect(0, 0, 1366, 728).contains(inside) and inside.width() <= 1350


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_window_size_is_remembered_for_its_screen(qtbot, report_file, tmp_path):
    settings = AppSettings(tmp_path / "settings.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_path(report_file)
    window.resize(700, 500)  # the default offscreen screen is 800 x 600
    window.close()
    saved = json.loads(settings.get("window/placements"))
    assert list(saved) == [screen_key(window.screen())]
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.size() == QSize(700, 500)
    # Another screen's size is not this one's.
    settings.set("window/placements", json.dumps({"another 800x600": saved[screen_key(window.screen())]}))
    fresh = MainWindow(settings)
    qtbot.addWidget(fresh)
    assert fresh.size() != QSize(700, 500)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_window_and_preview_fit_a_laptop_screen(tmp_path, width, height):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "ITA_DESKTOP_LANG": "th",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tests.ui.screen_size_driver", str(tmp_path)], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=True)
    seen = json.loads(done.stdout.splitlines()[-1])
    screen = QRect(*seen["screen"])
    assert screen.size() == QSize(width, height)
    assert screen.contains(QRect(*seen["window"])), seen
    assert seen["status_bar_bottom"] < seen["window_height"]  # the "saved" sign is on screen
    assert screen.contains(QRect(*seen["preview"])), seen
    page, viewport = seen["fit_page"]["page"], seen["fit_page"]["viewport"]
    assert page[0] <= viewport[0] and page[1] <= viewport[1], seen["fit_page"]
    assert page[1] >= viewport[1] - 20  # the page fills the height, not half of it
    page, viewport = seen["fit_width"]["page"], seen["fit_width"]["viewport"]
    assert viewport[0] - 20 <= page[0] <= viewport[0], seen["fit_width"]
