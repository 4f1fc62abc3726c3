"""Find over every text of a report, whole words found by the Thai segmenter (no Qt)."""

from __future__ import annotations

from ita_desktop.text_search import SearchOptions, TextPlace, find_hits, replaced_values, text_places
from ita_desktop.text_search.matching import replace_in_text
from tests.helpers import small_report


def _found(text: str, query: str, **options) -> list[tuple[int, int]]:
    place = TextPlace("measure", 1, "summary")
    return [(h.start, h.end) for h in find_hits([(place, text)], SearchOptions(query, **options))]


def test_thai_whole_word_does_not_match_inside_a_longer_word():
    text = "การประชุมคณะกรรมการ การ"
    assert _found(text, "การ") == [(0, 3), (16, 19), (20, 23)]  # in การประชุม, in คณะกรรมการ, alone
    assert _found(text, "การ", whole_word=True) == [(20, 23)]
    assert _found(text, "การประชุม", whole_word=True) == [(0, 9)]


def test_latin_case_and_whole_word():
    text = "ITA report; the ita team"
    assert _found(text, "ita") == [(0, 3), (16, 19)]
    assert _found(text, "ita", match_case=True) == [(16, 19)]
    assert _found(text, "it", whole_word=True) == []


def test_every_kind_of_place_is_searched():
    report = small_report()
    for number, measure in enumerate(report.measures):
        measure.id = number + 1
    report.sections[0].id, report.sections[0].groups[0].id = 10, 20
    report.measures[0].photos = []
    kinds = {(place.kind, place.key) for place, _text in text_places(report)}
    assert {("report", "agency"), ("signatory", "name"), ("section", "title"), ("group", "title"),
            ("measure", "title"), ("measure", "table"), ("measure", "summary")} <= kinds
    hits = find_hits(text_places(report), SearchOptions("ข"))
    assert TextPlace("measure", 1, "table", (0, 2)) in {h.place for h in hits}


def test_replacing_cells_and_signatories_writes_each_field_once():
    report = small_report()
    report.measures[0].id = 7
    writes = replaced_values(report, {TextPlace("measure", 7, "table", (0, 1)): "X",
                                      TextPlace("measure", 7, "table", (0, 2)): "Y",
                                      TextPlace("signatory", 0, "name"): "นายใหม่"})
    by_key = {(kind, key): value for kind, _id, key, value in writes}
    assert by_key[("measure", "table")] == [["1", "X", "Y", "ค", "ง", ""]]
    assert by_key[("signatories", "signatories")][0].name == "นายใหม่"
    assert report.measures[0].table[0][1] == "ก"  # the report itself is untouched until the writes are applied


def test_replace_in_text_counts():
    assert replace_in_text("การ การประชุม การ", SearchOptions("การ", whole_word=True), "งาน") == ("งาน การประชุม งาน", 2)
