"""A picture as Word shows it: EXIF first, then crop, flips, and the clockwise turn, to the nearest quarter."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from ita_desktop.photos.placement import PLAIN, Placement
from ita_desktop.photos.prepare import prepare_photo
from tests.fixtures.word_corpus.pictures import is_upright, stored_photo


@pytest.mark.parametrize(("how", "placement"), [
    ({"word_rot": 90}, Placement.of(90)),
    ({"word_rot": 270}, Placement.of(-90)),
    ({"word_rot": 90}, Placement.of(91.5)),  # a turn of about a quarter prints as a quarter turn
    ({"flip_h": True}, Placement.of(flip_h=True)),
    ({"flip_v": True, "word_rot": 180}, Placement.of(180, flip_v=True)),
    ({"word_rot": 90, "exif": 6}, Placement.of(90)),
    ({"crop_left": 0.25}, Placement.of(crop=(0.25, 0, 0, 0))),
])
def test_the_print_copy_is_upright_and_as_large_as_shown(how, placement):
    data = stored_photo(160, 120, **how)
    prepared = prepare_photo(data, "p.jpg", placement)
    assert (prepared.width, prepared.height) == (160, 120)
    assert is_upright(prepared.print_copy)


def test_a_plain_jpeg_keeps_its_bytes_as_before():
    data = stored_photo(160, 120)
    assert prepare_photo(data, "p.jpg", PLAIN).print_copy == data


def test_a_crop_that_would_leave_nothing_is_ignored():
    assert Placement.of(crop=(0.6, 0, 0.5, 0)).crop == (0.0, 0.0, 0.0, 0.0)
    image = Image.new("RGB", (10, 10))
    assert Placement.of(crop=(0.6, 0, 0.5, 0)).apply(image).size == (10, 10)


def test_a_cropped_phone_photo_is_decoded_large_enough_for_the_part_shown():
    big = io.BytesIO()
    Image.new("RGB", (4000, 3000), "white").save(big, "JPEG")
    whole = prepare_photo(big.getvalue(), "p.jpg")
    half = prepare_photo(big.getvalue(), "p.jpg", Placement.of(crop=(0.5, 0, 0, 0)))
    # The kept half prints as large as the whole would: it keeps as many pixels across.
    assert half.width >= whole.width * 0.9
