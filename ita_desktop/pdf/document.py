"""The PDF document: A4 pages with the report's margins, page numbers "- ๒ -" and metadata."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF

from ita_desktop.model import Report
from ita_desktop.model.numbering import digits

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
CREATOR = "ITA Desktop"


@dataclass(frozen=True)
class Frame:
    """The text area of a page in mm from the top-left corner of the paper."""

    left: float
    top: float
    width: float
    bottom: float  # the lowest y any content may reach

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @classmethod
    def from_margins(cls, margins_mm: tuple[float, float, float, float]) -> Frame:
        """``margins_mm`` as :attr:`Report.margins_mm` stores them: left, right, top, bottom."""
        left, right, top, bottom = margins_mm
        return cls(left=left, top=top, width=A4_WIDTH_MM - left - right, bottom=A4_HEIGHT_MM - bottom)


def page_number_text(page: int, thai: bool = True) -> str:
    """"- ๒ -" for page 2 (Thai official style); "- 2 -" with Arabic digits."""
    return f"- {digits(page, thai)} -"


class ReportDocument(FPDF):
    """An FPDF whose pages the layout breaks itself; it only paints the page furniture."""

    def __init__(self, frame: Frame) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.frame = frame
        self.set_margins(frame.left, frame.top, A4_WIDTH_MM - frame.left - frame.width)
        self.set_auto_page_break(False)  # the flow decides where pages break
        self.page_number_painter: Callable[[int], None] | None = None

    def header(self) -> None:
        # The first page carries the title instead of a number, as official documents do.
        if self.page >= 2 and self.page_number_painter is not None:
            self.page_number_painter(self.page)

    def output(self, *args: Any, **kwargs: Any) -> Any:
        if not self.buffer:
            self._content_id = self._content_digest()
        return super().output(*args, **kwargs)

    def file_id(self) -> str:
        """The trailer's /ID from the pages' drawing operators and the images' names.

        fpdf2's default hashes the whole finished file (~0.2 s of MD5 for 90 MB of photos)
        and needs it in one buffer; the page contents and image names (each derived
        from the image's bytes) identify the document as well.
        """
        digest = getattr(self, "_content_id", None) or self._content_digest()
        return f"<{digest}><{digest}>"

    def _content_digest(self) -> str:
        digest = hashlib.md5(usedforsecurity=False)
        for number in sorted(self.pages):
            contents = self.pages[number].contents
            if isinstance(contents, (bytes, bytearray)):
                digest.update(contents)
        for name in self.image_cache.images:
            digest.update(str(name).encode("utf-8", "replace"))
        digest.update(self.creation_date.strftime("%Y%m%d%H%M%S").encode("ascii"))
        return digest.hexdigest().upper()


def set_metadata(pdf: FPDF, report: Report) -> None:
    """Title, author (the agency), language and creator, shown in a viewer's document properties."""
    pdf.set_title(report.title.strip() or "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    if report.agency.strip():
        pdf.set_author(report.agency.strip())
    if report.fiscal_year:
        pdf.set_subject(f"ปีงบประมาณ พ.ศ. {report.fiscal_year}")
    pdf.set_lang("th")
    pdf.set_creator(CREATOR)
