"""Decode a picture once at import and make its print copy and thumbnail.

The print copy is what the PDF embeds: EXIF orientation applied, RGB, and no
more pixels than 300 ppi at the largest size the report ever prints a photo
(the full text width, or the tallest a photo may stand), so a 12-megapixel
phone picture becomes a ~1.5 MB JPEG instead of a 4 MB one that the printer
would throw away. The original bytes are kept untouched beside it.
"""

from __future__ import annotations

import hashlib
import io
import math
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, UnidentifiedImageError

from ita_desktop.errors import PhotoError
from ita_desktop.model.photo_rows import PRINT_MAX_HEIGHT_MM, PRINT_MAX_WIDTH_MM
from ita_desktop.photos.encoding import encode_image

PRINT_PPI = 300
THUMBNAIL_PX = 320
JPEG_QUALITY = 88
# JPEG decoding scales by powers of two, so a phone photo decodes to a little more
# than the box (4000 px → 2000 px for a 1890 px box). Resampling that last 6 % costs
# more than decoding; a copy up to 7 % over the box (~320 ppi) is kept as decoded.
PRINT_BOX_TOLERANCE = 1.07

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


def print_size_limit_px() -> tuple[int, int]:
    """Pixel box of the print copy: 300 ppi at the largest printed size."""
    return (
        round(PRINT_MAX_WIDTH_MM / 25.4 * PRINT_PPI),
        round(PRINT_MAX_HEIGHT_MM / 25.4 * PRINT_PPI),
    )


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        try:
            from pillow_heif import register_heif_opener

            register_heif_opener()
        except ImportError:  # HEIC then gets the "not a picture" message
            pass
        _heif_registered = True


def _refuse(name: str, english: str, thai: str) -> PhotoError:
    return PhotoError(f"{name}: {english}", f"{name}: {thai}")


def _open(data: bytes, name: str) -> Image.Image:
    if not data:
        raise _refuse(name, "the file is empty.", "ไฟล์ว่างเปล่า")
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
        raise _refuse(name, "the picture is too large to be a photo.", "ภาพมีขนาดใหญ่เกินกว่าจะเป็นภาพถ่าย") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _refuse(name, "not a picture this program can read.", "ไม่ใช่ไฟล์ภาพที่โปรแกรมอ่านได้") from None
    pixels = image.width * image.height
    limit = MAX_JPEG_PIXELS if image.format == "JPEG" else MAX_OTHER_PIXELS
    if pixels > limit or image.width == 0 or image.height == 0:
        raise _refuse(name, "the picture is too large to be a photo.", "ภาพมีขนาดใหญ่เกินกว่าจะเป็นภาพถ่าย")
    return image


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(_ORIENTATION_TAG, 1))
    except Exception:  # a broken EXIF block must not cost the photo
        return 1


def _target_box(image: Image.Image, orientation: int) -> tuple[int, int]:
    """The pixels the print copy needs, in the stored (not yet rotated) orientation.

    The photo's own aspect decides which side of the print box binds: asking
    draft() for the whole box would make a portrait or sideways phone photo
    (whose long side must fit the short side of the box) decode at full size.
    """
    box_w, box_h = print_size_limit_px()
    sideways = orientation in _SIDEWAYS
    upright_w, upright_h = (image.height, image.width) if sideways else (image.width, image.height)
    scale = min(1.0, box_w / upright_w, box_h / upright_h)
    need_w, need_h = math.ceil(upright_w * scale), math.ceil(upright_h * scale)
    return (need_h, need_w) if sideways else (need_w, need_h)


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB (or L) on white: CMYK through its ICC profile, alpha flattened, 16-bit scaled."""
    if image.mode == "CMYK":
        profile = image.info.get("icc_profile")
        if profile:
            try:
                source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
                srgb = ImageCms.createProfile("sRGB")
                return ImageCms.profileToProfile(image, source, srgb, outputMode="RGB")
            except (ImageCms.PyCMSError, OSError):
                pass
        return image.convert("RGB")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda value: value * (1 / 256)).convert("L")
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "F":
        return image.convert("L")
    rgba = image.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _fit_print_box(image: Image.Image, orientation: int) -> Image.Image:
    """``image`` (still as stored) reduced so that, once upright, it fits the print box.

    Reducing before turning the picture upright means the turn (which Pillow
    does holding the GIL) moves half as many pixels.
    """
    box_w, box_h = print_size_limit_px()
    if orientation in _SIDEWAYS:
        box_w, box_h = box_h, box_w
    scale = min(1.0, box_w / image.width, box_h / image.height)
    if scale * PRINT_BOX_TOLERANCE >= 1.0:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _thumbnail(image: Image.Image) -> Image.Image:
    """At most THUMBNAIL_PX on the long side, by area averaging (resize releases the GIL; reduce() does not)."""
    scale = min(1.0, THUMBNAIL_PX / image.width, THUMBNAIL_PX / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.BOX) if size != image.size else image


def prepare_photo(data: bytes, name: str = "") -> PreparedPhoto:
    """Decode ``data`` once and return the original, an upright print copy and a thumbnail.

    Raises :class:`PhotoError` (naming ``name``) for anything that is not a
    readable picture: empty, truncated, a decompression bomb, not an image.
    """
    image = _open(data, name)
    source_format = image.format or ""
    stored_size = image.size
    orientation = _orientation(image)
    try:
        if source_format == "JPEG":
            image.draft(None, _target_box(image, orientation))
        image.seek(0)  # the first frame of an animation
        image.load()
        flat = _to_rgb(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise _refuse(name, "the picture is damaged or cut short.", "ไฟล์ภาพเสียหายหรือไม่สมบูรณ์") from None

    fitted = _fit_print_box(flat, orientation)
    printed = fitted.transpose(_UPRIGHT[orientation]) if orientation in _UPRIGHT else fitted

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
