"""Photos: turn whatever a phone or scanner produced into upright print and thumbnail copies."""

from ita_desktop.photos.prepare import PreparedPhoto, prepare_photo, print_size_limit_px

__all__ = ["PreparedPhoto", "prepare_photo", "print_size_limit_px"]
