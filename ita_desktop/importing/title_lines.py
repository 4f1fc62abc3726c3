"""The lines above the first section: report title, agency, fiscal year, and the kind of agency."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ita_desktop.importing.patterns import D
from ita_desktop.model.numbering import parse_number

_YEAR = re.compile(rf"ประจำปี(?:งบประมาณ)?\s*(?:พ\.\s*ศ\.|ค\.\s*ศ\.)?\s*(?P<year>{D}{{4}})")
# Longest first: "องค์การบริหารส่วนจังหวัด" must not be read as a plain "องค์การ".
_AGENCY_KINDS = (
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("อบจ.", "อบจ."),
    ("อบต.", "อบต."),
    ("เทศบาล", "เทศบาล"),
)


@dataclass(frozen=True)
class AgencyLine:
    """"ขององค์การบริหารส่วนจังหวัดอ่างทอง ประจำปีงบประมาณ พ.ศ.๒๕๖๖", maybe after the title."""

    title: str  # text before "ของ" when title and agency share one line, else ""
    agency: str
    year: int


def read_agency_line(line: str) -> AgencyLine | None:
    year_match = _YEAR.search(line)
    if not year_match:
        return None
    before_year = line[: year_match.start()].rstrip()
    title, agency = "", before_year
    of_match = _find_of(before_year)
    if of_match is not None:
        title, agency = before_year[:of_match[0]].strip(), before_year[of_match[1]:].strip()
    return AgencyLine(title, agency, parse_number(year_match.group("year")))


def _find_of(text: str) -> tuple[int, int] | None:
    """Where the "ของ" that introduces the agency is: at the start, or after the title words."""
    if text.startswith("ของ"):
        return 0, 3
    index = text.find(" ของ")
    if index >= 0:
        return index, index + 4
    index = text.find("โปร่งใสของ")
    if index >= 0:
        return index + len("โปร่งใส"), index + len("โปร่งใสของ")
    return None


def guess_agency_kind(agency: str) -> str:
    """"อบจ.", "อบต.", "เทศบาล" from the agency's name; "" when it is none of these."""
    for marker, kind in _AGENCY_KINDS:
        if agency.startswith(marker) or marker in agency[:30]:
            return kind
    return ""
