"""Photo bytes ready for the PDF: JPEG passed through untouched when it already suits the print.

A print copy is at most 300 ppi at the full text width; printed two to a row it
would carry twice the pixels the printer uses, so it is decoded at a reduced
scale (JPEG DCT scaling, cheap) and re-encoded as JPEG, never as Flate.
Pixels in modes a PDF viewer may show wrongly (CMYK, alpha, 16-bit, palette)
are flattened to RGB on white.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from PIL import Image

MM_PER_INCH = 25.4
TARGET_PPI = 300
MAX_PPI = 330  # above this, pixels are thrown away by the printer: downscale
# JPEG decoding can scale by 1/2, 1/4, 1/8 almost for free; any result down to this
# resolution is kept as it is rather than paying for a resampling pass.
DRAFT_MIN_PPI = 220
JPEG_QUALITY = 88
# Photos read from the store but not yet fitted, at most. Work starts while the text is still
# being laid out and goes on as far ahead as it can: fitted photos may wait in any number, since
# fpdf2 holds every one of them until the PDF is written anyway (no higher peak), but print copies
# waiting for a worker (<= ~1.5 MB each) are bounded.
IN_FLIGHT = 8


class PhotoSource(Protocol):
    """Where print copies come from: a ReportStore (or a test double)."""

    def photo_data(self, photo_id: int, kind: str = "print") -> bytes: ...

    def photo_format(self, photo_id: int) -> str: ...


@dataclass(frozen=True)
class EmbedRequest:
    """One photo at its printed size."""

    photo_id: int
    width_mm: float
    height_mm: float

    @property
    def image_name(self) -> str:
        """Unique per picture in a PDF: one photo at one printed size gives the same bytes."""
        return f"ita-photo-{self.photo_id}-{self.width_mm:.3f}x{self.height_mm:.3f}"


def ppi(pixels: int, printed_mm: float) -> float:
    return pixels / (printed_mm / MM_PER_INCH) if printed_mm > 0 else 0.0


def _flatten(image: Image.Image) -> Image.Image:
    """RGB or L on white, whatever the stored mode."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "CMYK":
        return image.convert("RGB")
    if image.mode.startswith("I;16") or image.mode == "I":
        return image.point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "F":
        return image.convert("L")
    rgba = image.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _pixels_at(width_mm: float, height_mm: float, resolution: float) -> tuple[int, int]:
    return (max(1, round(width_mm / MM_PER_INCH * resolution)), max(1, round(height_mm / MM_PER_INCH * resolution)))


def embeddable_bytes(data: bytes, width_mm: float, height_mm: float) -> bytes:
    """``data`` itself when it is an RGB/grey JPEG of at most ~300 ppi, else a fitted copy."""
    image = Image.open(io.BytesIO(data))
    # 1 % of slack: a photo sized to exactly MAX_PPI must not be resampled for a rounding error.
    limit = MAX_PPI * 1.01
    too_sharp = ppi(image.width, width_mm) > limit or ppi(image.height, height_mm) > limit
    if image.format == "JPEG" and image.mode in ("RGB", "L") and not too_sharp:
        return data
    target = _pixels_at(width_mm, height_mm, TARGET_PPI)
    lossless = image.format != "JPEG"
    if not lossless and too_sharp:
        image.draft(image.mode if image.mode in ("RGB", "L") else None,
                    _pixels_at(width_mm, height_mm, DRAFT_MIN_PPI))
    image = _flatten(image)
    if image.width > target[0] * MAX_PPI / TARGET_PPI or image.height > target[1] * MAX_PPI / TARGET_PPI:
        image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=2.0)
    out = io.BytesIO()
    if lossless:  # screenshots and scans stay sharp; fpdf2 stores them with Flate
        image.save(out, "PNG")
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
    return out.getvalue()


class NamedImage:
    """Image bytes for ``FPDF.image()`` under a name of our choosing.

    fpdf2 keys its image cache by an MD5 of the bytes when given ``bytes``/``BytesIO``
    (~1 s for 120 photos, on the thread that lays out pages), but by ``str(stream)`` for any
    other binary stream; the name only has to be unique per distinct picture in one PDF.
    """

    def __init__(self, data: bytes, name: str) -> None:
        self._stream = io.BytesIO(data)
        self.name = name

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)

    def tell(self) -> int:
        return self._stream.tell()

    def close(self) -> None:
        self._stream.close()

    def __str__(self) -> str:
        return self.name


class PhotoLoader:
    """Fetches print copies in drawing order and fits them on a worker thread, a few ahead.

    The store is read on the calling thread only (SQLite connections stay on their thread);
    decoding and resizing run on the pool, where Pillow releases the GIL. Photos are
    submitted as soon as they are announced, so fitting them overlaps the text layout.
    """

    def __init__(self, source: PhotoSource, workers: int = 2) -> None:
        self.source = source
        self._queue: deque[EmbedRequest] = deque()
        self._pending: dict[EmbedRequest, Future[bytes]] = {}
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pdf-photo")

    def announce(self, requests: Iterable[EmbedRequest]) -> None:
        """The photos the layout will ask for, in drawing order (fitting starts now)."""
        self._queue.extend(requests)
        self._submit_ahead()

    def _submit_ahead(self) -> None:
        in_flight = sum(not future.done() for future in self._pending.values())
        while self._queue and in_flight < IN_FLIGHT:
            request = self._queue.popleft()
            if request in self._pending:
                continue
            data = self.source.photo_data(request.photo_id, "print")
            self._pending[request] = self._pool.submit(
                embeddable_bytes, data, request.width_mm, request.height_mm)
            in_flight += 1

    def get(self, request: EmbedRequest) -> bytes:
        """The embeddable bytes for ``request`` (fastest when asked in the announced order)."""
        self._submit_ahead()
        future = self._pending.pop(request, None)
        if future is None:  # not announced: fit it now
            data = self.source.photo_data(request.photo_id, "print")
            return embeddable_bytes(data, request.width_mm, request.height_mm)
        result = future.result()
        self._submit_ahead()
        return result

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
