"""Reviewed page images as regression references: 50 dpi greyscale, compared by mean absolute difference.

The references in tests/fixtures/pdf_reference/ were looked at by eye before being kept.
After an intended layout change, look at the new pages, then regenerate with
ITA_UPDATE_PDF_REFERENCE=1 (the test then writes the references and still compares).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat

from ita_desktop.model import Photo
from ita_desktop.pdf import render as render_module
from ita_desktop.pdf import render_report
from ita_desktop.photos import prepare_photo
from ita_desktop.typesetting import bundled_font_set
from tests.helpers import jpeg_bytes, small_report
from tests.pdf.pdf_support import MemoryPhotos, page_images

REFERENCES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf_reference"
# Pages are compared blurred (box radius 6 px at 50 dpi), so a line that moves by a millimetre
# costs little while a different page costs much. Measured: text moved down 1 mm -> ~3.5,
# 2 mm -> ~6, 5 mm -> ~10; two different pages of the report -> 16-20.
BLUR_RADIUS_PX = 6
MAX_MEAN_DIFFERENCE = 8.0


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    # References are drawn with the bundled Sarabun, whatever fonts this computer has.
    monkeypatch.setattr(render_module, "default_font_set", bundled_font_set)


def _photo_report():
    report = small_report()
    source = MemoryPhotos()
    for index, (w, h, orientation) in enumerate([(1600, 1200, 1), (1200, 1600, 1), (1600, 1200, 6)], start=1):
        ready = prepare_photo(jpeg_bytes(w, h, orientation=orientation), f"p{index}.jpg")
        report.measures[0].photos.append(Photo(caption=f"ภาพที่ {index} การประชุมชี้แจงเจ้าหน้าที่",
                                               width=ready.width, height=ready.height, id=index))
        source.add(index, ready.print_copy, ready.print_format)
    return report, source


def _compare(pdf: Path, tmp_path: Path, name: str, pages: list[int]) -> None:
    rendered = page_images(pdf, tmp_path)
    for page in pages:
        reference_path = REFERENCES / f"{name}-page{page}.png"
        image = rendered[page - 1]
        if os.environ.get("ITA_UPDATE_PDF_REFERENCE") == "1":
            image.save(reference_path, optimize=True)
        reference = Image.open(reference_path).convert("L")
        assert reference.size == image.size, (name, page)
        blurred = [im.filter(ImageFilter.BoxBlur(BLUR_RADIUS_PX)) for im in (reference, image)]
        difference = ImageStat.Stat(ImageChops.difference(*blurred)).mean[0]
        assert difference < MAX_MEAN_DIFFERENCE, (name, page, difference)


def test_seed_sample_pages_match_the_reviewed_images(demo_store_file, tmp_path):
    path, report_id = demo_store_file
    output = tmp_path / "sample.pdf"
    render_module.render_to_file(path, report_id, output)
    _compare(output, tmp_path, "seed", [1, 5])


def test_photo_page_matches_the_reviewed_image(tmp_path):
    report, source = _photo_report()
    output = tmp_path / "photos.pdf"
    output.write_bytes(render_report(report, source))
    _compare(output, tmp_path, "photos", [1])
