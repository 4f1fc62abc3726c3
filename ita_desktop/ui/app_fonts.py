"""Register the bundled Sarabun font so Thai shows even on a machine without Thai fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from ita_desktop.paths import resource

THAI_FAMILY = "Sarabun"
_FONT_FILES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf")
THAI_SAMPLE = "ภาษาไทย"

_registered: list[str] = []


def _load_bundled_fonts() -> list[str]:
    families: list[str] = []
    for name in _FONT_FILES:
        # From bytes, not a path: works from a zip or a frozen bundle as well.
        data = resource(f"fonts/{name}").read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def register_fonts(app: QApplication | None = None) -> list[str]:
    """Add Sarabun to Qt's font database and make it the Thai fallback of the UI font.

    The system UI font stays first for Latin text (it matches the desktop), and
    Sarabun follows it in the family list: Qt picks, per character, the first
    family that has the glyph, so Thai is drawn with Sarabun unless the
    system font itself has Thai. Returns the registered family names.
    """
    app = app or QApplication.instance()
    if not _registered:
        _registered.extend(_load_bundled_fonts())
    if app is None or THAI_FAMILY not in _registered:
        return list(_registered)
    font = QFont(app.font())
    system_family = QFontInfo(font).family()
    families = [f for f in (system_family, THAI_FAMILY) if f]
    font.setFamilies(list(dict.fromkeys(families)))
    app.setFont(font)
    return list(_registered)


def families_drawing(text: str, font: QFont) -> set[str]:
    """The font families Qt actually uses to draw ``text`` in ``font`` (empty glyphs excluded)."""
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    used: set[str] = set()
    for run in layout.glyphRuns():
        if all(index != 0 for index in run.glyphIndexes()):
            used.add(run.rawFont().familyName())
    return used
