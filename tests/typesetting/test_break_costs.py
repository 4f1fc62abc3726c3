"""The line breaker's cost model: which boundaries of a Thai line may break, and how dearly."""

from __future__ import annotations

import math

import pytest

from ita_desktop.typesetting.break_costs import (
    AMBIGUOUS,
    COMPOUND,
    FORBIDDEN,
    LEXICAL_COMPOUND,
    MISREAD,
    SPACE,
    SPACE_BY_NUMBER,
    WORD,
    break_opportunities,
)
from ita_desktop.typesetting.segmentation import lexicon


def costs(text: str, own_words: frozenset[str] = frozenset()) -> dict[int, float]:
    """Offset -> cost of breaking there (only offsets where some break is possible)."""
    found = break_opportunities(text, lexicon(own_words))
    assert "".join(text[a.start:a.end] for a in found.atoms) == text  # nothing lost, nothing added
    return {atom.start: cost for atom, cost in zip(found.atoms, found.penalties, strict=True) if cost < FORBIDDEN}


def cost_at(text: str, marker: str, own_words: frozenset[str] = frozenset()) -> float:
    """The cost of breaking ``text`` where ``marker`` ("ก|ข") puts its bar (FORBIDDEN if no break)."""
    plain = marker.replace("|", "")
    offset = text.index(plain) + marker.index("|")
    return costs(text, own_words).get(offset, FORBIDDEN)


def breaks_inside(text: str, word: str, own_words: frozenset[str] = frozenset()) -> list[int]:
    start = text.index(word)
    return [offset for offset in costs(text, own_words) if start < offset < start + len(word)]


def test_typed_spaces_are_free_and_the_break_comes_before_the_spaces():
    text = "ประชุมชี้แจง  ให้บุคลากร"
    found = costs(text)
    assert found[text.index("  ")] == SPACE
    assert text.index("ให้") not in found  # breaking after the spaces would start a line with them


def test_word_boundaries_cost_a_little_more_than_spaces():
    assert SPACE < cost_at("เจ้าหน้าที่ทุกคนได้รับทราบ", "ทุกคน|ได้รับ") <= WORD


@pytest.mark.parametrize("compound,cuts", [
    ("องค์การบริหารส่วนตำบล", ["องค์การ", "บริหาร", "ส่วน", "ตำบล"]),
    ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", None),
])
def test_long_compounds_may_part_between_their_words_at_a_higher_cost(compound, cuts):
    text = f"ประกาศ{compound}เรื่อง"
    inside = breaks_inside(text, compound)
    assert inside, compound
    found = costs(text)
    assert all(COMPOUND <= found[offset] < FORBIDDEN for offset in inside)
    if cuts:
        start = text.index(compound)
        assert inside == [start + len("".join(cuts[:n])) for n in range(1, len(cuts))]


def test_a_compound_is_cut_first_where_it_is_cheapest_to_read():
    # นายก|องค์การบริหารส่วนจังหวัด before องค์การ|บริหาร: the outer cut is the cheaper one.
    text = "นายกองค์การบริหารส่วนจังหวัด"
    found = costs(text)
    outer = found[len("นายก")]
    inner = found[len("นายกองค์การ")]
    assert COMPOUND <= outer < inner < FORBIDDEN


def test_a_compound_the_corpus_counts_as_one_word_is_dearer_to_cut():
    # ประชาสัมพันธ์ is one word to readers (and to the corpus); องค์การบริหารส่วนตำบล is a name of parts.
    assert cost_at("การประชาสัมพันธ์ข่าว", "ประชา|สัมพันธ์") == LEXICAL_COMPOUND
    assert cost_at("ประกาศองค์การบริหารส่วนตำบล", "องค์การ|บริหาร") == COMPOUND


def test_short_dictionary_words_never_part():
    for word in ("เจ้าหน้าที่", "ผู้อำนวยการ", "ท้องถิ่น", "หน่วยงาน"):
        assert breaks_inside(f"ของ{word}ทุกแห่ง", word) == [], word


def test_a_shipped_family_name_stays_whole():
    # กลางประพันธ์ is a family name in PyThaiNLP's list; as text it is กลาง + ประพันธ์.
    text = "นายดอนเดช กลางประพันธ์ นายกเทศมนตรี"
    assert breaks_inside(text, "กลางประพันธ์") == []


def test_the_reports_own_words_stay_whole_only_for_that_report():
    text = "องค์การบริหารส่วนตำบลดงหม้อทองได้ดำเนินการ"
    assert breaks_inside(text, "ดงหม้อทอง") != []  # ดง|หม้อ|ทอง: three dictionary words
    assert breaks_inside(text, "ดงหม้อทอง", frozenset({"ดงหม้อทอง"})) == []


