"""Export a report as an editable Word document with the printed report's structure and numbering.

Headings, part labels and citations are written exactly as the text importer
reads them ("(๑.๓) สรุปผลการดำเนินการ : …"), so exporting and importing again
gives back the same report. Thai paragraphs use Word's Thai distributed
justification (w:jc="thaiDistribute"); fonts and sizes are set in the styles.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import docx
from docx.document import Document
from docx.shared import Pt

from ita_desktop.errors import UserError
from ita_desktop.exporting.docx_photos import add_photos
from ita_desktop.exporting.docx_styles import WordFont, add_page_numbers, add_report_styles, set_page
from ita_desktop.forms import MEASURE_PARTS
from ita_desktop.messages import Message
from ita_desktop.model import TRACKING_COLUMNS, Measure, MeasureGroup, Photo, Report, Section, headings

if TYPE_CHECKING:
    from ita_desktop.store.report_store import ReportStore

Progress = Callable[[int, int], None]
SIGNATURE_DOTS = "." * 45


class _ReportWriter:
    """Writes one report into a python-docx Document, top to bottom."""

    def __init__(self, store: ReportStore, report: Report, font: WordFont, progress: Progress | None) -> None:
        self.store = store
        self.report = report
        self.thai = report.thai_digits
        self.document: Document = docx.Document()
        left, right, _, _ = report.margins_mm
        self.text_width_mm = 210 - left - right
        self.progress = progress
        self.photos_total = sum(len(m.photos) for m in report.measures)
        self.photos_done = 0
        add_report_styles(self.document, font)
        set_page(self.document, report)
        add_page_numbers(self.document, font, self.thai)
        if progress:
            progress(0, self.photos_total)

    def paragraph(self, text: str, style: str) -> None:
        self.document.add_paragraph(text, style=style)

    def write(self) -> Document:
        report = self.report
        self.paragraph(report.title, "ITA Title")
        agency_line = headings.agency_line(report, self.thai)
        if agency_line:
            self.paragraph(agency_line, "ITA Title")
        for index, section in enumerate(report.sections):
            self._section(index, section)
        self._signatories()
        return self.document

    def _section(self, index: int, section: Section) -> None:
        self.paragraph(headings.section_heading(section, index, self.thai), "ITA Section")
        for g_index, group in enumerate(section.groups):
            if headings.group_has_heading(group):
                self.paragraph(headings.group_heading(group, index, g_index, self.thai), "ITA Group")
            for m_index, measure in enumerate(group.measures):
                self._measure(group, m_index, measure)

    def _measure(self, group: MeasureGroup, index: int, measure: Measure) -> None:
        self.paragraph(headings.measure_heading(group, index, measure, self.thai), "ITA Measure")
        for part in MEASURE_PARTS:
            label = headings.part_heading(group, index, part, self.thai)
            if part.kind == "photos":
                self.paragraph(label, "ITA Part")
                self._photos(measure.photos)
                continue
            first, *rest = (getattr(measure, part.key) or "").split("\n")
            self.paragraph(f"{label} {first}".rstrip(), "ITA Part")
            for line in rest:
                self.paragraph(line, "ITA Body")
        if measure.table:
            self._table(measure.table)
        for line in measure.notes.split("\n") if measure.notes else ():
            self.paragraph(line, "ITA Body")

    def _photos(self, photos: list[Photo]) -> None:
        add_photos(self.document, photos, self.text_width_mm, self._print_copy)

    def _print_copy(self, photo: Photo) -> bytes | None:
        try:
            return self.store.photo_data(photo.id, "print") if photo.id is not None else None
        except KeyError:  # deleted meanwhile: leave it out rather than fail the export
            return None
        finally:
            self.photos_done += 1
            if self.progress:
                self.progress(self.photos_done, self.photos_total)

    def _table(self, rows: list[list[str]]) -> None:
        headers = [header for _, header in TRACKING_COLUMNS]
        table = self.document.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        for row_index, cells in enumerate([headers, *rows]):
            for column, text in enumerate(cells[:len(headers)]):
                paragraph = table.cell(row_index, column).paragraphs[0]
                paragraph.style = self.document.styles["ITA Table"]
                run = paragraph.add_run(text)
                if row_index == 0:
                    run.bold = True

    def _signatories(self) -> None:
        for person in self.report.signatories:
            signature = f"(ลงชื่อ) {SIGNATURE_DOTS} {person.role}".rstrip()
            paragraph = self.document.add_paragraph(signature, style="ITA Signature")
            paragraph.paragraph_format.space_before = Pt(40)  # room for the wet signature
            if person.name:
                self.paragraph(f"({person.name})", "ITA Signature")
            if person.position:
                self.paragraph(person.position, "ITA Signature")


def report_document(store: ReportStore, report: Report, font: WordFont | None = None,
                    progress: Progress | None = None) -> Document:
    """The report as a python-docx Document (photos read from ``store`` at print size)."""
    return _ReportWriter(store, report, font or WordFont(), progress).write()


def export_docx(store: ReportStore, report: Report, out: BinaryIO | str | Path, font: WordFont | None = None,
                progress: Progress | None = None) -> None:
    """Write ``report`` as .docx to a path or a binary stream; ``progress(done, total)`` counts photos."""
    document = report_document(store, report, font, progress)
    if isinstance(out, (str, Path)):
        document.save(str(out))
        return
    buffer = io.BytesIO()  # python-docx wants a seekable stream; stdout is not
    document.save(buffer)
    out.write(buffer.getvalue())


def write_docx_reports(store: ReportStore, reports: list[Report], out: BinaryIO) -> None:
    """The export command's writer: exactly one report per Word document."""
    if len(reports) != 1:
        raise UserError(Message("{path}: the file holds {count} reports; choose one with --report ID.",
                                path=store.path, count=len(reports)))
    export_docx(store, reports[0], out)


__all__ = ["WordFont", "export_docx", "report_document", "write_docx_reports"]
