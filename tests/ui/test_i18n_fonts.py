"""The bundled Sarabun is registered and draws Thai in the application font."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel

from ita_desktop.ui.app_fonts import THAI_FAMILY, families_drawing, register_fonts


def test_sarabun_registered_and_draws_thai(qapp, qtbot):
    before = qapp.font()
    try:
        families = register_fonts(qapp)
        assert THAI_FAMILY in families
        assert THAI_FAMILY in QFontDatabase.families()
        assert qapp.font().families()[-1] == THAI_FAMILY
        label = QLabel("มาตรการส่งเสริมคุณธรรม")
        qtbot.addWidget(label)
        # Every Thai glyph comes from a real font (glyph index 0 would be a missing-glyph box).
        assert THAI_FAMILY in families_drawing(label.text(), label.font())
    finally:
        qapp.setFont(before)


def test_register_twice_keeps_one_thai_fallback(qapp):
    before = qapp.font()
    try:
        register_fonts(qapp)
        register_fonts(qapp)
        assert qapp.font().families().count(THAI_FAMILY) == 1
    finally:
        qapp.setFont(before)