def test_a_run_the_dictionary_does_not_know_stays_whole():
    # "ฮฺฮฺ" style garbage is unknown to newmm: no break beside or inside it.
    text = "การประชุมกวฺกวฺกวฺครั้งนี้"
    unknown = "กวฺกวฺกวฺ"
    start = text.index(unknown)
    found = costs(text)
    assert not [offset for offset in found if start <= offset <= start + len(unknown)]


@pytest.mark.parametrize("text,abbreviation", [
    ("ตามแบบสขร.1 ที่แนบ", "สขร.1"),
    ("ผู้แทนอบต.เขาสมอคอนเข้าร่วม", "อบต."),
    ("สำนักงานป.ป.ช.ประจำจังหวัด", "ป.ป.ช."),
    ("ประจำปีพ.ศ.๒๕๖๖", "พ.ศ.๒๕๖๖"),
])
def test_abbreviations_with_dots_never_part(text, abbreviation):
    start = text.index(abbreviation)
    assert [o for o in costs(text) if start < o < start + len(abbreviation)] == []


@pytest.mark.parametrize("text,number_with_noun", [
    ("บ้านเลขที่ 5 หมู่13 ตำบลโพสะ", "หมู่13"),
    ("รวม๕ไร่", "๕ไร่"),
    ("งบประมาณ 250,000บาท", "250,000บาท"),
])
def test_a_number_typed_against_its_noun_stays_with_it(text, number_with_noun):
    start = text.index(number_with_noun)
    assert [o for o in costs(text) if start < o < start + len(number_with_noun)] == []


def test_a_space_between_a_number_and_its_noun_is_dearer_than_other_spaces():
    text = "จำนวน ๖ ข้อ ดังนี้"
    found = costs(text)
    assert found[text.index(" ข้อ")] == SPACE_BY_NUMBER
    assert found[text.index(" ดังนี้")] == SPACE


def test_never_before_mai_yamok_or_paiyannoi_nor_inside_a_bracket_edge():
    text = "ต่างๆ เช่น กรุงเทพฯ (ด่วน)"
    found = costs(text)
    assert text.index("ๆ") not in found and text.index("ฯ") not in found
    assert text.index("ด่วน") not in found and text.index(")") not in found


def test_a_misread_boundary_is_dear_and_the_likelier_reading_adds_its_own():
    # newmm reads กระบวน|การพิจารณา; the corpus counts prefer กระบวนการ|พิจารณา.
    text = "ได้ผ่านกระบวนการพิจารณาอย่างรอบคอบ"
    assert cost_at(text, "กระบวน|การ") == MISREAD
    assert cost_at(text, "กระบวนการ|พิจารณา") == WORD


def test_a_likely_reading_another_segmenter_may_read_otherwise_is_ambiguous():
    # มา|สร้าง is right, but libthai and ICU read มาส|ร้าง.
    assert cost_at("และมาสร้างบ้านเรือน", "มา|สร้าง") == AMBIGUOUS


def test_costs_are_graded():
    assert SPACE < WORD < SPACE_BY_NUMBER < COMPOUND < AMBIGUOUS < LEXICAL_COMPOUND < MISREAD < FORBIDDEN
    assert math.isinf(FORBIDDEN)


def test_a_long_own_word_keeps_its_name_whole_and_its_institution_breakable():
    # The agency field "องค์การบริหารส่วนตำบลดงหม้อทอง": the place name stays whole, the
    # institution may part as any long compound does (the line before it need not end short).
    own = frozenset({"องค์การบริหารส่วนตำบลดงหม้อทอง"})
    text = "ประกาศองค์การบริหารส่วนตำบลดงหม้อทองเรื่องการประชุม"
    assert breaks_inside(text, "ดงหม้อทอง", own) == []
    assert breaks_inside(text, "องค์การบริหารส่วนตำบล", own) != []


def test_a_phrase_in_a_name_field_does_not_freeze_its_words():
    # "responsible": "ทุกส่วนราชการในสังกัด" is a phrase of ordinary words, not a name.
    own = frozenset({"ทุกส่วนราชการในสังกัดองค์การบริหารส่วนจังหวัด"})
    text = "ให้ทุกส่วนราชการในสังกัดองค์การบริหารส่วนจังหวัดดำเนินการ"
    assert breaks_inside(text, "ทุกส่วนราชการในสังกัด", own) == breaks_inside(text, "ทุกส่วนราชการในสังกัด")


def test_a_signatorys_family_name_from_the_report_stays_whole():
    own = frozenset({"ภู่ประดิษฐ์"})  # ภู่ + ประดิษฐ์ to the dictionary
    text = "ลงชื่อนางสาวสมศรี ภู่ประดิษฐ์ ผู้จัดทำรายงาน"
    assert breaks_inside(text, "ภู่ประดิษฐ์") != []
    assert breaks_inside(text, "ภู่ประดิษฐ์", own) == []
