"""Bad photos in one batch: each is imported correctly or refused naming the file; the rest of the batch lands."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from ita_desktop.model.photo_rows import largest_print_mm
from ita_desktop.model.print_resolution import MAX_KEPT_PPI, MIN_PRINT_PPI, ppi_of
from ita_desktop.pdf.render import render_report
from ita_desktop.photos.batch import prepare_many
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes, small_report


def _png(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **options)
    return out.getvalue()


def _png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny file that claims 900 megapixels (a few kB of zlib'd zeros)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * (1 + width // 8) * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def _animated_gif() -> bytes:
    frames = [Image.new("P", (120, 80), colour) for colour in (1, 2, 3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def _heic() -> bytes:
    from pillow_heif import from_pillow

    image = Image.new("RGB", (640, 480), "white")
    image.paste("red", (0, 0, 320, 480))
    out = io.BytesIO()
    from_pillow(image).save(out, quality=80)
    return out.getvalue()


def _panorama() -> bytes:
    image = Image.linear_gradient("L").resize((24_000, 1_500)).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=60)
    return out.getvalue()


GOOD = {
    "cmyk.jpg": lambda: jpeg_bytes(800, 600, mode="CMYK"),
    "grey16.png": lambda: _png(Image.new("I;16", (300, 200), 50_000)),
    "palette.png": lambda: _png(Image.new("P", (300, 200), 7)),
    "transparent.png": lambda: _png(Image.new("RGBA", (300, 200), (0, 0, 255, 0))),
    "animated.gif": _animated_gif,
    "IMG_0001.HEIC": _heic,
    "panorama.jpg": _panorama,
    "sideways.jpg": lambda: jpeg_bytes(800, 600, orientation=6),
}
BAD = {
    "empty.jpg": (lambda: b"", "empty"),
    "cut-short.jpg": (lambda: jpeg_bytes(1200, 900)[:3000], "damaged"),
    "report.docx.jpg": (lambda: b"PK\x03\x04 not really a picture" * 10, "not a picture"),
    "bomb.png": (_png_bomb, "too large"),
}


def test_one_batch_of_bad_and_good_photos(tmp_path):
    names = list(GOOD) + list(BAD)
    names.sort()
    loaders = {**GOOD, **{name: make for name, (make, _fragment) in BAD.items()}}
    path = tmp_path / "photos.ita"
    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(small_report())
        measure_id = store.db.execute("SELECT min(id) FROM measures").fetchone()[0]
        refused = {}
        for result in prepare_many([(name, loaders[name]) for name in names], workers=2):
            if result.error is not None:
                refused[result.name] = result.error
            else:
                store.add_photo(measure_id, result.prepared, original_name=result.name)
        assert sorted(refused) == sorted(BAD)
        for name, (_make, fragment) in BAD.items():
            assert refused[name].english.startswith(f"{name}:") and fragment in refused[name].english
            assert refused[name].thai.startswith(f"{name}:")
        stored = store.load_measure(measure_id).photos
        assert [photo.original_name for photo in stored] == [name for name in names if name in GOOD]
        by_name = {photo.original_name: photo for photo in stored}
        assert (by_name["sideways.jpg"].width, by_name["sideways.jpg"].height) == (600, 800)
        panorama = by_name["panorama.jpg"]  # decoded small, but sharp enough across the whole page width
        width_mm, _ = largest_print_mm(panorama.width / panorama.height)
        assert MIN_PRINT_PPI <= ppi_of(panorama.width, width_mm) <= MAX_KEPT_PPI and panorama.height >= 100
        heic = Image.open(io.BytesIO(store.photo_data(by_name["IMG_0001.HEIC"].id))).convert("RGB")
        assert heic.getpixel((50, 240))[0] > 200 and heic.getpixel((600, 240))[1] > 200  # red | white
        for photo in stored:
            assert Image.open(io.BytesIO(store.photo_data(photo.id))).mode in ("RGB", "L")
        pdf = render_report(store.load_report(report_id), store)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Subtype /Image") >= len(GOOD)
