"""Turn a stream of source paragraphs into a Report tree, keeping the clerk's text as written.

One pass, one line at a time: each non-blank line is a sign-off, a section or
group heading, a part label, a measure heading, a title line, a tail line
(notes after the photos part) or the body of the part being read. What fits
nowhere is kept in the nearest measure's notes and reported as a warning.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from ita_desktop.forms import MEASURE_PARTS, TEXT_PART_KEYS
from ita_desktop.importing import patterns
from ita_desktop.importing.checks import check_report
from ita_desktop.importing.patterns import Heading, NumberedLine, PartLine
from ita_desktop.importing.signoff_block import SignOffCollector
from ita_desktop.importing.source import PendingPicture, RecognisedReport, SourceParagraph
from ita_desktop.importing.table_rows import tracking_rows
from ita_desktop.importing.title_lines import guess_agency_kind, read_agency_line
from ita_desktop.importing.warning_texts import make_warning, shorten
from ita_desktop.model import Measure, MeasureGroup, Photo, Report, Section

_TEXT_PARTS = set(TEXT_PART_KEYS)
_LABELS = {part.key: part.label_th for part in MEASURE_PARTS}
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")


def recognise(paragraphs: Iterable[SourceParagraph]) -> RecognisedReport:
    """Read ``paragraphs`` (from the text or Word source) into a report and its warnings."""
    reader = _Recogniser()
    for paragraph in paragraphs:
        reader.feed(paragraph)
    return reader.finish()


class _Recogniser:
    def __init__(self) -> None:
        self.report = Report(title="")
        self.result = RecognisedReport(self.report)
        self.section: Section | None = None
        self.group: MeasureGroup | None = None
        self.measure: Measure | None = None
        self.part: str | None = None  # the part whose body is being read
        self.in_tail = False  # after the photos part: notes, tables, sign-offs
        self.expect_measure = False
        self.signoffs = SignOffCollector(self.report, self.warn)
        self.caption_for: Photo | None = None
        self.typed_counts: list[tuple[Section | MeasureGroup, str, int | None, int | None]] = []
        self.measure_lines: dict[int, int | None] = {}

    def warn(self, warning_code: str, line: int | None, **values: object) -> None:
        self.result.warnings.append(make_warning(warning_code, line, **values))

    # -- dispatch ----------------------------------------------------------------
    def feed(self, paragraph: SourceParagraph) -> None:
        if paragraph.pictures:
            self._pictures(paragraph)
        if paragraph.table:
            self._table(paragraph.table, paragraph.line)
        text = paragraph.text.strip()
        if text and not self._outline_heading(text, paragraph.outline, paragraph.line):
            self._text(text, paragraph.line)

    def _outline_heading(self, text: str, outline: int | None, line: int | None) -> bool:
        """A Heading 1/2 (outline level 0/1) shown without any number is a section or group all the same."""
        if outline not in (0, 1) or patterns.read_section_heading(text) or patterns.read_group_heading(text) \
                or patterns.read_paren_number(text) or self.signoffs.open is not None:
            return False
        if patterns.read_measure_heading(text).has_citation or text.startswith("มาตรการเกี่ยวกับ"):
            return False  # a measure's own title set in a heading style
        sections = len(self.report.sections)
        if outline == 0:
            heading = patterns.read_section_heading(f"{sections + 1}. {text}")
            if heading is not None:
                self._start_section(heading, text, line)
        else:
            groups = len(self.section.groups) if self.section is not None else 0
            heading = patterns.read_group_heading(f"{max(sections, 1)}.{groups + 1} {text}")
            if heading is not None:
                self._start_group(heading, text, line)
        return heading is not None

    def _text(self, text: str, line: int | None) -> None:
        if self.signoffs.continue_block(text):
            return
        caption_for, self.caption_for = self.caption_for, None
        if self.signoffs.start(text, line):
            return
        section = patterns.read_section_heading(text)
        if section is not None and (section.number == len(self.report.sections) + 1 or section.count is not None):
            self._start_section(section, text, line)
            return
        group = patterns.read_group_heading(text)
        if group is not None:
            self._start_group(group, text, line)
            return
        numbered = patterns.read_paren_number(text)
        body = numbered.body if numbered else text
        part = patterns.read_part(body, numbered is not None)
        if part is not None:
            self._start_part(part, text, line)
            return
        if self.measure is not None and patterns.is_truncated_part_label(body):
            self._keep_in_notes(text)
            self.warn("truncated_heading", line, text=text)
            return
        if self._is_measure_heading(numbered, body):
            self._start_measure(numbered, body, text, line)
            return
        if not self.report.sections and self.measure is None:
            self._title_line(text, line)
            return
        if self.in_tail and patterns.is_note_line(text):
            self._keep_in_notes(text)
            return
        if caption_for is not None and self.part == "photos":
            caption_for.caption = text
            return
        if self.part == "photos" and patterns.means_no_photo(text):
            return  # "-" or "ไม่มี" where the photos would be: no photo
        self._body_line(text, line)

    # -- structure -------------------------------------------------------------------
    def _start_section(self, heading: Heading, text: str, line: int | None) -> None:
        self.signoffs.close()
        if heading.number != len(self.report.sections) + 1:
            self.warn("number_mismatch", line, text=shorten(text), typed=heading.number,
                      found=len(self.report.sections) + 1)
        self.section = Section(title=heading.title)
        self.report.sections.append(self.section)
        self.typed_counts.append((self.section, heading.title, heading.count, line))
        self.group = self.measure = None
        self.part, self.in_tail, self.expect_measure = None, False, True

    def _start_group(self, heading: Heading, text: str, line: int | None) -> None:
        self.signoffs.close()
        if self.section is None:
            self._implicit_section(line)
        section_number = len(self.report.sections)
        if heading.section_number != section_number or heading.number != len(self.section.groups) + 1:
            found = f"{section_number}.{len(self.section.groups) + 1}"
            self.warn("number_mismatch", line, text=shorten(text),
                      typed=f"{heading.section_number}.{heading.number}", found=found)
        if heading.kind_guessed:
            self.warn("kind_guessed", line, title=shorten(heading.title), kind=heading.kind.value)
        self.group = MeasureGroup(kind=heading.kind, title=heading.title)
        self.section.groups.append(self.group)
        self.typed_counts.append((self.group, heading.title, heading.count, line))
        self.measure = None
        self.part, self.in_tail, self.expect_measure = None, False, True

    def _implicit_section(self, line: int | None) -> None:
        self.warn("implicit_section", line)
        self.section = Section(title="")
        self.report.sections.append(self.section)
        self.group = None

    def _is_measure_heading(self, numbered: NumberedLine | None, body: str) -> bool:
        if numbered is not None and numbered.sub is not None:
            return False  # "(๒.๓) …" that is no part label is body text
        if self.expect_measure:
            return numbered is not None or patterns.looks_like_measure(body)
        heading = patterns.read_measure_heading(body)
        if numbered is not None:
            return patterns.looks_like_measure(body)
        return body.startswith("มาตรการ") and (heading.has_citation or body.startswith("มาตรการเกี่ยวกับ"))

    def _start_measure(self, numbered: NumberedLine | None, body: str, text: str, line: int | None) -> None:
        self.signoffs.close()
        if self.section is None:
            self._implicit_section(line)
        if self.group is None:
            self.group = MeasureGroup()
            self.section.groups.append(self.group)
        expected = len(self.group.measures) + 1
        if numbered is not None and numbered.number != expected:
            self.warn("number_mismatch", line, text=shorten(text), typed=numbered.number, found=expected)
        heading = patterns.read_measure_heading(body)
        self.measure = Measure(title=heading.title, items=heading.items, items_previous=heading.items_previous)
        self.group.measures.append(self.measure)
        self.measure_lines[id(self.measure)] = line
        self.part, self.in_tail, self.expect_measure = None, False, False

    def _start_part(self, part: PartLine, text: str, line: int | None) -> None:
        self.signoffs.close()
        if self.measure is None:
            self._start_measure(None, "", text, line)
            self.warn("implicit_measure", line, text=shorten(text))
        self.part = part.key
        if part.key == "photos":
            self.in_tail, self.expect_measure = True, True
            if part.body and not patterns.means_no_photo(part.body):
                self._keep_in_notes(part.body)
                self.warn("unplaced_text", line, text=shorten(part.body))
            return
        self.in_tail, self.expect_measure = False, False
        existing = getattr(self.measure, part.key)
        if existing:
            self.warn("duplicate_part", line, title=shorten(self.measure.title, 40), label=_LABELS[part.key])
        setattr(self.measure, part.key, "\n".join(t for t in (existing, part.body) if t))

    # -- body text ----------------------------------------------------------------------
    def _body_line(self, text: str, line: int | None) -> None:
        if self.measure is None:
            self.warn("unplaced_report_text", line, text=shorten(text))
        elif self.part in _TEXT_PARTS:
            existing = getattr(self.measure, self.part)
            setattr(self.measure, self.part, f"{existing}\n{text}" if existing else text)
        elif self._continues_heading(text):
            self._join_heading(text, line)
        else:
            self._keep_in_notes(text)
            self.warn("unplaced_text", line, text=shorten(text))

    def _continues_heading(self, text: str) -> bool:
        """A long heading wrapped onto the next line: the line right under it ends with its citation."""
        measure = self.measure
        return (self.part is None and not self.in_tail and not measure.notes and not measure.items
                and patterns.read_measure_heading(text).has_citation)

    def _join_heading(self, text: str, line: int | None) -> None:
        # Thai runs on without a space, so a wrap between two Thai letters gets none back.
        glue = "" if _THAI_LETTER.match(self.measure.title[-1:]) and _THAI_LETTER.match(text[:1]) else " "
        heading = patterns.read_measure_heading(self.measure.title + glue + text)
        self.measure.title = heading.title
        self.measure.items, self.measure.items_previous = heading.items, heading.items_previous
        self.warn("heading_joined", line, text=shorten(heading.title))

    def _keep_in_notes(self, text: str) -> None:
        self.measure.notes = f"{self.measure.notes}\n{text}" if self.measure.notes else text

    def _title_line(self, text: str, line: int | None) -> None:
        agency = read_agency_line(text)
        if agency is not None and not self.report.agency:
            if agency.title and not self.report.title:
                self.report.title = agency.title
            self.report.agency = agency.agency
            self.report.agency_kind = guess_agency_kind(agency.agency)
            self.report.fiscal_year = agency.year
            if agency.year < 2400:  # a Christian-era year: fiscal years are stored in B.E.
                self.report.fiscal_year = agency.year + 543
                self.warn("year_in_ce", line, typed=agency.year, found=self.report.fiscal_year)
        elif not self.report.title and agency is None:
            self.report.title = text
        else:
            self.warn("unplaced_report_text", line, text=shorten(text))

    # -- tables and pictures --------------------------------------------------------------
    def _table(self, table: list[list[str]], line: int | None) -> None:
        if self.measure is None:
            self.warn("unplaced_table", line, text=shorten(" | ".join(" ".join(row) for row in table)))
            return
        if self.part in _TEXT_PARTS:
            self.warn("table_in_part", line, title=shorten(self.measure.title, 40))
        rows, wide = tracking_rows(table)
        for cells in wide:
            self.warn("table_row_width", line, title=shorten(self.measure.title, 40), cells=cells, columns=6)
        self.measure.table.extend(rows)

    def _pictures(self, paragraph: SourceParagraph) -> None:
        if self.measure is None:
            for picture in paragraph.pictures:
                self.warn("unplaced_picture", paragraph.line, text=picture.name)
            return
        for picture in paragraph.pictures:
            photo = Photo(original_name=picture.name, sha256=hashlib.sha256(picture.data).hexdigest())
            self.measure.photos.append(photo)
            self.result.pictures.append(PendingPicture(self.measure, photo, picture.data, picture.placement))
            self.caption_for = photo

    def finish(self) -> RecognisedReport:
        self.signoffs.close()
        if not self.report.title:
            self.warn("no_title", None)
        if not self.report.agency:
            self.warn("no_agency", None, example=patterns.AGENCY_LINE_EXAMPLE)
        for container, title, typed, line in self.typed_counts:
            if typed is not None and typed != len(container.measures):
                self.warn("count_mismatch", line, title=shorten(title, 50), typed=typed, found=len(container.measures))
        self.result.warnings.extend(check_report(self.report, self.measure_lines))
        # In source order, so the clerk can walk down the file; report-wide ones last.
        self.result.warnings.sort(key=lambda w: (w.line is None, w.line or 0))
        return self.result
