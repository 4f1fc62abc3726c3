"""Pillow's block reuse is on while photo batches run, and the previous settings come back after the last."""

from __future__ import annotations

from PIL import Image

from ita_desktop.photos.batch import prepare_many
from ita_desktop.photos.image_memory import BLOCKS_KEPT, reused_image_memory
from tests.helpers import jpeg_bytes


def _settings() -> tuple[int, int]:
    return Image.core.get_block_size(), Image.core.get_blocks_max()


def test_nested_batches_restore_the_settings_after_the_last():
    before = _settings()
    with reused_image_memory():
        assert Image.core.get_blocks_max() >= BLOCKS_KEPT
        with reused_image_memory():
            Image.new("RGB", (1500, 1000)).load()
        assert Image.core.get_blocks_max() >= BLOCKS_KEPT  # the outer batch still runs
    assert _settings() == before
    assert Image.core.get_stats()["blocks_cached"] <= before[1]  # kept blocks were handed back


def test_a_batch_reuses_blocks_and_restores_after_an_abandoned_generator():
    before = _settings()
    reused_before = Image.core.get_stats()["reused_blocks"]
    sources = [(f"p{i}.jpg", lambda i=i: jpeg_bytes(1200 + i, 900)) for i in range(6)]
    results = prepare_many(sources, workers=2)
    first = next(results)
    assert first.prepared is not None and Image.core.get_blocks_max() >= BLOCKS_KEPT
    results.close()  # the caller stopped early (an error while writing)
    assert _settings() == before
    assert Image.core.get_stats()["reused_blocks"] > reused_before
