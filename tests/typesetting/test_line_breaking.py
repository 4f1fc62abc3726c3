"""Lines break only between words, stay within the measure, and justify as Thai documents do."""

from __future__ import annotations

import pytest
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

from ita_desktop.typesetting import Run
from ita_desktop.typesetting.segmentation import break_allowed, is_combining

OWN_TEXT = (
    "องค์การบริหารส่วนจังหวัดได้จัดประชุมชี้แจงแนวทางการประเมินคุณธรรมและความโปร่งใสในการ"
    "ดำเนินงานของหน่วยงานภาครัฐให้แก่บุคลากรทุกระดับ เพื่อสร้างความรู้ความเข้าใจที่ถูกต้อง "
    "และเปิดโอกาสให้ประชาชนมีส่วนร่วมตรวจสอบการใช้จ่ายงบประมาณผ่านเว็บไซต์ www.angthongpao.go.th "
    "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖ รวม 1,250,000 บาท"
)


def second_segmentation_boundaries(text: str) -> set[int]:
    """Word boundaries from a different engine (dictionary longest matching) than the engine's."""
    boundaries, position = {0, len(text)}, 0
    for word in word_tokenize(text, engine="longest", custom_dict=None, keep_whitespace=True):
        position += len(word)
        boundaries.add(position)
    return boundaries


def line_boundaries(lines) -> list[int]:
    """Offsets in the paragraph (spaces at breaks dropped) where each new line starts."""
    return [len(line.text) for line in lines]


def assert_breaks_between_words(paragraph: str, lines) -> None:
    position = 0
    dictionary = thai_words()
    for line in lines[:-1]:
        start = paragraph.index(line.text.strip(), position)
        end = start + len(line.text.strip())
        position = end
        following = paragraph[end:].lstrip(" ")
        if paragraph[end:end + 1] in (" ", "\n") or not following:
            continue  # broke at a space the clerk typed
        before, after = paragraph[end - 1], paragraph[end]
        assert not is_combining(after), f"break before a mark: {paragraph[end - 10:end + 10]!r}"
        assert break_allowed(before, after), f"break inside Latin/number: {paragraph[end-10:end+10]!r}"
        # Check against a second segmenter on a window around the break.
        window_start = max(paragraph.rfind(" ", 0, end - 1) + 1, end - 40)
        window_end = paragraph.find(" ", end)
        window_end = len(paragraph) if window_end < 0 else min(window_end, end + 40)
        window = paragraph[window_start:window_end]
        left_word = next((w for w in _words_ending_at(window, end - window_start, dictionary)), None)
        assert (end - window_start) in second_segmentation_boundaries(window) or left_word, (
            f"break at {paragraph[end - 15:end]!r} | {paragraph[end:end + 15]!r} is not a word boundary"
        )


def _words_ending_at(window: str, offset: int, dictionary) -> list[str]:
    """Dictionary words that end exactly at ``offset`` and a dictionary word that starts there."""
    starts_here = any(window[offset:offset + n] in dictionary for n in range(2, 20))
    return [window[offset - n:offset] for n in range(2, 20)
            if window[offset - n:offset] in dictionary and starts_here]


def test_seed_text_breaks_only_between_words(typesetter, body_size, seed_paragraphs):
    for paragraph in seed_paragraphs:
        lines = typesetter.layout(paragraph, 160, body_size)
        assert_breaks_between_words(paragraph, lines)


@pytest.mark.parametrize("width_mm", [40, 73, 120, 160])
def test_own_text_breaks_only_between_words(typesetter, body_size, width_mm):
    lines = typesetter.layout(OWN_TEXT, width_mm, body_size)
    assert len(lines) > 1
    assert_breaks_between_words(OWN_TEXT, lines)
    assert "".join(line.text for line in lines).replace(" ", "") == OWN_TEXT.replace(" ", "")


def test_latin_words_and_numbers_break_only_at_spaces(typesetter, body_size):
    lines = typesetter.layout(OWN_TEXT, 50, body_size)
    for token in ("www.angthongpao.go.th", "1,250,000", "๒๕๖๖"):
        assert any(token in line.text for line in lines), token


def test_every_line_within_measure(typesetter, body_size, seed_paragraphs):
    for paragraph in seed_paragraphs:
        for line in typesetter.layout(paragraph, 160, body_size, first_line_indent_mm=12.5):
            assert line.indent_mm + line.width_mm <= 160 + 1e-6
            if not line.segments:
                continue  # an empty hard line inside the paragraph
            last = line.segments[-1]
            drawn_end = last.x_mm + last.segment.width_mm + last.unit_gap_mm * (
                last.segment.shaped.unit_count - 1) + last.space_extra_mm * last.segment.text.count(" ")
            assert drawn_end <= 160 + 1e-6


