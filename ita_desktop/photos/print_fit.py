"""Bring a picture to the pixels its print needs (see ita_desktop.model.print_resolution), in RGB on white.

Used at import, for the print copy at the largest size a photo can print, and
by the PDF, for a copy still much sharper than the size it prints at.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms

from ita_desktop.model.print_resolution import MAX_KEPT_PPI, MIN_PRINT_PPI, PRINT_PPI, pixels_for, ppi_of

# One per cent of slack: a copy made for exactly a size must not be resampled for a rounding error.
_SLACK = 1.01


def draft_for_print(image: Image.Image, width_mm: float, height_mm: float) -> None:
    """Before loading a JPEG: decode it at the smallest DCT scale that keeps MIN_PRINT_PPI over the size."""
    if image.format == "JPEG":
        image.draft(None, (pixels_for(width_mm, MIN_PRINT_PPI), pixels_for(height_mm, MIN_PRINT_PPI)))


def is_too_sharp(size: tuple[int, int], width_mm: float, height_mm: float) -> bool:
    """More than MAX_KEPT_PPI over (width_mm, height_mm): pixels the printer throws away."""
    limit = MAX_KEPT_PPI * _SLACK
    return ppi_of(size[0], width_mm) > limit or ppi_of(size[1], height_mm) > limit


def reduce_for_print(image: Image.Image, width_mm: float, height_mm: float) -> Image.Image:
    """``image`` itself up to MAX_KEPT_PPI over the size; beyond, resampled (Lanczos) to PRINT_PPI."""
    if not is_too_sharp(image.size, width_mm, height_mm):
        return image
    scale = min(pixels_for(width_mm, PRINT_PPI) / image.width, pixels_for(height_mm, PRINT_PPI) / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def flatten_on_white(image: Image.Image) -> Image.Image:
    """RGB (or L) on white: CMYK through its ICC profile, alpha flattened, 16-bit scaled."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "CMYK":
        return _cmyk_to_rgb(image)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "F":
        return image.convert("L")
    rgba = image.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _cmyk_to_rgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError):
            pass
    return image.convert("RGB")
