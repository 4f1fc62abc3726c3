"""How a document shows a picture beyond its pixels: turned, mirrored, cropped (Word's a:xfrm and a:srcRect).

EXIF orientation is applied first (the picture as the camera meant it), then the
crop, then the flips, then the clockwise turn, the order in which Word draws a
picture. Turns are taken to the nearest quarter: a photo tilted by a degree or
two is printed straight, one turned by 90° upright.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

_TURNS = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}


@dataclass(frozen=True)
class Placement:
    """A clockwise turn (0, 90, 180, 270), mirror flags, and the crop as fractions cut from each side."""

    rotation: int = 0
    flip_h: bool = False
    flip_v: bool = False
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom
    # A crop given as lengths in inches (OpenDocument's fo:clip), made fractions once the picture's
    # pixels and resolution are known (see ``for_picture``).
    crop_inches: tuple[float, float, float, float] | None = None

    @classmethod
    def of(cls, degrees: float = 0.0, flip_h: bool = False, flip_v: bool = False,
           crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)) -> Placement:
        """From a document's values: any angle (taken to the nearest quarter turn), crops kept within the picture."""
        rotation = round((degrees % 360) / 90) % 4 * 90
        left, top, right, bottom = (min(max(value, 0.0), 0.95) for value in crop)
        if left + right >= 0.95:
            left = right = 0.0
        if top + bottom >= 0.95:
            top = bottom = 0.0
        return cls(rotation, flip_h, flip_v, (left, top, right, bottom))

    def for_picture(self, size: tuple[int, int], dpi: object = None) -> Placement:
        """This placement with a crop in inches turned into fractions of a ``size`` picture at ``dpi``."""
        if self.crop_inches is None:
            return self
        try:
            dpi_x, dpi_y = (float(value) for value in dpi) if dpi else (96.0, 96.0)
        except (TypeError, ValueError):
            dpi_x, dpi_y = 96.0, 96.0
        dpi_x, dpi_y = dpi_x or 96.0, dpi_y or 96.0
        left, top, right, bottom = self.crop_inches
        fractions = (left * dpi_x / size[0], top * dpi_y / size[1], right * dpi_x / size[0], bottom * dpi_y / size[1])
        return Placement.of(self.rotation, self.flip_h, self.flip_v, fractions)

    @property
    def is_plain(self) -> bool:
        return self == PLAIN

    @property
    def sideways(self) -> bool:
        return self.rotation in (90, 270)

    def visible_fraction(self) -> tuple[float, float]:
        """The share of the (upright) picture's width and height that the crop keeps."""
        left, top, right, bottom = self.crop
        return 1.0 - left - right, 1.0 - top - bottom

    def apply(self, image: Image.Image) -> Image.Image:
        """``image`` (already upright by EXIF) as the document shows it."""
        left, top, right, bottom = self.crop
        if any(self.crop):
            box = (round(image.width * left), round(image.height * top),
                   round(image.width * (1 - right)), round(image.height * (1 - bottom)))
            if box[2] > box[0] and box[3] > box[1]:
                image = image.crop(box)
        if self.flip_h:
            image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        if self.flip_v:
            image = image.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        if self.rotation in _TURNS:
            image = image.transpose(_TURNS[self.rotation])
        return image


PLAIN = Placement()
