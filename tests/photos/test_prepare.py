"""Photo preparation: orientation, colour modes, size limits, bad files, batches."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from ita_desktop.errors import PhotoError
from ita_desktop.model.photo_rows import largest_print_mm
from ita_desktop.model.print_resolution import MAX_KEPT_PPI, MIN_PRINT_PPI, PRINT_PPI, ppi_of
from ita_desktop.photos import prepare_photo
from ita_desktop.photos.batch import prepare_many
from tests.helpers import jpeg_bytes


def _decode(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize("orientation,upright_red_side", [(6, "top"), (8, "bottom"), (3, "right")])
def test_exif_orientation_is_applied(orientation, upright_red_side):
    prepared = prepare_photo(jpeg_bytes(800, 600, orientation=orientation), "phone.jpg")
    image = _decode(prepared.print_copy).convert("RGB")
    w, h = image.size
    assert (w, h) == ((600, 800) if orientation in (6, 8) else (800, 600))
    probes = {"top": (w // 2, h // 8), "bottom": (w // 2, h - h // 8), "right": (w - w // 8, h // 2)}
    red = image.getpixel(probes[upright_red_side])
    assert red[0] > 200 and red[1] < 80


def _ppi_at_largest_print(width: int, height: int) -> float:
    width_mm, _ = largest_print_mm(width / height)
    return ppi_of(width, width_mm)


@pytest.mark.parametrize("size", [(4000, 3000), (3000, 4000), (3780, 2834), (2600, 1950), (4624, 3472),
                                  (4000, 1800)])
def test_large_jpeg_is_decoded_small_but_keeps_word_resolution_where_it_prints_largest(size):
    prepared = prepare_photo(jpeg_bytes(*size), "big.jpg")
    assert MIN_PRINT_PPI <= _ppi_at_largest_print(prepared.width, prepared.height) <= MAX_KEPT_PPI
    assert prepared.width / prepared.height == pytest.approx(size[0] / size[1], rel=0.01)
    assert _decode(prepared.print_copy).size == (prepared.width, prepared.height)
    assert len(prepared.print_copy) < len(prepared.original)
    assert max(_decode(prepared.thumbnail).size) <= 320


def test_twelve_megapixel_phone_photo_is_decoded_at_a_quarter_without_resampling(monkeypatch):
    from PIL import Image as PilImage

    def no_resampling(*args, **kwargs):
        raise AssertionError("the print copy was resampled")

    original_resize = PilImage.Image.resize
    monkeypatch.setattr(PilImage.Image, "resize", lambda self, size, *a, **k: (
        original_resize(self, size, *a, **k) if max(size) <= 320 else no_resampling()))
    prepared = prepare_photo(jpeg_bytes(4000, 3000, orientation=6), "phone.jpg")
    assert (prepared.width, prepared.height) == (750, 1000)


def test_huge_png_is_resampled_to_300_ppi_at_its_largest_print():
    image = Image.new("RGB", (6000, 4000), (10, 120, 200))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    prepared = prepare_photo(out.getvalue(), "scan.png")
    assert prepared.print_format == "PNG"
    assert _ppi_at_largest_print(prepared.width, prepared.height) == pytest.approx(PRINT_PPI, rel=0.01)


def test_small_upright_jpeg_keeps_its_bytes():
    data = jpeg_bytes(640, 480)
    assert prepare_photo(data, "small.jpg").print_copy == data


def test_cmyk_jpeg_becomes_rgb():
    prepared = prepare_photo(jpeg_bytes(400, 300, mode="CMYK"), "cmyk.jpg")
    image = _decode(prepared.print_copy)
    assert image.mode == "RGB"
    assert image.getpixel((50, 150))[0] > 200  # the cyan-free, magenta+yellow half prints red


def test_png_with_alpha_is_flattened_on_white_and_kept_lossless():
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 100, 100))
    out = io.BytesIO()
    image.save(out, "PNG")
    prepared = prepare_photo(out.getvalue(), "logo.png")
    printed = _decode(prepared.print_copy)
    assert prepared.print_format == "PNG"
    assert printed.convert("RGB").getpixel((150, 50)) == (255, 255, 255)
    assert printed.convert("RGB").getpixel((50, 50)) == (0, 0, 255)


def test_sixteen_bit_and_palette_pngs():
    grey = Image.new("I;16", (100, 50), 40000)
    out = io.BytesIO()
    grey.save(out, "PNG")
    printed = _decode(prepare_photo(out.getvalue(), "g16.png").print_copy).convert("L")
    assert 150 < printed.getpixel((10, 10)) < 160  # 40000 / 256 ≈ 156
    palette = Image.new("P", (60, 40), 3)
    out = io.BytesIO()
    palette.save(out, "PNG")
    assert prepare_photo(out.getvalue(), "p.png").width == 60


@pytest.mark.parametrize("data,fragment", [
    (b"", "empty"),
    (b"this is not a picture", "not a picture"),
    (jpeg_bytes(800, 600)[:2000], "damaged"),
])
def test_bad_files_are_refused_by_name(data, fragment):
    with pytest.raises(PhotoError) as caught:
        prepare_photo(data, "broken.jpg")
    assert caught.value.english.startswith("broken.jpg:") and fragment in caught.value.english
    assert caught.value.thai.startswith("broken.jpg:")


def test_batch_keeps_order_and_reports_bad_ones():
    good = jpeg_bytes(300, 200)
    sources = [(f"p{i}.jpg", (lambda d=good: d)) for i in range(5)]
    sources.insert(2, ("bad.jpg", lambda: b"nope"))
    results = list(prepare_many(sources, workers=2))
    assert [r.name for r in results] == ["p0.jpg", "p1.jpg", "bad.jpg", "p2.jpg", "p3.jpg", "p4.jpg"]
    assert [r.error is None for r in results] == [True, True, False, True, True, True]


def test_a_panorama_keeps_word_resolution_even_across_a_page_without_margins():
    from ita_desktop.model import Photo
    from ita_desktop.model.photo_rows import row_sizes

    prepared = prepare_photo(jpeg_bytes(12000, 3000), "pano.jpg")  # a phone panorama
    ((width_mm, _),) = row_sizes([Photo(width=prepared.width, height=prepared.height)], 210.0, 6.0)
    assert width_mm == pytest.approx(210.0) and ppi_of(prepared.width, width_mm) >= MIN_PRINT_PPI
