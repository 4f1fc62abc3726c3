"""Prepare many pictures on both cores with bounded memory (Pillow releases the GIL while decoding)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from ita_desktop.errors import PhotoError
from ita_desktop.messages import Message
from ita_desktop.photos.image_memory import reused_image_memory
from ita_desktop.photos.placement import PLAIN, Placement
from ita_desktop.photos.prepare import PreparedPhoto, prepare_photo


@dataclass(frozen=True)
class PhotoResult:
    """One picture of a batch: prepared, or refused with a message that names it."""

    name: str
    prepared: PreparedPhoto | None = None
    error: PhotoError | None = None


def _prepare(load: Callable[[], bytes], name: str, placement: Placement = PLAIN) -> PhotoResult:
    try:
        data = load()
    except OSError as exc:
        return PhotoResult(name, error=PhotoError(Message("{name}: cannot be read ({reason}).",
                                                          name=name, reason=exc.strerror)))
    try:
        prepared = prepare_photo(data, name) if placement.is_plain else prepare_photo(data, name, placement)
        return PhotoResult(name, prepared=prepared)
    except PhotoError as error:
        return PhotoResult(name, error=error)


def prepare_many(
    sources: Iterable[tuple[str, Callable[[], bytes]] | tuple[str, Callable[[], bytes], Placement]],
    workers: int | None = None,
) -> Iterator[PhotoResult]:
    """Yield a result per ``(name, load_bytes)`` or ``(name, load_bytes, placement)`` source, in order.

    At most ``2 × workers`` pictures are in flight, so a batch of a hundred
    12-megapixel photos never sits in memory at once.
    """
    workers = workers or min(4, os.cpu_count() or 1)
    window: list[Future[PhotoResult]] = []
    with reused_image_memory(), ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photo") as pool:
        for name, load, *placement in sources:
            window.append(pool.submit(_prepare, load, name, *placement))
            if len(window) >= 2 * workers:
                yield window.pop(0).result()
        for future in window:
            yield future.result()
