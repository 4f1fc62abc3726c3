"""Text blocks of the report: title, numbered headings with counts, measure parts, notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ita_desktop.forms import MEASURE_FIELDS, FormField
from ita_desktop.model import Measure, MeasureGroup, Report, Section, headings
from ita_desktop.model.thai_date import thai_date
from ita_desktop.pdf.paragraph import ParagraphBlock
from ita_desktop.pdf.style import LayoutStyle
from ita_desktop.typesetting import Run, Typesetter

NOTE_WORD = MEASURE_FIELDS["notes"].label_th  # "หมายเหตุ", as the form definition names the part
# "หมายเหตุ", "หมายเหตุ:", "หมายเหตุ :" (a space before the colon is how many clerks type it).
_NOTE_LABEL = re.compile(rf"^{NOTE_WORD}(?:\s*[:：])?")


def body_paragraphs(text: str) -> list[str]:
    """The clerk's paragraphs of a part: one per non-blank line, as typed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class TextBlocks:
    """Makes paragraph blocks in the report's style, digits and measure (text width)."""

    def __init__(self, typesetter: Typesetter, style: LayoutStyle, width_mm: float, thai: bool) -> None:
        self.typesetter = typesetter
        self.style = style
        self.width_mm = width_mm
        self.thai = thai

    def paragraph(self, runs: Sequence[Run] | str, *, align: str = "justify", indent_mm: float = 0.0,
                  space_before_mm: float = 0.0, keep_with_next: bool = False,
                  size_pt: float | None = None, heading: bool = False) -> ParagraphBlock:
        lines = self.typesetter.layout(runs, self.width_mm, size_pt or self.style.body_pt, align=align,
                                       first_line_indent_mm=indent_mm, heading=heading)
        return ParagraphBlock(self.typesetter, lines, space_before_mm=space_before_mm,
                              keep_with_next=keep_with_next)

    # -- title -----------------------------------------------------------------
    def title(self, report: Report) -> list[ParagraphBlock]:
        """Title, "ของ<agency> ประจำปีงบประมาณ พ.ศ.<year>", and the report date when set."""
        size = self.style.title_pt
        blocks = [self.paragraph([Run(report.title.strip(), bold=True)], align="center", size_pt=size,
                                 keep_with_next=True, heading=True)]
        second = headings.agency_line(report, self.thai)
        if second:
            blocks.append(self.paragraph([Run(second, bold=True)], align="center", size_pt=size,
                                         keep_with_next=True, heading=True))
        if report.report_date.strip():
            blocks.append(self.paragraph(f"ณ วันที่ {thai_date(report.report_date, self.thai)}", align="center",
                                         keep_with_next=True))
        blocks[-1].keep_with_next = False
        return [b for b in blocks if b.lines]

    # -- headings --------------------------------------------------------------
    def section_heading(self, section: Section, index: int) -> ParagraphBlock:
        text = headings.section_heading(section, index, self.thai)
        return self.paragraph([Run(text, bold=True)], align="left", keep_with_next=True,
                              space_before_mm=self.style.space_section_mm, heading=True)

    def group_heading(self, group: MeasureGroup, section_index: int, group_index: int) -> ParagraphBlock:
        text = headings.group_heading(group, section_index, group_index, self.thai)
        return self.paragraph([Run(text, bold=True)], align="left", keep_with_next=True, heading=True,
                              indent_mm=self.style.indent_group_mm, space_before_mm=self.style.space_group_mm)

    def measure_heading(self, group: MeasureGroup, index: int, measure: Measure) -> ParagraphBlock:
        text = headings.measure_heading(group, index, measure, self.thai)
        return self.paragraph([Run(text, bold=True)], align="left", keep_with_next=True, heading=True,
                              indent_mm=self.style.indent_measure_mm, space_before_mm=self.style.space_measure_mm)

    # -- parts -------------------------------------------------------------------
    def part(self, group: MeasureGroup, measure_index: int, part: FormField, body: str,
             *, keep_with_next: bool = False) -> list[ParagraphBlock]:
        """"(๑.๑) ขั้นตอนหรือวิธีดำเนินการ : " in bold, then the body, justified; one block per paragraph."""
        label = headings.part_heading(group, measure_index, part, self.thai)
        paragraphs = body_paragraphs(body)
        first = [Run(label, bold=True)] + ([Run(" " + paragraphs[0])] if paragraphs else [])
        indent = self.style.indent_part_mm
        blocks = [self.paragraph(first, indent_mm=indent, space_before_mm=self.style.space_part_mm,
                                 keep_with_next=keep_with_next)]
        blocks += [self.paragraph(text, indent_mm=indent) for text in paragraphs[1:]]
        return blocks

    def notes(self, notes: str) -> list[ParagraphBlock]:
        """Notes after the table, one block per paragraph (see :func:`note_runs`)."""
        indent = self.style.indent_part_mm
        return [self.paragraph(runs, indent_mm=indent, space_before_mm=self.style.space_part_mm if index == 0 else 0.0)
                for index, runs in enumerate(note_runs(body_paragraphs(notes)))]


def note_runs(paragraphs: Sequence[str]) -> list[list[Run]]:
    """The notes' paragraphs with their "หมายเหตุ :" label in bold, added when the clerk did not write it."""
    labelled = any(_NOTE_LABEL.match(text) for text in paragraphs)
    runs = []
    for index, text in enumerate(paragraphs):
        if label := _NOTE_LABEL.match(text):
            runs.append([Run(label.group(), bold=True), Run(text[label.end():])])
        elif index == 0 and not labelled:
            runs.append([Run(f"{NOTE_WORD} :", bold=True), Run(" " + text)])
        else:
            runs.append([Run(text)])
    return runs
