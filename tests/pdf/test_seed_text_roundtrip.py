"""The seed report printed: every paragraph comes back verbatim (whitespace ignored) from pdftotext and pypdf."""

from __future__ import annotations

import re

import pytest

from ita_desktop.model import Report
from ita_desktop.paths import sample_report_text
from ita_desktop.pdf.blocks import body_paragraphs
from tests.pdf.pdf_support import body_text, pdftotext_pages, pypdf_pages, squash

# "(๑.๓) สรุปผลดำเนินการ : " – the label the seed writes before a part's body.
_PART_PREFIX = re.compile(r"^\([๐-๙0-9.]+\)\s*[^:]{2,60}:\s*")


def report_paragraphs(report: Report) -> list[str]:
    """Every piece of the clerk's text the PDF must carry."""
    texts = [report.title, report.agency]
    for measure in report.measures:
        texts.append(measure.title)
        for key in ("steps", "responsible", "summary", "outcome", "notes"):
            texts += body_paragraphs(getattr(measure, key))
        texts += [cell for row in measure.table for cell in row]
        texts += [photo.caption for photo in measure.photos]
    for person in report.signatories:
        texts += [person.name, person.position]
    return [t for t in (squash(t) for t in texts) if t]


# Lines the PDF rebuilds rather than copies: measure headings (the citation "(ข้อ … เดิม)" is
# derived from the item codes) and the one-line sign-off (printed as a block for signatures).
_REBUILT = ("(ข้อ ", "ผู้จัดทำรายงาน:")


def seed_body_paragraphs() -> list[str]:
    """Long paragraphs of the seed text itself, without the part label written before them."""
    bodies = []
    for line in sample_report_text().splitlines():
        body = _PART_PREFIX.sub("", line.strip())
        if len(body) > 80 and "\t" not in body and not any(mark in body for mark in _REBUILT):
            bodies.append(squash(body))
    return bodies


@pytest.fixture(scope="module")
def extracted(demo_pdf) -> dict[str, str]:
    return {
        "pdftotext -raw": body_text(pdftotext_pages(demo_pdf, raw=True)),
        "pypdf": body_text(pypdf_pages(demo_pdf)),
    }


@pytest.mark.parametrize("extractor", ["pdftotext -raw", "pypdf"])
def test_every_report_paragraph_is_in_the_text_layer(demo_report, extracted, extractor):
    text = extracted[extractor]
    paragraphs = report_paragraphs(demo_report)
    assert len(paragraphs) > 40
    missing = [p for p in paragraphs if p not in text]
    assert missing == []


@pytest.mark.parametrize("extractor", ["pdftotext -raw", "pypdf"])
def test_long_seed_paragraphs_are_printed_verbatim(extracted, extractor):
    bodies = seed_body_paragraphs()
    assert len(bodies) >= 25
    missing = [b[:40] for b in bodies if b not in extracted[extractor]]
    assert missing == []


def test_text_layer_has_no_zero_width_characters(extracted):
    for text in extracted.values():
        assert "\u200b" not in text and "\ufffd" not in text


def test_headings_and_counts_of_the_seed(extracted):
    text = extracted["pdftotext -raw"]
    for heading in (
        "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวนทั้งหมด ๘ ข้อ ดังนี้",
        "๑.๑ ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน ๖ ข้อ",
        "๑.๒ ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) จำนวน ๑ ข้อ",
        "๑.๓ ด้านการเปิดเผยข้อมูลสาธารณะ (OIT) จำนวน ๑ ข้อ",
        "๒. มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น จำนวน ๑ ข้อ",
        "(๑) มาตรการเกี่ยวกับทบทวนขั้นตอนการปฏิบัติราชการตามอำนาจหน้าที่ (ข้อ I1 เดิม)",
        "(๖.๕) ภาพประกอบ (ถ้ามี) :",
        "ขององค์การบริหารส่วนจังหวัดอ่างทอง ประจำปีงบประมาณ พ.ศ.๒๕๖๖",
    ):
        assert squash(heading) in text, heading
