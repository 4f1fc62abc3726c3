"""Fixtures for the typesetting tests: a PDF, a typesetter on the bundled fonts, the seed text."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from ita_desktop.paths import sample_report_text
from ita_desktop.typesetting import Typesetter, body_size_pt, bundled_font_set, normalize_text

MEASURE_MM = 160.0


@pytest.fixture
def pdf() -> FPDF:
    document = FPDF(unit="mm", format="A4")
    document.add_page()
    return document


@pytest.fixture
def typesetter(pdf: FPDF) -> Typesetter:
    return Typesetter(pdf, bundled_font_set())


@pytest.fixture
def body_size() -> float:
    return body_size_pt(bundled_font_set())


@pytest.fixture(scope="session")
def seed_paragraphs() -> list[str]:
    text = sample_report_text()
    return [normalize_text(block) for block in text.split("\n\n") if block.strip()]


@pytest.fixture
def write_pdf():
    """The function that lays out and draws paragraphs into a file."""
    return write_paragraphs


def write_paragraphs(pdf: FPDF, typesetter: Typesetter, paragraphs: list[str], size: float,
                     path: Path, measure_mm: float = MEASURE_MM) -> list:
    """Lay out and draw paragraphs page after page; returns all lines."""
    all_lines = []
    y = 20.0
    for paragraph in paragraphs:
        for line in typesetter.layout(paragraph, measure_mm, size, first_line_indent_mm=10):
            if y + line.height_mm > 277:
                pdf.add_page()
                y = 20.0
            typesetter.draw_line(line, 30, y)
            y += line.height_mm
            all_lines.append(line)
    pdf.output(str(path))
    return all_lines