def test_justified_lines_fill_the_measure_last_line_left(typesetter, body_size, seed_paragraphs):
    long_paragraph = max((p for p in seed_paragraphs if "\n" not in p), key=len)
    lines = typesetter.layout(long_paragraph, 160, body_size)
    assert lines[-1].is_last and not lines[-1].justified
    assert not any(line.is_last for line in lines[:-1])
    for line in lines[:-1]:
        last = line.segments[-1]
        end = last.x_mm + last.segment.width_mm + last.unit_gap_mm * (
            last.segment.shaped.unit_count - 1) + last.space_extra_mm * last.segment.text.count(" ")
        assert end == pytest.approx(160, abs=0.05), line.text


def test_cluster_gaps_are_narrower_than_typed_spaces(typesetter, body_size, seed_paragraphs):
    lines = typesetter.layout(max((p for p in seed_paragraphs if "\n" not in p), key=len), 160, body_size)
    space_mm = typesetter.text_width_mm("ก ก", body_size) - typesetter.text_width_mm("กก", body_size)
    assert space_mm > 0.5
    for line in lines:
        for placed in line.segments:
            assert placed.unit_gap_mm < space_mm


def test_overlong_word_breaks_between_clusters_only(typesetter, body_size):
    word = "ประชาสัมพันธ์" * 12
    lines = typesetter.layout(word, 30, body_size)
    assert len(lines) > 3
    assert "".join(line.text for line in lines) == word
    for line in lines[1:]:
        assert not is_combining(line.text[0])
        assert line.width_mm <= 30 + 1e-6


def test_hard_line_break_starts_a_new_unjustified_line(typesetter, body_size):
    lines = typesetter.layout("บรรทัดแรก\nบรรทัดที่สอง", 160, body_size)
    assert [line.text for line in lines] == ["บรรทัดแรก", "บรรทัดที่สอง"]
    assert not lines[0].justified and not lines[0].is_last and lines[1].is_last


@pytest.mark.parametrize("text", ["", "   ", " \u200b ", [Run("  "), Run("")]])
def test_blank_paragraph_gives_no_lines(typesetter, body_size, text):
    assert typesetter.layout(text, 160, body_size) == []


def test_runs_keep_their_style_and_join_words(typesetter, body_size):
    lines = typesetter.layout([Run("ตัวหนา", bold=True), Run("และ"), Run("เอียง", italic=True)], 160,
                              body_size, align="left")
    by_style: dict[str, str] = {}
    for placed in lines[0].segments:
        by_style[placed.segment.style] = by_style.get(placed.segment.style, "") + placed.segment.text
    assert by_style == {"B": "ตัวหนา", "": "และ", "I": "เอียง"}


@pytest.mark.parametrize("align", ["left", "center", "right"])
def test_alignment_offsets(typesetter, body_size, align):
    line = typesetter.layout("สวัสดี", 100, body_size, align=align)[0]
    slack = 100 - line.width_mm
    expected = {"left": 0, "center": slack / 2, "right": slack}[align]
    assert line.segments[0].x_mm == pytest.approx(expected)


def test_an_unknown_run_wider_than_the_line_still_breaks_between_clusters(typesetter, body_size):
    run = "กวฺ" * 40  # nothing the dictionary knows: kept whole while it fits, cut only when it cannot
    text = f"เริ่ม {run} จบ"
    lines = typesetter.layout(text, 40, body_size)
    assert "".join(line.text for line in lines).replace(" ", "") == text.replace(" ", "")
    assert all(line.indent_mm + line.width_mm <= 40 + 1e-6 for line in lines)
    assert all(not is_combining(line.text.lstrip()[0]) for line in lines)
    wide = typesetter.layout(f"เริ่ม {'กวฺ' * 6} จบ", 160, body_size)
    assert len(wide) == 1


def test_a_first_piece_wider_than_the_indented_first_line_is_cut_to_fit_it(typesetter, body_size):
    url = "www.angthongpao.go.th/ita/2567"  # 55 mm: fits a 60 mm line, not one indented 15 mm
    lines = typesetter.layout(f"{url} ตามที่ได้แจ้ง", 60, body_size, first_line_indent_mm=15)
    assert lines[0].indent_mm == 15
    assert all(line.indent_mm + line.width_mm <= 60 + 1e-6 for line in lines)
    assert "".join(line.text for line in lines).startswith(url)
