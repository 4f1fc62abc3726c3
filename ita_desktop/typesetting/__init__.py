"""Thai typesetting: word segmentation, shaped measurement, line breaking, justification."""

from ita_desktop.typesetting.fonts import (
    FontSet,
    Run,
    body_size_pt,
    bundled_font_set,
    default_font_set,
    find_installed_font_set,
)
from ita_desktop.typesetting.lines import Line
from ita_desktop.typesetting.normalize import normalize_text
from ita_desktop.typesetting.segmentation import preload_dictionary
from ita_desktop.typesetting.typesetter import Typesetter

__all__ = [
    "FontSet",
    "Line",
    "Run",
    "Typesetter",
    "body_size_pt",
    "bundled_font_set",
    "default_font_set",
    "find_installed_font_set",
    "normalize_text",
    "preload_dictionary",
]
