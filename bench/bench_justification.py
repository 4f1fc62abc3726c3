"""Benchmark: how well justified Thai is set, by this program and by LibreOffice, measured from the PDFs.

For the seed's paragraphs and the agency-prose corpus (tests/fixtures/agency_prose), both laid
out justified on the report's measure (A4, margins 30/20 mm, first-line indent 10 mm, Sarabun at
the body size): justified lines, lines whose widest gap between words exceeds 1.5 / 2 / 3
median character widths, the widest gap, line ends inside a word that libthai rejects, render
time. LibreOffice gets the same paragraphs as a justified .docx in the same font
(``soffice --headless --convert-to pdf``). Then the render time of the whole sample report and
of a report with 200 kB in one field. Figures, not assertions; the machine is shared.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_DATA", os.path.join(tempfile.gettempdir(), "ita-desktop-bench-pythainlp"))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita_desktop.paths import sample_report_text  # noqa: E402
from ita_desktop.typesetting import (  # noqa: E402
    body_size_pt,
    bundled_font_set,
    normalize_text,
    preload_dictionary,
)
from tests.pdf.set_lines import (  # noqa: E402
    BOTTOM_MM,
    INDENT_MM,
    LEFT_MM,
    MEASURE_MM,
    TOP_MM,
    flagged_breaks,
    icu_breaks,
    print_paragraphs,
    printed_lines,
    set_figures,
)


def corpus_paragraphs() -> list[str]:
    data = json.loads((ROOT / "tests" / "fixtures" / "agency_prose" / "paragraphs.json").read_text("utf-8"))
    return [normalize_text(entry["text"]) for entry in data["paragraphs"]]


def seed_paragraphs() -> list[str]:
    return [normalize_text(block) for block in sample_report_text().split("\n\n") if block.strip()]


def render_ours(paragraphs: list[str], path: Path) -> float:
    started = time.perf_counter()
    print_paragraphs(paragraphs, path)
    return time.perf_counter() - started


def render_libreoffice(paragraphs: list[str], folder: Path) -> tuple[Path, float] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(210 - LEFT_MM - MEASURE_MM)
    section.top_margin, section.bottom_margin = Mm(TOP_MM), Mm(297 - BOTTOM_MM)
    size = body_size_pt(bundled_font_set())
    for text in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Mm(INDENT_MM)
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        properties = run._element.get_or_add_rPr()
        fonts = properties.get_or_add_rFonts()
        for attribute in ("w:cs", "w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(attribute), "Sarabun")  # Thai is a complex script: w:cs and w:szCs apply to it
        properties.append(properties.makeelement(qn("w:szCs"), {qn("w:val"): str(round(size * 2))}))
    docx_path = folder / "paragraphs.docx"
    document.save(str(docx_path))
    # Sarabun from the app's own resources, so LibreOffice sets the same font.
    fonts_conf = folder / "fonts.conf"
    fonts_conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>{bundled_font_set().regular.parent}</dir><cachedir>{folder / "fc-cache"}</cachedir></fontconfig>""")
    environment = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf))
    profile = folder / "lo-profile"
    started = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(docx_path)], check=True, capture_output=True, env=environment,
                   timeout=600)
    return folder / "paragraphs.pdf", time.perf_counter() - started


def figures(pdf: Path, paragraphs: list[str]) -> dict:
    lines = printed_lines(pdf)
    result = set_figures(lines).as_dict()
    flagged = flagged_breaks("\n".join(paragraphs), [line.text for line in lines])
    result["flagged_breaks"] = len(flagged)  # line ends inside a word that libthai rejects
    # ... and that ICU rejects too (both dictionaries read some phrases the same wrong way)
    result["flagged_by_icu_too"] = sum(1 for item in flagged if not _icu_accepts(item))
    result["flagged_examples"] = [str(item) for item in flagged[:8]]
    return result


def _icu_accepts(item) -> bool:
    text = item.before + item.after
    try:
        return len(item.before) in icu_breaks(text)
    except OSError:
        return False


class _NoPhotos:
    """The photo source of a report without photos."""

    def photo_data(self, photo_id: int, kind: str = "print") -> bytes:
        raise KeyError(photo_id)

    def photo_format(self, photo_id: int) -> str:
        raise KeyError(photo_id)


def render_report_seconds(report) -> float:
    from ita_desktop.pdf import render_report

    started = time.perf_counter()
    render_report(report, _NoPhotos())
    return time.perf_counter() - started


def report_timings() -> dict:
    from ita_desktop.importing import recognise_text

    sample = recognise_text(sample_report_text(), "sample").report
    first = render_report_seconds(sample)
    again = render_report_seconds(sample)
    paragraph = "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน ครั้งที่ "
    huge = sample.measures[0]
    huge.summary = "\n".join(f"{paragraph}{n}" for n in range(2_700))
    big = render_report_seconds(sample)
    return {"sample_first_s": round(first, 3), "sample_again_s": round(again, 3),
            "field_200kB_s": round(big, 3), "field_bytes": len(huge.summary.encode("utf-8"))}


def main() -> None:
    preload_dictionary()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, paragraphs in (("seed", seed_paragraphs()), ("agency_corpus", corpus_paragraphs())):
            ours_pdf = folder / f"{name}-ours.pdf"
            seconds = render_ours(paragraphs, ours_pdf)
            row = {"benchmark": f"justification_{name}", "paragraphs": len(paragraphs),
                   "ours": figures(ours_pdf, paragraphs) | {"render_s": round(seconds, 3)}}
            lo_folder = folder / f"{name}-lo"
            lo_folder.mkdir()
            libreoffice = render_libreoffice(paragraphs, lo_folder) if not os.environ.get("ITA_BENCH_NO_LO") else None
            if libreoffice is not None:
                lo_pdf, lo_seconds = libreoffice
                row["libreoffice"] = figures(lo_pdf, paragraphs) | {"render_s": round(lo_seconds, 2)}
                if os.environ.get("ITA_BENCH_KEEP"):
                    shutil.copy(lo_pdf, Path(os.environ["ITA_BENCH_KEEP"]) / f"{name}-libreoffice.pdf")
            else:
                row["libreoffice"] = None
            if os.environ.get("ITA_BENCH_KEEP"):
                shutil.copy(ours_pdf, Path(os.environ["ITA_BENCH_KEEP"]) / f"{name}-ours.pdf")
            print(json.dumps(row, ensure_ascii=False))
    print(json.dumps({"benchmark": "justification_render_times", **report_timings(),
                      "note": "shared 2-core machine: times vary by up to a quarter"}))


if __name__ == "__main__":
    main()
