"""encode_image: the same bytes as Pillow's in-memory save, from any thread, with or without a temp folder."""

from __future__ import annotations

import io
import tempfile
import threading

from PIL import Image

from ita_desktop.photos.encoding import encode_image


def _picture(shade: int) -> Image.Image:
    image = Image.linear_gradient("L").resize((300, 200)).convert("RGB")
    image.paste((shade, 0, 255 - shade), (0, 0, 100, 100))
    return image


def _in_memory(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def test_same_bytes_as_saving_in_memory():
    image = _picture(200)
    assert encode_image(image, "JPEG", quality=88) == _in_memory(image, "JPEG", quality=88)
    assert encode_image(image, "PNG", optimize=False) == _in_memory(image, "PNG", optimize=False)
    # The scratch file is rewound and cut each time: a smaller picture after a larger one is whole.
    small = image.resize((30, 20))
    assert encode_image(small, "JPEG", quality=80) == _in_memory(small, "JPEG", quality=80)


def test_threads_each_get_their_own_pictures_back():
    results: dict[int, list[bytes]] = {}

    def work(shade: int) -> None:
        results[shade] = [encode_image(_picture(shade), "JPEG", quality=88) for _ in range(5)]

    threads = [threading.Thread(target=work, args=(shade,)) for shade in (0, 90, 180, 250)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for shade, encoded in results.items():
        assert encoded == [_in_memory(_picture(shade), "JPEG", quality=88)] * 5


def test_without_a_temporary_folder_it_encodes_in_memory(monkeypatch):
    def no_temp_folder(*args, **kwargs):
        raise FileNotFoundError("no usable temporary directory")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_temp_folder)
    image = _picture(60)
    result: list[bytes] = []
    thread = threading.Thread(target=lambda: result.append(encode_image(image, "JPEG", quality=88)))
    thread.start()  # a fresh thread has no scratch file yet
    thread.join()
    assert result == [_in_memory(image, "JPEG", quality=88)]
