"""The Qt desktop editor (the only package that imports Qt widgets)."""

from ita_desktop.ui.qt_compat import protect_singletons

# Before any widget exists: PySide6 6.12 on Python 3.11 loses references to None/True/False.
protect_singletons()
