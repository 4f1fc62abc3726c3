"""Photo bytes ready for the PDF: JPEG passed through untouched when it already suits the print.

A print copy is made at import for the largest size its photo can print; at a
smaller size (a pair) it is usually still within MAX_KEPT_PPI and goes in as it
is. A copy much sharper than its printed size is decoded at a reduced scale
(JPEG DCT scaling, cheap) and re-encoded as JPEG, never as Flate. Pixels in
modes a PDF viewer may show wrongly (CMYK, alpha, 16-bit, palette) are
flattened to RGB on white.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from PIL import Image

from ita_desktop.photos.encoding import encode_image
from ita_desktop.photos.print_fit import draft_for_print, flatten_on_white, is_too_sharp, reduce_for_print

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


def embeddable_bytes(data: bytes, width_mm: float, height_mm: float) -> bytes:
    """``data`` itself when it is an RGB/grey JPEG not too sharp for the size, else a fitted copy."""
    image = Image.open(io.BytesIO(data))
    too_sharp = is_too_sharp(image.size, width_mm, height_mm)
    if image.format == "JPEG" and image.mode in ("RGB", "L") and not too_sharp:
        return data
    if too_sharp:
        draft_for_print(image, width_mm, height_mm)
    fitted = reduce_for_print(flatten_on_white(image), width_mm, height_mm)
    if image.format != "JPEG":  # screenshots and scans stay sharp; fpdf2 stores them with Flate
        return encode_image(fitted, "PNG")
    return encode_image(fitted, "JPEG", quality=JPEG_QUALITY)


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
