"""Shaped words equal a direct HarfBuzz shaping; sara am and tails handled by the font."""

from pathlib import Path

import pytest
import uharfbuzz as hb

from ita_desktop.paths import resource_path
from ita_desktop.typesetting.shaping import face_shaper

WORDS = ["ปั้น", "ญี่ปุ่น", "ฐูล", "น้ำใจ", "ที่", "กำหนด", "ป่ำ", "ฟ้า", "ก์", "รู้", "Sarabun 16"]


@pytest.fixture(scope="module")
def font_path() -> Path:
    with resource_path("fonts/Sarabun-Regular.ttf") as path:
        yield path


def direct_shaping(path: Path, text: str):
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    buf = hb.Buffer()
    buf.cluster_level = 1
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf, {})
    return font, buf


@pytest.mark.parametrize("word", WORDS)
def test_positions_equal_direct_harfbuzz(font_path, word):
    font, buf = direct_shaping(font_path, word)
    shaped = face_shaper(font_path).shape(word)
    expected = [(p.x_advance, p.x_offset, p.y_offset) for p in buf.glyph_positions]
    precomposed_am = "\u0e33" in word and "\u0e48" not in word and "\u0e49" not in word
    if not precomposed_am:
        assert [(g.x_advance, g.x_offset, g.y_offset) for g in shaped.glyphs] == expected
        assert [g.glyph_id for g in shaped.glyphs] == [i.codepoint for i in buf.glyph_infos]
    assert shaped.advance == sum(p.x_advance for p in buf.glyph_positions)
    assert "".join(g.chars for g in shaped.glyphs) == word


def test_yo_ying_and_tho_than_lose_their_tail(font_path):
    shaper = face_shaper(font_path)
    names = [shaper.font.get_glyph_name(g.glyph_id) for g in shaper.shape("ฐู").glyphs]
    assert names[0] != shaper.font.get_glyph_name(shaper.font.get_nominal_glyph(ord("ฐ")))


def test_tone_over_upper_vowel_is_raised_or_shrunk(font_path):
    shaper = face_shaper(font_path)
    glyphs = shaper.shape("ปั้น").glyphs
    tone = glyphs[2]
    assert tone.glyph_id != shaper.font.get_nominal_glyph(0x0E49)  # a small variant
    assert tone.x_offset < 0  # moved left, away from the tall stem of ป


def test_every_glyph_of_sara_am_carries_text(font_path):
    for word in ["กำ", "น้ำ", "ป่ำ", "ดำเนิน"]:
        glyphs = face_shaper(font_path).shape(word).glyphs
        assert all(g.chars for g in glyphs), word


def test_missing_characters_reported(font_path):
    assert face_shaper(font_path).shape("ก😀").missing == "😀"
