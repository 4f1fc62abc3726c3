"""What every source hands the recogniser: paragraphs, pictures, tables, and the warnings it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field

from ita_desktop.messages import Message, Worded
from ita_desktop.model import Measure, Photo, Report
from ita_desktop.photos.placement import PLAIN, Placement


@dataclass(frozen=True)
class SourcePicture:
    """A picture found in the source (a Word image); the bytes are prepared later."""

    data: bytes
    name: str = ""
    floating: bool = False  # positioned on the page (wp:anchor), not a character in the line
    placement: Placement = PLAIN  # turned, mirrored or cropped in the document


@dataclass(frozen=True)
class SourceParagraph:
    """One paragraph of a source: its text, the pictures in it, or a table (rows of cells)."""

    text: str = ""
    pictures: tuple[SourcePicture, ...] | list[SourcePicture] = ()
    table: list[list[str]] | None = None
    line: int | None = None  # where it starts in the source (1-based), for warnings
    outline: int | None = None  # the outline level Word or LibreOffice gives it (0: Heading 1); None: body text

    @property
    def is_blank(self) -> bool:
        return not self.text.strip() and not self.pictures and not self.table


@dataclass(frozen=True)
class ImportWarning(Worded):
    """Something the recogniser could not place or thinks is mistyped, worded when shown."""

    code: str  # stable key for tests and tools: "unplaced_text", "count_mismatch" …
    text: Message
    line: int | None = None

    def message(self, language: str | None = None) -> str:
        """The warning in ``language`` (default: the language in use), after its source line if known."""
        if self.line is None:
            return self.text.text(language)
        return Message("line {line}: {text}", line=self.line, text=self.text).text(language)


@dataclass
class PendingPicture:
    """A picture the recogniser placed on a measure; its bytes still need preparing and storing."""

    measure: Measure
    photo: Photo  # already in measure.photos; width/height are filled when prepared
    data: bytes
    placement: Placement = PLAIN


@dataclass
class RecognisedReport:
    """The recogniser's answer: the report tree, its pictures, and what it warns about."""

    report: Report
    warnings: list[ImportWarning] = field(default_factory=list)
    pictures: list[PendingPicture] = field(default_factory=list)
