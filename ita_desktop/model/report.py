"""Report, sections, groups, measures, photos and signatories as dataclasses.

Numbering ("(๑)", "(๑.๑)") and counts ("จำนวน ๖ ข้อ") are never stored: they are
derived from order and content by :mod:`ita_desktop.model.numbering`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ita_desktop.forms import TABLE_COLUMNS


class GroupKind(StrEnum):
    """The assessment instrument a group of measures answers."""

    IIT = "IIT"
    EIT = "EIT"
    OIT = "OIT"


# Columns of the tracking table, in print order (key, printed Thai header), as forms/measure.json declares them.
TRACKING_COLUMNS: tuple[tuple[str, str], ...] = tuple((column.key, column.label_th) for column in TABLE_COLUMNS)


# Official layout: left 3 cm, right 2 cm, top 2.5 cm, bottom 2 cm.
DEFAULT_MARGINS_MM: tuple[float, float, float, float] = (30.0, 20.0, 25.0, 20.0)  # l, r, t, b


@dataclass
class Photo:
    """A picture attached to a measure; the pixels live in the store, not here."""

    caption: str = ""
    width: int = 0  # pixels of the print copy, upright (EXIF rotation applied)
    height: int = 0
    sha256: str = ""  # of the original bytes as imported
    original_name: str = ""
    id: int | None = None

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 1.0


@dataclass
class Measure:
    """One measure: the items it answers and its five parts."""

    title: str = ""
    items: list[str] = field(default_factory=list)  # codes as written: "I1", "120", "O2"
    items_previous: bool = False  # "เดิม": the items are last year's
    steps: str = ""
    responsible: str = ""
    summary: str = ""
    outcome: str = ""
    photos: list[Photo] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)  # rows of TRACKING_COLUMNS cells
    notes: str = ""
    id: int | None = None


@dataclass
class MeasureGroup:
    """Measures of one instrument inside a section (kind None: an ungrouped section)."""

    kind: GroupKind | None = None
    title: str = ""
    measures: list[Measure] = field(default_factory=list)
    id: int | None = None


@dataclass
class Section:
    """Section 1 (urgent deficiencies), section 2 (items to improve), or one the clerk adds."""

    title: str = ""
    groups: list[MeasureGroup] = field(default_factory=list)
    id: int | None = None

    @property
    def measures(self) -> list[Measure]:
        return [m for g in self.groups for m in g.measures]


@dataclass
class Signatory:
    """A sign-off block: who prepared, reviewed or approved the report."""

    role: str = ""  # as written: "ผู้จัดทำรายงาน", "อนุมัติโดย", "ผู้รายงาน" …
    name: str = ""
    position: str = ""
    id: int | None = None


# The kinds the report header offers (``Report.agency_kind`` stays free text).
AGENCY_KINDS = ("อบจ.", "เทศบาล", "อบต.", "ส่วนราชการ", "รัฐวิสาหกิจ")


@dataclass
class Report:
    """A whole report of one agency for one fiscal year."""

    title: str = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
    agency: str = ""
    agency_kind: str = ""  # "อบจ.", "เทศบาล", "อบต.", … (free text)
    fiscal_year: int = 0  # Buddhist Era
    report_date: str = ""  # ISO date (Gregorian) or ""
    thai_digits: bool = True  # print numbers in Thai digits
    margins_mm: tuple[float, float, float, float] = DEFAULT_MARGINS_MM
    sections: list[Section] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    id: int | None = None

    @property
    def measures(self) -> list[Measure]:
        return [m for s in self.sections for m in s.measures]


@dataclass(frozen=True)
class ReportSummary:
    """What a file's report list shows, without loading the tree."""

    id: int
    title: str
    agency: str
    fiscal_year: int
    measure_count: int
    updated_at: str
