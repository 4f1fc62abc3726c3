"""Justified Thai as printed, measured from the PDF: the sample, its paragraphs and real agency prose.

Word boxes come from ``pdftotext -bbox-layout``; a gap is measured in median character
advances of the same PDF; libthai is the second segmenter that must accept every break
falling inside a run of text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ita_desktop.paths import sample_report_text
from ita_desktop.typesetting import normalize_text
from tests.pdf.set_lines import (
    MEASURE_MM,
    flagged_breaks,
    libthai_breaks,
    line_ends,
    print_paragraphs,
    printed_lines,
    set_figures,
)

CORPUS = Path(__file__).parent.parent / "fixtures" / "agency_prose" / "paragraphs.json"
MAX_GAP_WIDTHS = 2.0


def corpus_paragraphs() -> list[str]:
    return [normalize_text(entry["text"]) for entry in json.loads(CORPUS.read_text("utf-8"))["paragraphs"]]


def sample_paragraphs() -> list[str]:
    return [normalize_text(block) for block in sample_report_text().split("\n\n") if block.strip()]


TEXTS = {"sample": sample_paragraphs, "agency_corpus": corpus_paragraphs}


@pytest.fixture(scope="module", params=sorted(TEXTS))
def printed(request, tmp_path_factory):
    """(paragraphs, laid-out lines, PDF path) for one body of text."""
    paragraphs = TEXTS[request.param]()
    path = tmp_path_factory.mktemp("set") / f"{request.param}.pdf"
    lines = print_paragraphs(paragraphs, path)
    return paragraphs, lines, path


def test_the_corpus_is_real_agency_prose_with_its_sources():
    entries = json.loads(CORPUS.read_text("utf-8"))["paragraphs"]
    assert len(entries) >= 50
    assert all(entry["source"].startswith("http") and len(entry["text"]) >= 60 for entry in entries[:10])
    assert len({entry["source"] for entry in entries}) >= 30


def test_no_justified_line_has_a_gap_wider_than_two_characters(printed):
    _, _, path = printed
    figures = set_figures(printed_lines(path))
    assert figures.justified_lines >= 80  # the measure finds the justified lines at all
    assert figures.largest_gap <= MAX_GAP_WIDTHS, figures.worst_line


def test_no_line_runs_past_the_measure(printed):
    _, lines, path = printed
    assert set_figures(printed_lines(path)).overfull_lines == 0
    for line in lines:
        assert line.indent_mm + line.width_mm <= MEASURE_MM + 1e-6


def test_every_break_inside_a_run_of_text_is_one_libthai_accepts(printed):
    paragraphs, _, path = printed
    lines = [line.text for line in printed_lines(path)]
    assert flagged_breaks("\n".join(paragraphs), lines) == []


def test_the_text_layer_is_the_text_word_for_word(printed):
    paragraphs, _, path = printed
    source = "\n".join(paragraphs)
    lines = [line.text for line in printed_lines(path)]
    ends = line_ends(source, lines)
    assert len(ends) == len(lines) - 1  # every line found, in order
    for line, start, end in zip(lines, [0, *ends], [*ends, len(source)], strict=True):
        # pdftotext's words are the typed words: no space opened inside one, none lost.
        assert line.split() == source[start:end].split(), line


def test_libthai_is_a_real_second_opinion():
    text = "องค์การบริหารส่วนตำบล"
    assert {len("องค์การ"), len("องค์การบริหาร")} <= libthai_breaks(text)
    assert 1 not in libthai_breaks(text)  # never between a consonant and its mark


def test_the_printed_sample_report_has_no_stretched_line(demo_pdf):
    figures = set_figures(printed_lines(demo_pdf))
    assert figures.justified_lines >= 60
    assert figures.largest_gap <= MAX_GAP_WIDTHS, figures.worst_line
    assert figures.overfull_lines == 0


def test_a_part_opening_on_a_long_agency_name_prints_without_a_stretched_line(tmp_path):
    # The worst case first fit met: a bold label, then a 54-character agency name the line
    # before must either take or leave; and corpus paragraphs as every part of every measure.
    from ita_desktop.pdf import render_report
    from tests.helpers import small_report
    from tests.pdf.pdf_support import MemoryPhotos

    report = small_report()
    report.agency = "องค์การบริหารส่วนตำบลดงหม้อทอง"
    bodies = iter(corpus_paragraphs())
    for measure in report.measures:
        measure.steps = "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ ได้กำหนดแนวทาง " + next(bodies)
        measure.summary = "ตามที่องค์การบริหารส่วนตำบลดงหม้อทองอำเภอเมืองจังหวัดอ่างทอง " + next(bodies)
        measure.outcome = next(bodies) + "\n" + next(bodies)
    path = tmp_path / "report.pdf"
    path.write_bytes(render_report(report, MemoryPhotos()))
    lines = printed_lines(path)
    figures = set_figures(lines)
    assert figures.justified_lines >= 20
    assert figures.largest_gap <= MAX_GAP_WIDTHS, figures.worst_line
    assert figures.overfull_lines == 0
    assert sum("ดงหม้อทอง" in line.text for line in lines) >= 4
    assert not any(line.text.endswith(("ดง", "ดงหม้อ")) for line in lines)  # the place name never parts


def test_no_printed_heading_ends_on_a_lone_bracket_tail(demo_pdf):
    # First fit printed "(๔) มาตรการเกี่ยวกับ...ประจำปี (ข้อ 112" and then "เดิม)" alone.
    lines = [line.text for line in printed_lines(demo_pdf)]
    assert not [text for text in lines if len(text.split()) == 1 and text.endswith(")")]
