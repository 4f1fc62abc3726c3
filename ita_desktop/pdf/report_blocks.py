"""The whole report as a list of flow blocks, in print order (the seed report is the model)."""

from __future__ import annotations

from collections.abc import Callable

from ita_desktop.forms import MEASURE_PARTS
from ita_desktop.model import Measure, MeasureGroup, Report
from ita_desktop.model.headings import group_has_heading
from ita_desktop.pdf.blocks import TextBlocks
from ita_desktop.pdf.flow import Block
from ita_desktop.pdf.photo_embedding import PhotoLoader
from ita_desktop.pdf.photos_grid import photo_rows
from ita_desktop.pdf.signatures import signature_block
from ita_desktop.pdf.style import LayoutStyle
from ita_desktop.pdf.table import tracking_table
from ita_desktop.typesetting import Typesetter


class ReportBlocks:
    """Lays out every paragraph, photo row, table and the sign-off of one report."""

    def __init__(self, typesetter: Typesetter, style: LayoutStyle, width_mm: float, loader: PhotoLoader,
                 thai_digits: bool) -> None:
        self.typesetter = typesetter
        self.style = style
        self.width_mm = width_mm
        self.loader = loader
        self.text = TextBlocks(typesetter, style, width_mm, thai_digits)

    def build(self, report: Report, on_measure: Callable[[], None] | None = None) -> list[Block]:
        """All blocks; ``on_measure()`` after each measure is laid out (for progress)."""
        blocks: list[Block] = list(self.text.title(report))
        for s_index, section in enumerate(report.sections):
            blocks.append(self.text.section_heading(section, s_index))
            for g_index, group in enumerate(section.groups):
                if group_has_heading(group):
                    blocks.append(self.text.group_heading(group, s_index, g_index))
                for m_index, measure in enumerate(group.measures):
                    blocks += self.measure(group, m_index, measure)
                    if on_measure is not None:
                        on_measure()
        signatures = signature_block(self.typesetter, self.style, report.signatories, self.width_mm)
        if signatures is not None:
            blocks.append(signatures)
        return blocks

    def measure(self, group: MeasureGroup, index: int, measure: Measure) -> list[Block]:
        """Heading, the five parts (photos under the last), then the tracking table and notes."""
        blocks: list[Block] = [self.text.measure_heading(group, index, measure)]
        for part in MEASURE_PARTS:
            if part.kind == "photos":
                rows = photo_rows(self.typesetter, self.loader, self.style, measure.photos, self.width_mm)
                # Fitting the photos starts on the pool while the rest of the report is laid out.
                self.loader.announce(cell.request for row in rows for cell in row.cells)
                blocks += self.text.part(group, index, part, "", keep_with_next=bool(rows))
                blocks += rows
            else:
                blocks += self.text.part(group, index, part, getattr(measure, part.key))
        table = tracking_table(self.typesetter, self.style, measure.table, self.width_mm)
        if table is not None:
            blocks.append(table)
        blocks += self.text.notes(measure.notes)
        return blocks
