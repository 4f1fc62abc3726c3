"""Zoom of the editor: Ctrl+plus/minus/0, Ctrl+wheel over a field, remembered for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.settings import AppSettings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _points(window) -> float:
    return window.editor.forms.font().pointSizeF()


def test_zoom_is_remembered(qtbot, window, report_file, tmp_path):
    normal = _points(window)
    window.actions_by_name["zoom_in"].trigger()
    window.actions_by_name["zoom_in"].trigger()
    assert window.zoom.percent == 125 and _points(window) == pytest.approx(normal * 1.25)
    title = window.editor.report_form.bindings[0].widget
    assert title.font().pointSizeF() == pytest.approx(normal * 1.25)  # the fields follow the form
    window.close()

    again = MainWindow(AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert again.open_path(report_file)
    assert again.zoom.percent == 125 and _points(again) == pytest.approx(normal * 1.25)
    again.actions_by_name["zoom_reset"].trigger()
    assert _points(again) == pytest.approx(normal)
    again.actions_by_name["zoom_out"].trigger()
    assert again.zoom.percent == 90
    again.close()


def test_the_zoom_is_read_back_from_the_settings_file(tmp_path):
    path = tmp_path / "fresh.ini"  # as written by an earlier run: QSettings reads INI values as text
    path.write_text("[editor]\nzoom=150\n", encoding="utf-8")
    assert AppSettings(path).get("editor/zoom") == 150
    path.write_text("[editor]\nzoom=huge\n", encoding="utf-8")
    assert AppSettings(path).get("editor/zoom") == 100


def test_ctrl_wheel_over_a_text_field_zooms_the_whole_form(window):
    measure = window.document.report.measures[0]
    window.editor.select("measure", measure.id)
    field = next(b.widget for b in window.editor.measure_form.bindings if b.key == "summary")
    own = field.font().pointSizeF()
    event = QWheelEvent(QPointF(5, 5), QPointF(field.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(field.viewport(), event)
    assert window.zoom.percent == 110
    assert field.font().pointSizeF() == pytest.approx(own * 1.1)  # the form's zoom, not the field's own


def test_the_shortcuts_are_words(window):
    keys = {name: [s.toString() for s in window.actions_by_name[name].shortcuts()]
            for name in ("zoom_in", "zoom_out", "zoom_reset")}
    assert keys == {"zoom_in": ["Ctrl++", "Ctrl+="], "zoom_out": ["Ctrl+-"], "zoom_reset": ["Ctrl+0"]}
