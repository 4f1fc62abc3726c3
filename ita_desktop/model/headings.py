"""The printed text of every heading, derived once for the PDF, the Word export and the editor's tree."""

from __future__ import annotations

from ita_desktop.forms import FormField
from ita_desktop.model.numbering import (
    count_phrase,
    digits,
    group_label,
    item_citation,
    measure_label,
    part_label,
    section_label,
)
from ita_desktop.model.report import Measure, MeasureGroup, Report, Section


def lists_groups(section: Section) -> bool:
    """A section whose groups have headings (IIT/EIT/OIT) counts "จำนวนทั้งหมด … ข้อ ดังนี้"."""
    return any(group.kind or group.title.strip() for group in section.groups)


def group_has_heading(group: MeasureGroup) -> bool:
    """An ungrouped section's single group (no kind, no title) prints no heading of its own."""
    return bool(group.kind or group.title.strip())


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def section_heading(section: Section, index: int, thai: bool, untitled: str = "") -> str:
    """"๑. มาตรการสำหรับข้อบกพร่อง… จำนวนทั้งหมด ๘ ข้อ ดังนี้" or "๒. … จำนวน ๑ ข้อ"."""
    total = lists_groups(section)
    count = count_phrase(len(section.measures), thai, total=total) + (" ดังนี้" if total else "")
    return _join(section_label(index, thai), section.title.strip() or untitled, count)


def group_heading(group: MeasureGroup, section_index: int, group_index: int, thai: bool,
                  untitled: str = "") -> str:
    """"๑.๑ ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน ๖ ข้อ"."""
    title = group.title.strip() or untitled
    if group.kind and f"({group.kind})" not in title:
        title = _join(title, f"({group.kind})")
    return _join(group_label(section_index, group_index, thai), title, count_phrase(len(group.measures), thai))


def measure_heading(group: MeasureGroup, index: int, measure: Measure, thai: bool, untitled: str = "") -> str:
    """"(๑) มาตรการเกี่ยวกับ… (ข้อ I1 เดิม)"; a lone measure has no number."""
    citation = item_citation(measure.items, measure.items_previous, thai)
    title = measure.title.strip() or untitled
    if citation and citation not in title:
        title = _join(title, f"({citation})")
    return _join(measure_label(group, index, thai), title)


def part_heading(group: MeasureGroup, measure_index: int, part: FormField, thai: bool) -> str:
    """"(๑.๑) ขั้นตอนหรือวิธีดำเนินการ :" (or "(๑) …" under a lone measure)."""
    return f"{part_label(group, measure_index, part.number or 0, thai)} {part.label_th} :"


def agency_line(report: Report, thai: bool) -> str:
    """"ขององค์การบริหารส่วนจังหวัดอ่างทอง ประจำปีงบประมาณ พ.ศ.๒๕๖๖" (either half may be missing)."""
    agency = report.agency.strip()
    if agency and not agency.startswith("ของ"):
        agency = "ของ" + agency
    year = f"ประจำปีงบประมาณ พ.ศ.{digits(report.fiscal_year, thai)}" if report.fiscal_year else ""
    return " ".join(part for part in (agency, year) if part)
