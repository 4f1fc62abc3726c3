"""The PDF text layer gives back every paragraph exactly (pdftotext -raw/-layout, pypdf)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from ita_desktop.typesetting import Run, normalize_text

MESSY = normalize_text(
    "ประกาศ\u200bองค์การบริหารส่วนจังหวัด\u00a0เรื่อง การดําเนินงาน\x07 (กํา) "
    "ที\u0e48\u0e35สุด\u200b ✅ ปั้นญี่ปุ่นฐูล น้ำใจ ย้ำ"
)
SAMPLE_SENTENCES = [
    "ผู้จัดทำรายงานได้ปั้นแต่งข้อความให้ถูกต้องตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ",
    "ข้อ I1 ถึง I30 และ E1 ถึง E15 รวมทั้ง O1 ถึง O43 (ปีงบประมาณ ๒๕๖๖)",
    MESSY,
]


def without_whitespace(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdftotext(path, *flags: str) -> str:
    return subprocess.run(["pdftotext", *flags, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pypdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def seed_pdf(pdf, typesetter, body_size, seed_paragraphs, tmp_path, write_pdf):
    path = tmp_path / "seed.pdf"
    write_pdf(pdf, typesetter, seed_paragraphs + SAMPLE_SENTENCES, body_size, path)
    return path


EXTRACTORS = {
    "pdftotext -raw": lambda path: pdftotext(path, "-raw"),
    "pdftotext -layout": lambda path: pdftotext(path, "-layout"),
    "pypdf": pypdf_text,
}


def test_pdftotext_is_installed():
    assert shutil.which("pdftotext"), "poppler-utils is needed: apt-get install -y poppler-utils"


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_every_paragraph_comes_back_verbatim(seed_pdf, seed_paragraphs, extractor):
    extracted = without_whitespace(EXTRACTORS[extractor](seed_pdf))
    expected = without_whitespace("".join(seed_paragraphs + SAMPLE_SENTENCES))
    assert extracted == expected


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_no_zero_width_or_stray_characters(seed_pdf, extractor):
    extracted = EXTRACTORS[extractor](seed_pdf)
    assert not re.search("[\u200b-\u200d\u2060\ufeff\ufffd\t]", extracted)


@pytest.mark.parametrize("extractor", ["pdftotext -raw", "pypdf"])
def test_no_spaces_inside_words(seed_pdf, seed_paragraphs, extractor):
    source = " ".join(re.sub(r"\s+", " ", p) for p in seed_paragraphs + SAMPLE_SENTENCES)
    for line in EXTRACTORS[extractor](seed_pdf).splitlines():
        words = line.split(" ")
        for left, right in zip(words, words[1:], strict=False):
            if left and right:
                assert f"{left} {right}" in source or f"{left}{right}" not in source, (left, right)


def test_missing_glyph_drawn_as_box_and_kept_in_text(pdf, typesetter, body_size, tmp_path, write_pdf):
    path = tmp_path / "emoji.pdf"
    write_pdf(pdf, typesetter, ["สถานะ ✅ ผ่าน 😀"], body_size, path)
    assert "✅" in pypdf_text(path) and "😀" in pdftotext(path, "-raw")
    line = typesetter.layout("สถานะ ✅", 100, body_size)[0]
    assert any(p.segment.shaped.missing == "✅" for p in line.segments)


def test_prepared_glyph_positions_equal_the_reference_placement(typesetter, body_size, seed_paragraphs):
    """Per-word prepared positions (the fast path) equal _glyph_positions for any justification."""
    from ita_desktop.typesetting.pdf_text import PreparedGlyphs, _glyph_positions

    shaper = typesetter._shapers[""]
    scale = 1000 / shaper.units_per_em
    words = {word for paragraph in seed_paragraphs[:12] for word in paragraph.split(" ") if word} | {"ก่ำ ท่าน"}
    checked_marks = 0
    for word in sorted(words):
        glyphs = shaper.shape(word).glyphs
        prepared = PreparedGlyphs.build(glyphs, scale, ("",) * len(glyphs), (0,) * len(glyphs))
        checked_marks += len(prepared.marks)
        for gap, space in ((0.0, 0.0), (3.7, 0.0), (12.5, 40.0), (0.0, 25.0)):
            expected = _glyph_positions(glyphs, scale, gap, space)
            assert prepared.positions(gap, space) == pytest.approx(expected, abs=1e-9), (word, gap, space)
    assert checked_marks > 100


@pytest.mark.parametrize(("runs", "faces"), [
    ([Run("ข้อความธรรมดา")], 1),
    ([Run("ตัวหนา ", bold=True), Run("ธรรมดา")], 2),
    ([Run("เอียง ", italic=True), Run("หนาเอียง", bold=True, italic=True)], 3),  # regular: metrics
])
def test_only_the_faces_drawn_are_embedded(pdf, typesetter, body_size, tmp_path, runs, faces):
    for line in typesetter.layout(runs, 160.0, body_size):
        typesetter.draw_line(line, 30, 30)
    path = tmp_path / "faces.pdf"
    pdf.output(str(path))
    assert path.read_bytes().count(b"/FontFile2") == faces
    assert "".join(run.text for run in runs).replace(" ", "") in pypdf_text(path).replace(" ", "")


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_a_tone_typed_before_its_vowel_comes_back_as_typed(pdf, typesetter, body_size, tmp_path, write_pdf,
                                                          extractor):
    typed = "เร\u0e48\u0e37อง ท\u0e49\u0e35 ผู้ใหญ่"  # tone before sara ue / sara ii, as clerks type them
    path = tmp_path / "tone.pdf"
    write_pdf(pdf, typesetter, [typed], body_size, path)
    assert without_whitespace(EXTRACTORS[extractor](path)) == without_whitespace(typed)


def test_a_tone_typed_before_its_vowel_is_drawn_like_the_usual_order(typesetter):
    shaper = typesetter._shapers[""]
    typed, usual = shaper.shape("เร\u0e48\u0e37อง"), shaper.shape("เรื่อง")
    assert [g.glyph_id for g in typed.glyphs] == [g.glyph_id for g in usual.glyphs]
    assert [(g.x_offset, g.y_offset) for g in typed.glyphs] == [(g.x_offset, g.y_offset) for g in usual.glyphs]
    assert "".join(g.chars for g in typed.glyphs) == "เร\u0e48\u0e37อง"


def test_opened_cluster_boundaries_never_extract_as_spaces(pdf, typesetter, body_size, tmp_path, write_pdf):
    # Few spaces, much slack: the cluster boundaries open up to their cap.
    text = "ประชาสัมพันธ์การใช้จ่ายงบประมาณประจำปีให้เจ้าหน้าที่ทราบในรูปแบบที่เข้าใจได้ง่าย" * 2
    path = tmp_path / "open.pdf"
    lines = write_pdf(pdf, typesetter, [text], body_size, path, measure_mm=97)
    assert any(placed.unit_gap_mm > 0.04 * body_size / 2.835 for line in lines for placed in line.segments)
    for extractor in EXTRACTORS.values():
        assert " " not in _joined_lines(extractor(path))


def _joined_lines(text: str) -> str:
    """The extracted text with its line ends dropped (the text has no space, so none may appear)."""
    return "".join(line.strip() for line in text.splitlines())
