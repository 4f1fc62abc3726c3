"""Pre-print check: what a reader of the printed report would notice (empty parts, odd codes, wrong counts)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from enum import StrEnum

from ita_desktop.messages import Message, Worded
from ita_desktop.model.item_codes import ITEM_RANGES
from ita_desktop.model.measure_checks import CodeCheck, empty_parts, item_code_findings
from ita_desktop.model.numbering import group_label, measure_label, parse_number, section_label
from ita_desktop.model.report import Measure, MeasureGroup, Report, Section

# "จำนวน ๖ ข้อ", "จำนวนทั้งหมด ๘ ข้อ", "จำนวน 6 ข้อ"
COUNT_PATTERN = re.compile(r"จำนวน(?:ทั้งหมด)?\s*([0-9๐-๙]+)\s*ข้อ")


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
class Problem(Worded):
    """One finding of the pre-print check, pointing at a node; its message is translated when shown."""

    kind: NodeKind
    node_id: int | None
    code: str  # stable key of the check, e.g. "empty-parts", "odd-item-code"
    text: Message
    severity: Severity = Severity.WARNING
    where: str = ""  # the node as printed: "๑.๑ (๓) มาตรการเกี่ยวกับ…"


def _short(title: str, limit: int = 60) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _either(codes: tuple[str, ...]) -> Message | str:
    """ "I7 or I17": the guesses for a misread code, joined in the language shown."""
    joined: Message | str = codes[0]
    for code in codes[1:]:
        joined = Message("{first} or {second}", first=joined, second=code)
    return joined


def _typed_count(title: str) -> int | None:
    found = COUNT_PATTERN.search(title)
    return parse_number(found.group(1)) if found else None


def _item_problems(measure: Measure, group: MeasureGroup, where: str,
                   catalogue: Collection[str] | None) -> Iterator[Problem]:
    if not any(c.strip() for c in measure.items):
        yield Problem(NodeKind.MEASURE, measure.id, "no-items", Message("The measure cites no assessment item."),
                      Severity.WARNING, where)
    for finding in item_code_findings(measure, group.kind, catalogue):
        code, letter = finding.code, finding.letter
        if finding.check in (CodeCheck.MISREAD, CodeCheck.NO_LETTER, CodeCheck.NOT_A_CODE):
            text = (Message('"{code}" is not an item code (I…, E… or O…); probably {guesses}.', code=code,
                            guesses=_either(finding.guesses)) if finding.guesses
                    else Message('"{code}" is not an item code (I…, E… or O…).', code=code))
            yield Problem(NodeKind.MEASURE, measure.id, "odd-item-code", text, Severity.ERROR, where)
        elif finding.check is CodeCheck.NOT_IN_CATALOGUE:
            yield Problem(NodeKind.MEASURE, measure.id, "code-not-in-catalogue",
                          Message("{code} is not in this fiscal year's item catalogue.", code=code),
                          Severity.WARNING, where)
        elif finding.check is CodeCheck.OUT_OF_RANGE:
            # The range is of item codes ("O43"), which keep Arabic digits in Thai too.
            yield Problem(NodeKind.MEASURE, measure.id, "code-out-of-range",
                          Message("{code}: no such item in the usual {letter}-items ({first}–{last}).", code=code,
                                  letter=letter, first=letter + "1", last=letter + str(ITEM_RANGES[letter][-1])),
                          Severity.WARNING, where)
        elif finding.check is CodeCheck.OTHER_INSTRUMENT:
            yield Problem(NodeKind.MEASURE, measure.id, "code-other-instrument",
                          Message("{code} is an {letter}-item but the measure is in the {kind} group.", code=code,
                                  letter=letter, kind=str(group.kind)), Severity.WARNING, where)


def _measure_problems(measure: Measure, group: MeasureGroup, where: str,
                      catalogue: Collection[str] | None) -> Iterator[Problem]:
    if not measure.title.strip():
        yield Problem(NodeKind.MEASURE, measure.id, "no-title", Message("The measure has no title."),
                      Severity.ERROR, where)
    yield from _item_problems(measure, group, where, catalogue)
    empty = [part for part in empty_parts(measure) if part.kind == "text"]  # the unit has its own problem
    if empty:
        yield Problem(NodeKind.MEASURE, measure.id, "empty-parts",
                      Message("Empty parts: {parts}.", parts=[part.title for part in empty]), Severity.WARNING, where)
    if not measure.responsible.strip():
        yield Problem(NodeKind.MEASURE, measure.id, "no-responsible-unit", Message("No responsible unit."),
                      Severity.WARNING, where)
    typed = _typed_count(measure.title)
    if typed is not None and typed != len(measure.items):
        yield Problem(NodeKind.MEASURE, measure.id, "count-differs",
                      Message("The title says {typed} items but the measure cites {cited}.", typed=typed,
                              cited=len(measure.items)), Severity.ERROR, where)


def _count_problem(kind: NodeKind, node: Section | MeasureGroup, where: str) -> Iterator[Problem]:
    typed = _typed_count(node.title)
    real = len(node.measures)
    if typed is not None and typed != real:
        yield Problem(kind, node.id, "count-differs",
                      Message("The title says {typed} measures but there are {real}; the printed count is "
                              "computed, so remove the number from the title.", typed=typed, real=real),
                      Severity.ERROR, where)
    if real == 0:
        yield Problem(kind, node.id, "no-measures", Message("It contains no measure."), Severity.WARNING, where)


def _report_problems(report: Report) -> Iterator[Problem]:
    if not report.agency.strip():
        yield Problem(NodeKind.REPORT, report.id, "no-agency", Message("The agency's name is empty."),
                      Severity.ERROR)
    if report.fiscal_year <= 0:
        yield Problem(NodeKind.REPORT, report.id, "no-fiscal-year", Message("The fiscal year is not set."),
                      Severity.ERROR)
    if not [s for s in report.signatories if s.name.strip()]:
        yield Problem(NodeKind.REPORT, report.id, "no-signatories", Message("Nobody signs the report."),
                      Severity.WARNING)


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
