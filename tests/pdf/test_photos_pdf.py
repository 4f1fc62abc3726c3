"""Photos in the PDF: JPEG bytes embedded as JPEG, 220–440 ppi, upright, odd pixel modes printed right."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from ita_desktop.model import Photo
from ita_desktop.model.photo_rows import group_rows, row_sizes
from ita_desktop.model.print_resolution import MAX_KEPT_PPI, MIN_PRINT_PPI
from ita_desktop.pdf import render_report
from ita_desktop.pdf.photo_embedding import embeddable_bytes
from ita_desktop.photos import prepare_photo
from tests.helpers import jpeg_bytes, small_report
from tests.pdf.pdf_support import MemoryPhotos, embedded_images, extracted_pictures

RED = (255, 0, 0)
WHITE = (255, 255, 255)


def close_to(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def _render(tmp_path, pictures: list[tuple[bytes, str]], name: str = "photos.pdf"):
    """Render small_report() with ``pictures`` (print copy bytes, format) under its first measure."""
    report = small_report()
    source = MemoryPhotos()
    measure = report.measures[0]
    for index, (data, fmt) in enumerate(pictures, start=1):
        with Image.open(io.BytesIO(data)) as image:
            size = image.size
        measure.photos.append(Photo(caption=f"ภาพที่ {index}", width=size[0], height=size[1], id=index))
        source.add(index, data, fmt)
    path = tmp_path / name
    path.write_bytes(render_report(report, source))
    return path


def _prepared(data: bytes) -> tuple[bytes, str]:
    ready = prepare_photo(data, "photo")
    return ready.print_copy, ready.print_format


def test_twelve_megapixel_photos_are_jpeg_at_print_resolution(tmp_path):
    pictures = [_prepared(jpeg_bytes(4000, 3000)), _prepared(jpeg_bytes(3000, 4000)),
                _prepared(jpeg_bytes(4000, 3000))]
    rows = embedded_images(_render(tmp_path, pictures))
    assert len(rows) == 3
    for row in rows:
        assert row["enc"] == "jpeg"
        # pdfimages rounds to whole ppi
        assert MIN_PRINT_PPI - 1 <= row["x_ppi"] <= MAX_KEPT_PPI and MIN_PRINT_PPI - 1 <= row["y_ppi"] <= MAX_KEPT_PPI


def test_print_copy_is_passed_through_when_it_already_fits():
    data = jpeg_bytes(945, 709)  # 300 ppi at 80 mm x 60 mm
    assert embeddable_bytes(data, 80.0, 60.0) is data


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_photos_print_upright(tmp_path, orientation):
    original = jpeg_bytes(800, 600, orientation=orientation)
    picture = extracted_pictures(_render(tmp_path, [_prepared(original)]))[0]
    with Image.open(io.BytesIO(original)) as image:
        from PIL import ImageOps

        expected = ImageOps.exif_transpose(image).convert("RGB")
    assert picture.width / picture.height == pytest.approx(expected.width / expected.height, rel=0.02)
    for fx, fy in ((0.2, 0.2), (0.8, 0.2), (0.2, 0.8), (0.8, 0.8)):
        want = expected.getpixel((int(fx * expected.width), int(fy * expected.height)))
        got = picture.getpixel((int(fx * picture.width), int(fy * picture.height)))
        assert close_to(got, want), (orientation, fx, fy, got, want)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _odd_pictures() -> dict[str, tuple[bytes, str]]:
    """Left half red (or dark), right half white/transparent, in modes a PDF may get wrong."""
    rgba = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    rgba.paste((255, 0, 0, 255), (0, 0, 200, 300))
    palette = Image.new("RGB", (400, 300), WHITE)
    palette.paste(RED, (0, 0, 200, 300))
    grey16 = Image.new("I;16", (400, 300), 65535)
    grey16.paste(0, (0, 0, 200, 300))
    return {
        "cmyk jpeg": (jpeg_bytes(400, 300, mode="CMYK"), "JPEG"),
        "png with alpha": (_png(rgba), "PNG"),
        "palette png": (_png(palette.convert("P", palette=Image.Palette.ADAPTIVE, colors=4)), "PNG"),
        "16-bit png": (_png(grey16), "PNG"),
    }


@pytest.mark.parametrize("kind", list(_odd_pictures()))
def test_odd_pixel_modes_print_right(tmp_path, kind):
    # Straight from the source (no prepare_photo): the layout must cope on its own.
    data, fmt = _odd_pictures()[kind]
    picture = extracted_pictures(_render(tmp_path, [(data, fmt)]))[0]
    left = picture.getpixel((picture.width // 4, picture.height // 2))
    right = picture.getpixel((3 * picture.width // 4, picture.height // 2))
    expected_left = (0, 0, 0) if kind == "16-bit png" else RED
    assert close_to(left, expected_left), (kind, left)
    assert close_to(right, WHITE), (kind, right)


def test_rows_pair_photos_and_leave_panoramas_alone():
    def photo(w, h):
        return Photo(width=w, height=h)

    photos = [photo(1600, 1200), photo(1200, 1600), photo(3000, 1000), photo(1600, 1200)]
    assert [len(row) for row in group_rows(photos)] == [2, 1, 1]
    sizes = row_sizes(photos[:2], 160.0, 6.0)
    assert sizes[0][1] == pytest.approx(sizes[1][1])  # one height for the row
    assert sum(w for w, _ in sizes) + 6.0 <= 160.0 + 1e-6


def test_small_picture_is_printed_no_larger_than_150_ppi():
    (width, height), = row_sizes([Photo(width=300, height=200)], 160.0, 6.0)
    assert width <= 300 / 150 * 25.4 + 1e-6 and height <= 200 / 150 * 25.4 + 1e-6


def test_photo_and_caption_share_a_page(tmp_path):
    pictures = [_prepared(jpeg_bytes(1600, 1200)) for _ in range(7)]
    path = _render(tmp_path, pictures)
    from tests.pdf.pdf_support import pdftotext_pages, squash

    pages = pdftotext_pages(path)
    images_per_page: dict[int, int] = {}
    for row in embedded_images(path):
        images_per_page[row["page"]] = images_per_page.get(row["page"], 0) + 1
    for page, count in images_per_page.items():
        captions = sum(squash(pages[page - 1]).count(squash(f"ภาพที่ {i}")) for i in range(1, 8))
        assert captions == count, (page, count, captions)
