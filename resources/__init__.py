"""Bundled data: fonts, sample report, translations (shipped as ``ita_desktop.resources``)."""
