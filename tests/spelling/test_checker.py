"""The Thai spell check without Qt: what is flagged, what is not, what is offered."""

from __future__ import annotations

from ita_desktop.importing.report_import import recognise_text
from ita_desktop.model.report_words import report_words
from ita_desktop.paths import sample_report_text
from ita_desktop.spelling import SpellChecker, UserWords, suggestions


def _flagged(checker: SpellChecker, line: str) -> list[tuple[str, str]]:
    return [(line[m.start:m.end], m.correction) for m in checker.misspelt(line)]


def test_slips_that_spell_other_words_are_found_with_their_correction():
    checker = SpellChecker()
    assert _flagged(checker, "งบประมาน ปี") == [("งบประมาน", "งบประมาณ")]
    assert _flagged(checker, "ความโปรงใส") == [("โปรงใส", "โปร่งใส")]
    assert _flagged(checker, "โครงการร อบรม") == [("โครงการร", "โครงการ")]


def test_correct_thai_english_numbers_and_list_marks_are_left_alone():
    checker = SpellChecker()
    for line in ("เขามาทำงาน", "การประชุมคณะกรรมการ", "ก. ข้อหนึ่ง", "ITA 2567 report", "ครั้งที่ ๑๒"):
        assert _flagged(checker, line) == [], line


def test_a_real_report_has_only_its_slips_flagged():
    text = sample_report_text()
    checker = SpellChecker(report_words(recognise_text(text).report))  # its signatories' names are known
    flagged = [line[m.start:m.end] for line in text.splitlines() for m in checker.misspelt(line)]
    # 12,000 characters: only the OCR slips of the scanned original ("การขออิมพีลiment", "กฤษฎศาสตร์").
    assert len(flagged) == 3
    assert all(word in "การขออิมพีลiment" or word in "กฤษฎศาสตร์" for word in flagged), flagged


def test_suggestions_put_the_likeliest_first():
    checker = SpellChecker()
    line = "คุณธรรมม"
    (misspelling,) = checker.misspelt(line)
    offered = suggestions(checker, line, misspelling)
    assert offered[0].text == "คุณธรรม" and line[:offered[0].start] + offered[0].text == "คุณธรรม"


def test_names_are_not_taken_for_slips():
    checker = SpellChecker()
    assert _flagged(checker, "นายสมชาย ใจดี") == []  # not a slip for สามชาย: PyThaiNLP's names know it


def test_extra_words_are_kept_whole():
    checker = SpellChecker(["นิลนิตกร"])
    assert _flagged(checker, "นายสมชาย นิลนิตกร") == []
    assert checker.set_extra_words(["นิลนิตกร"]) is False


def test_user_words_survive_a_new_process(tmp_path):
    words = UserWords(tmp_path / "words.txt")
    assert words.add("อิมพีชเมนต์")
    assert "อิมพีชเมนต์" in UserWords(tmp_path / "words.txt").words
