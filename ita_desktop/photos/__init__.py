"""Photos: turn whatever a phone or scanner produced into upright print and thumbnail copies."""

from ita_desktop.photos.prepare import PreparedPhoto, prepare_photo

__all__ = ["PreparedPhoto", "prepare_photo"]
