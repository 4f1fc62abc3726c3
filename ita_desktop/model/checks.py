"""Pre-print check: what a reader of the printed report would notice (empty parts, odd codes, wrong counts)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from enum import StrEnum

from ita_desktop.forms import MEASURE_PARTS
from ita_desktop.model.item_codes import CODE_PATTERN, ITEM_RANGES, KIND_LETTER, suggest_item_codes
from ita_desktop.model.numbering import group_label, measure_label, parse_number, section_label
from ita_desktop.model.report import Measure, MeasureGroup, Report, Section

# "จำนวน ๖ ข้อ", "จำนวนทั้งหมด ๘ ข้อ", "จำนวน 6 ข้อ"
COUNT_PATTERN = re.compile(r"จำนวน(?:ทั้งหมด)?\s*([0-9๐-๙]+)\s*ข้อ")
# The numbered parts written as paragraphs (steps, summary, outcome); the responsible unit is checked alone.
TEXT_PARTS = [part for part in MEASURE_PARTS if part.kind == "text"]


class Severity(StrEnum):
    """How much a problem matters: an error prints wrongly, a warning may be intended."""

    ERROR = "error"
    WARNING = "warning"


class NodeKind(StrEnum):
    """Which kind of tree node a problem is about (the editor selects it)."""

    REPORT = "report"
    SECTION = "section"
    GROUP = "group"
    MEASURE = "measure"


@dataclass(frozen=True)
class Problem:
    """One finding of the pre-print check, worded in English and Thai, pointing at a node."""

    kind: NodeKind
    node_id: int | None
    code: str  # stable key of the check, e.g. "empty-parts", "odd-item-code"
    english: str
    thai: str
    severity: Severity = Severity.WARNING
    where: str = ""  # the node as printed: "๑.๑ (๓) มาตรการเกี่ยวกับ…"

    def message(self, language: str = "th") -> str:
        return self.thai if language == "th" else self.english


def _short(title: str, limit: int = 60) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _typed_count(title: str) -> int | None:
    found = COUNT_PATTERN.search(title)
    return parse_number(found.group(1)) if found else None


def _item_problems(measure: Measure, group: MeasureGroup, where: str,
                   catalogue: Collection[str] | None) -> Iterator[Problem]:
    codes = [c.strip() for c in measure.items if c.strip()]
    if not codes:
        yield Problem(NodeKind.MEASURE, measure.id, "no-items", "The measure cites no assessment item.",
                      "มาตรการนี้ไม่ได้อ้างอิงข้อการประเมิน", Severity.WARNING, where)
    for code in codes:
        matched = CODE_PATTERN.match(code)
        if not matched:
            guesses = suggest_item_codes(code, group.kind)
            hint_en = f"; probably {' or '.join(guesses)}" if guesses else ""
            hint_th = f" น่าจะเป็น {' หรือ '.join(guesses)}" if guesses else ""
            yield Problem(NodeKind.MEASURE, measure.id, "odd-item-code",
                          f'"{code}" is not an item code (I…, E… or O…){hint_en}.',
                          f'"{code}" ไม่ใช่รหัสข้อการประเมิน (I…, E… หรือ O…){hint_th}', Severity.ERROR, where)
            continue
        letter, number = matched.group(1), int(matched.group(2))
        if catalogue is not None and code not in catalogue:
            yield Problem(NodeKind.MEASURE, measure.id, "code-not-in-catalogue",
                          f"{code} is not in this fiscal year's item catalogue.",
                          f"{code} ไม่มีในรายการข้อการประเมินของปีงบประมาณนี้", Severity.WARNING, where)
        elif catalogue is None and number not in ITEM_RANGES[letter]:
            yield Problem(NodeKind.MEASURE, measure.id, "code-out-of-range",
                          f"{code}: no such item in the usual {letter}-items "
                          f"({letter}1–{letter}{ITEM_RANGES[letter][-1]}).",
                          f"{code}: ไม่มีข้อนี้ในรายการข้อ {letter} ตามปกติ "
                          f"({letter}1–{letter}{ITEM_RANGES[letter][-1]})", Severity.WARNING, where)
        expected = KIND_LETTER.get(group.kind) if group.kind else None
        if expected and letter != expected:
            yield Problem(NodeKind.MEASURE, measure.id, "code-other-instrument",
                          f"{code} is an {letter}-item but the measure is in the {group.kind} group.",
                          f"{code} เป็นข้อ {letter} แต่มาตรการอยู่ในกลุ่ม {group.kind}", Severity.WARNING, where)


def _measure_problems(measure: Measure, group: MeasureGroup, where: str,
                      catalogue: Collection[str] | None) -> Iterator[Problem]:
    if not measure.title.strip():
        yield Problem(NodeKind.MEASURE, measure.id, "no-title", "The measure has no title.",
                      "มาตรการนี้ยังไม่มีชื่อ", Severity.ERROR, where)
    yield from _item_problems(measure, group, where, catalogue)
    empty = [part for part in TEXT_PARTS if not getattr(measure, part.key).strip()]
    if empty:
        yield Problem(NodeKind.MEASURE, measure.id, "empty-parts",
                      "Empty parts: " + ", ".join(part.label_en for part in empty) + ".",
                      "ยังไม่ได้กรอก: " + ", ".join(part.label_th for part in empty), Severity.WARNING, where)
    if not measure.responsible.strip():
        yield Problem(NodeKind.MEASURE, measure.id, "no-responsible-unit", "No responsible unit.",
                      "ยังไม่ได้ระบุหน่วยงานผู้รับผิดชอบ", Severity.WARNING, where)
    typed = _typed_count(measure.title)
    if typed is not None and typed != len(measure.items):
        yield Problem(NodeKind.MEASURE, measure.id, "count-differs",
                      f"The title says {typed} items but the measure cites {len(measure.items)}.",
                      f"ชื่อเรื่องระบุ {typed} ข้อ แต่มาตรการอ้างอิง {len(measure.items)} ข้อ", Severity.ERROR, where)


def _count_problem(kind: NodeKind, node: Section | MeasureGroup, where: str) -> Iterator[Problem]:
    typed = _typed_count(node.title)
    real = len(node.measures)
    if typed is not None and typed != real:
        yield Problem(kind, node.id, "count-differs",
                      f"The title says {typed} measures but there are {real}; the printed count is "
                      f"computed, so remove the number from the title.",
                      f"ชื่อเรื่องระบุ {typed} ข้อ แต่มีมาตรการ {real} ข้อ ตัวเลขจำนวนข้อจะพิมพ์ให้อัตโนมัติ "
                      f"จึงควรลบออกจากชื่อเรื่อง", Severity.ERROR, where)
    if real == 0:
        yield Problem(kind, node.id, "no-measures", "It contains no measure.", "ยังไม่มีมาตรการ",
                      Severity.WARNING, where)


def _report_problems(report: Report) -> Iterator[Problem]:
    if not report.agency.strip():
        yield Problem(NodeKind.REPORT, report.id, "no-agency", "The agency's name is empty.",
                      "ยังไม่ได้ระบุชื่อหน่วยงาน", Severity.ERROR)
    if report.fiscal_year <= 0:
        yield Problem(NodeKind.REPORT, report.id, "no-fiscal-year", "The fiscal year is not set.",
                      "ยังไม่ได้ระบุปีงบประมาณ", Severity.ERROR)
    if not [s for s in report.signatories if s.name.strip()]:
        yield Problem(NodeKind.REPORT, report.id, "no-signatories", "Nobody signs the report.",
                      "ยังไม่มีผู้ลงนามในรายงาน", Severity.WARNING)


def check_report(report: Report, catalogue: Collection[str] | None = None) -> list[Problem]:
    """Every problem of ``report``, in print order (report first, then each section, group, measure).

    ``catalogue``: the item codes known for the report's fiscal year; without it,
    codes are checked against the usual FY2566 ranges.
    """
    thai = report.thai_digits
    problems = list(_report_problems(report))
    for s_index, section in enumerate(report.sections):
        s_where = f"{section_label(s_index, thai)} {_short(section.title)}".strip()
        problems.extend(_count_problem(NodeKind.SECTION, section, s_where))
        for g_index, group in enumerate(section.groups):
            g_where = f"{group_label(s_index, g_index, thai)} {_short(group.title)}".strip()
            if group.kind is not None or group.title.strip():
                problems.extend(_count_problem(NodeKind.GROUP, group, g_where))
            for m_index, measure in enumerate(group.measures):
                label = measure_label(group, m_index, thai)
                m_where = f"{g_where if group.kind else s_where} › {label} {_short(measure.title)}"
                problems.extend(_measure_problems(measure, group, " ".join(m_where.split()), catalogue))
    return problems
