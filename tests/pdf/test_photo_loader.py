"""The photo loader starts fitting photos when they are announced, a bounded number ahead."""

from __future__ import annotations

import threading

from ita_desktop.pdf import photo_embedding
from ita_desktop.pdf.photo_embedding import EmbedRequest, PhotoLoader
from tests.helpers import jpeg_bytes


class CountingPhotos:
    """A PhotoSource that records which print copies were read."""

    def __init__(self) -> None:
        self.data = jpeg_bytes(945, 709)  # 300 ppi at 80 x 60 mm: passed through as it is
        self.reads: list[int] = []

    def photo_data(self, photo_id: int, kind: str = "print") -> bytes:
        self.reads.append(photo_id)
        return self.data

    def photo_format(self, photo_id: int) -> str:
        return "JPEG"


def test_announced_photos_are_read_before_the_first_request(monkeypatch):
    source = CountingPhotos()
    release = threading.Event()
    real_fit = photo_embedding.embeddable_bytes

    def slow_fit(*args):
        release.wait(10)
        return real_fit(*args)

    monkeypatch.setattr(photo_embedding, "embeddable_bytes", slow_fit)
    loader = PhotoLoader(source)
    try:
        count = photo_embedding.IN_FLIGHT + 5
        requests = [EmbedRequest(photo_id, 80.0, 60.0) for photo_id in range(1, count + 1)]
        loader.announce(requests)
        # Read at once, in order, but no more print copies than can wait for the workers.
        assert source.reads == list(range(1, photo_embedding.IN_FLIGHT + 1))
        release.set()
        assert all(loader.get(request) is source.data for request in requests)
        assert source.reads == list(range(1, count + 1))  # each read once
    finally:
        release.set()
        loader.close()


def test_fitted_photos_do_not_hold_back_the_next_ones():
    """Only photos waiting for a worker count against the bound, so the pool keeps busy."""
    source = CountingPhotos()
    loader = PhotoLoader(source)
    try:
        count = 3 * photo_embedding.IN_FLIGHT
        requests = [EmbedRequest(photo_id, 80.0, 60.0) for photo_id in range(1, count + 1)]
        loader.announce(requests[:photo_embedding.IN_FLIGHT])
        for request in requests[:photo_embedding.IN_FLIGHT]:
            loader._pending[request].result()  # all fitted, none taken yet
        loader.announce(requests[photo_embedding.IN_FLIGHT:])
        assert len(source.reads) == 2 * photo_embedding.IN_FLIGHT
        assert all(loader.get(request) is source.data for request in requests)
    finally:
        loader.close()


def test_the_same_photo_twice_and_an_unannounced_one_are_still_served():
    source = CountingPhotos()
    loader = PhotoLoader(source)
    try:
        twice = EmbedRequest(1, 80.0, 60.0)
        loader.announce([twice, twice])
        assert loader.get(twice) is source.data
        assert loader.get(twice) is source.data
        assert loader.get(EmbedRequest(9, 80.0, 60.0)) is source.data
    finally:
        loader.close()
