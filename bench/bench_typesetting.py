"""Benchmark: lay out and draw the seed report with the typesetter vs fpdf2's multi_cell."""

from __future__ import annotations

import json
import os
import tempfile
import time

os.environ.setdefault("PYTHAINLP_DATA", os.path.join(tempfile.gettempdir(), "ita-desktop-bench-pythainlp"))

from fpdf import FPDF  # noqa: E402

from ita_desktop.paths import sample_report_text  # noqa: E402
from ita_desktop.typesetting import (  # noqa: E402
    Typesetter,
    body_size_pt,
    bundled_font_set,
    normalize_text,
    preload_dictionary,
)

MEASURE_MM = 160.0


def typeset(paragraphs: list[str], repeat: int = 1) -> tuple[float, int]:
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    fonts = bundled_font_set()
    typesetter, size = Typesetter(pdf, fonts), body_size_pt(fonts)
    start = time.perf_counter()
    lines = 0
    y = 20.0
    for _ in range(repeat):
        for paragraph in paragraphs:
            for line in typesetter.layout(paragraph, MEASURE_MM, size, first_line_indent_mm=10):
                if y + line.height_mm > 277:
                    pdf.add_page()
                    y = 20.0
                typesetter.draw_line(line, 30, y)
                y += line.height_mm
                lines += 1
    return time.perf_counter() - start, lines


def fpdf_multi_cell(paragraphs: list[str]) -> float:
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    fonts = bundled_font_set()
    pdf.add_font("Sarabun", "", str(fonts.regular))
    pdf.set_font("Sarabun", size=body_size_pt(fonts))
    pdf.set_text_shaping(True)
    start = time.perf_counter()
    for paragraph in paragraphs:
        pdf.multi_cell(MEASURE_MM, 5.3, paragraph, align="J", new_x="LMARGIN", new_y="NEXT")
    return time.perf_counter() - start


def main() -> None:
    paragraphs = [normalize_text(p) for p in sample_report_text().split("\n\n") if p.strip()]
    started = time.perf_counter()
    preload_dictionary()
    dictionary_s = time.perf_counter() - started
    cold_s, lines = typeset(paragraphs)
    warm_s, _ = typeset(paragraphs)
    report_x5_s, _ = typeset(paragraphs, repeat=5)  # ~40 measures: the seed has 8
    multi_cell_s = fpdf_multi_cell(paragraphs)
    print(json.dumps({
        "benchmark": "typeset_seed_report",
        "paragraphs": len(paragraphs),
        "lines": lines,
        "dictionary_load_s": round(dictionary_s, 3),
        "typesetter_first_s": round(cold_s, 3),
        "typesetter_warm_cache_s": round(warm_s, 3),
        "typesetter_5x_seed_s": round(report_x5_s, 3),
        "fpdf2_multi_cell_s": round(multi_cell_s, 3),
    }))


if __name__ == "__main__":
    main()
