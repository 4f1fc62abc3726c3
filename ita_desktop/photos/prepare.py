"""Decode a picture once at import and make its print copy and thumbnail.

The print copy is what the PDF embeds: EXIF orientation applied, RGB, and the
pixels the largest print of the photo needs (ita_desktop.model.print_resolution):
a 12-megapixel phone JPEG is decoded at a quarter of its size, straight to a
1000 × 750 copy of ~0.3 MB, without any resampling. The original bytes are kept
untouched beside it.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from ita_desktop.errors import PhotoError
from ita_desktop.messages import Message
from ita_desktop.model.photo_rows import largest_print_mm
from ita_desktop.photos.encoding import encode_image
from ita_desktop.photos.placement import PLAIN, Placement
from ita_desktop.photos.print_fit import draft_for_print, flatten_on_white, reduce_for_print

THUMBNAIL_PX = 320
JPEG_QUALITY = 88

# JPEGs decode at a reduced scale (draft), so a huge panorama costs little;
# other formats decode in full, so their limit keeps memory bounded.
MAX_JPEG_PIXELS = 400_000_000
MAX_OTHER_PIXELS = 80_000_000
_LOSSLESS_FORMATS = {"PNG", "GIF", "BMP", "TIFF"}
_ORIENTATION_TAG = 0x0112
_SIDEWAYS = {5, 6, 7, 8}
# What turns a stored picture upright, for each EXIF orientation (as ImageOps.exif_transpose).
_UPRIGHT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
            5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
            8: Image.Transpose.ROTATE_90}

_heif_registered = False


@dataclass(frozen=True)
class PreparedPhoto:
    """Everything the store keeps of one imported picture."""

    original: bytes
    print_copy: bytes
    print_format: str  # "JPEG" or "PNG"
    thumbnail: bytes
    width: int  # of the print copy, upright
    height: int
    sha256: str


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        try:
            from pillow_heif import register_heif_opener

            register_heif_opener()
        except ImportError:  # HEIC then gets the "not a picture" message
            pass
        _heif_registered = True


def _refuse(name: str, reason: Message) -> PhotoError:
    return PhotoError(Message("{path}: {reason}", path=name, reason=reason))


def _open(data: bytes, name: str) -> Image.Image:
    if not data:
        raise _refuse(name, Message("the file is empty."))
    _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            previous_limit = Image.MAX_IMAGE_PIXELS
            Image.MAX_IMAGE_PIXELS = MAX_JPEG_PIXELS
            try:
                image = Image.open(io.BytesIO(data))
            finally:
                Image.MAX_IMAGE_PIXELS = previous_limit
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(name, Message("the picture is too large to be a photo.")) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _refuse(name, Message("not a picture this program can read.")) from None
    pixels = image.width * image.height
    limit = MAX_JPEG_PIXELS if image.format == "JPEG" else MAX_OTHER_PIXELS
    if pixels > limit or image.width == 0 or image.height == 0:
        raise _refuse(name, Message("the picture is too large to be a photo."))
    return image


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(_ORIENTATION_TAG, 1))
    except Exception:  # a broken EXIF block must not cost the photo
        return 1


def _largest_print(image: Image.Image, orientation: int, placement: Placement = PLAIN) -> tuple[float, float]:
    """(width, height) in mm of the whole stored picture when its shown part prints largest, stored orientation."""
    sideways = orientation in _SIDEWAYS
    upright_w, upright_h = (image.height, image.width) if sideways else (image.width, image.height)
    kept_w, kept_h = placement.visible_fraction()
    shown_w, shown_h = upright_w * kept_w, upright_h * kept_h
    if placement.sideways:
        shown_w, shown_h = shown_h, shown_w
    width_mm, height_mm = largest_print_mm(shown_w / shown_h)
    if placement.sideways:
        width_mm, height_mm = height_mm, width_mm
    width_mm, height_mm = width_mm / kept_w, height_mm / kept_h  # the whole picture, of which a part shows
    return (height_mm, width_mm) if sideways else (width_mm, height_mm)


def _thumbnail(image: Image.Image) -> Image.Image:
    """At most THUMBNAIL_PX on the long side, by area averaging (resize releases the GIL; reduce() does not)."""
    scale = min(1.0, THUMBNAIL_PX / image.width, THUMBNAIL_PX / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.BOX) if size != image.size else image


def prepare_photo(data: bytes, name: str = "", placement: Placement = PLAIN) -> PreparedPhoto:
    """Decode ``data`` once and return the original, an upright print copy and a thumbnail.

    ``placement`` is how the document showed the picture (Word's turn, flips and
    crop); the print copy shows it so, after the EXIF orientation.

    Raises :class:`PhotoError` (naming ``name``) for anything that is not a
    readable picture: empty, truncated, a decompression bomb, not an image.
    """
    image = _open(data, name)
    placement = placement.for_picture(image.size, image.info.get("dpi"))
    source_format = image.format or ""
    stored_size = image.size
    orientation = _orientation(image)
    width_mm, height_mm = _largest_print(image, orientation, placement)
    try:
        draft_for_print(image, width_mm, height_mm)
        image.seek(0)  # the first frame of an animation
        image.load()
        flat = flatten_on_white(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise _refuse(name, Message("the picture is damaged or cut short.")) from None

    # Reduced before it is turned upright, so the turn (which holds the GIL) moves fewer pixels.
    fitted = reduce_for_print(flat, width_mm, height_mm)
    printed = fitted.transpose(_UPRIGHT[orientation]) if orientation in _UPRIGHT else fitted
    if not placement.is_plain:
        printed = placement.apply(printed)

    keep_jpeg_bytes = (
        source_format == "JPEG" and image.size == stored_size and printed is flat and orientation == 1
        and image.mode in ("RGB", "L")
    )
    if keep_jpeg_bytes:
        print_copy, print_format = data, "JPEG"
    elif source_format in _LOSSLESS_FORMATS:
        print_copy, print_format = encode_image(printed, "PNG", optimize=False), "PNG"
    else:
        # optimize=True shaves ~5 % off the file for three times the encoding time.
        print_copy = encode_image(printed, "JPEG", quality=JPEG_QUALITY)
        print_format = "JPEG"

    thumbnail = encode_image(_thumbnail(printed).convert("RGB"), "JPEG", quality=80)
    return PreparedPhoto(
        original=data,
        print_copy=print_copy,
        print_format=print_format,
        thumbnail=thumbnail,
        width=printed.width,
        height=printed.height,
        sha256=hashlib.sha256(data).hexdigest(),
    )
