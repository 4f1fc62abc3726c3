"""The printed report: official Thai layout on top of the typesetting engine, written by fpdf2."""

from ita_desktop.atomic_file import write_atomically
from ita_desktop.pdf.photo_embedding import PhotoSource
from ita_desktop.pdf.render import RenderStats, render_report, render_to_file

__all__ = ["PhotoSource", "RenderStats", "render_report", "render_to_file", "write_atomically"]
