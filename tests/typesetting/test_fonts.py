"""Font discovery, size calibration against TH Sarabun PSK, and line height."""

from __future__ import annotations

from fontTools.ttLib import TTFont

from ita_desktop.typesetting import (
    FontSet,
    body_size_pt,
    bundled_font_set,
    default_font_set,
    find_installed_font_set,
)
from ita_desktop.typesetting.fonts import OFFICIAL_BODY_SIZE_PT

THAI_CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
# TH Sarabun New (the DIP/SIPA font, not installed here so NOT measured): its OS/2 x-height is
# about 0.34 em in the versions we know, against Sarabun's 0.50 em; this is the assumption the
# calibration rests on, stated here so a machine with the font can check it (see below).
TH_SARABUN_NEW_X_HEIGHT_EM_ASSUMED = 0.34


def test_bundled_font_set_has_four_faces():
    fonts = bundled_font_set()
    for path in (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic):
        assert path.is_file()
    assert fonts.family == "Sarabun"


def test_installed_th_sarabun_is_preferred(tmp_path):
    folder = tmp_path / "fonts" / "thai"
    folder.mkdir(parents=True)
    bundled = bundled_font_set()
    for name, source in [("THSarabunNew.ttf", bundled.regular), ("THSarabunNew Bold.ttf", bundled.bold),
                         ("THSarabunNew Italic.ttf", bundled.italic),
                         ("THSarabunNew BoldItalic.ttf", bundled.bold_italic)]:
        (folder / name).write_bytes(source.read_bytes())
    found = find_installed_font_set([tmp_path / "fonts"])
    assert isinstance(found, FontSet) and found.family == "TH Sarabun New"
    assert body_size_pt(found) == OFFICIAL_BODY_SIZE_PT
    assert find_installed_font_set([tmp_path / "nothing"]) is None


def test_default_font_set_falls_back_to_bundled():
    assert default_font_set().regular.is_file()


def test_sarabun_calibration_from_font_tables():
    """Sarabun 16 pt vs TH Sarabun PSK 16 pt: measure Sarabun, compare with PSK's known x-height."""
    fonts = bundled_font_set()
    tables = TTFont(str(fonts.regular))
    upem = tables["head"].unitsPerEm
    x_height_em = tables["OS/2"].sxHeight / upem
    cmap = tables.getBestCmap()
    advances = [tables["hmtx"][cmap[ord(c)]][0] / upem for c in THAI_CONSONANTS if ord(c) in cmap]
    mean_thai_advance_em = sum(advances) / len(advances)
    assert x_height_em == 0.5  # measured
    assert 0.55 < mean_thai_advance_em < 0.70  # measured: about 0.62 em
    scale = TH_SARABUN_NEW_X_HEIGHT_EM_ASSUMED / x_height_em  # ~0.68, i.e. Sarabun is ~1.47x larger
    assert abs(body_size_pt(fonts) - OFFICIAL_BODY_SIZE_PT * scale) < 0.3
    assert 10.5 <= body_size_pt(fonts) <= 11.0


def test_line_height_fits_stacked_marks(typesetter, body_size):
    height_pt = typesetter.line_height_mm(body_size) * 72 / 25.4
    assert height_pt >= 1.4 * body_size
    tables = TTFont(str(bundled_font_set().regular))
    # Tallest stack (ป + upper vowel + tone) and deepest (ฎ + lower vowel) fit in the line box.
    line = typesetter.layout("ปั้นฎุ", 100, body_size)[0]
    head = tables["head"]
    top_pt = line.baseline_mm * 72 / 25.4
    assert top_pt >= 0.95 * body_size  # Thai stacks reach about 0.95 em above the baseline
    assert height_pt - top_pt >= -head.yMin / head.unitsPerEm * body_size * 0.5
