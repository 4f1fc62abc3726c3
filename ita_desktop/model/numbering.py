"""Derived labels: Thai digits, heading numbers, counts and item citations."""

from __future__ import annotations

from collections.abc import Sequence

from ita_desktop.model.report import MeasureGroup, Section

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def thai_digits(text: str | int) -> str:
    """Write every ASCII digit of ``text`` as a Thai digit (U+0E50–U+0E59)."""
    return str(text).translate(_TO_THAI)


def arabic_digits(text: str | int) -> str:
    """Write every Thai digit of ``text`` as an ASCII digit."""
    return str(text).translate(_TO_ARABIC)


def digits(text: str | int, thai: bool) -> str:
    return thai_digits(text) if thai else arabic_digits(text)


def parse_number(text: str) -> int:
    """Read a number written in Thai or ASCII digits ("๑๒" or "12")."""
    return int(arabic_digits(text.strip()))


def section_label(section_index: int, thai: bool = True) -> str:
    """"๑." for the first section."""
    return digits(f"{section_index + 1}.", thai)


def group_label(section_index: int, group_index: int, thai: bool = True) -> str:
    """"๑.๒" for the second group of the first section."""
    return digits(f"{section_index + 1}.{group_index + 1}", thai)


def measures_are_numbered(group: MeasureGroup) -> bool:
    """A group with several measures numbers them "(๑)", "(๒)"; a lone measure is unnumbered.

    This is the seed report's convention: its IIT group numbers six measures,
    while the single EIT, OIT and section-2 measures carry no number and number
    their parts "(๑)" … "(๕)" instead of "(๑.๑)" … "(๑.๕)".
    """
    return len(group.measures) > 1


def measure_label(group: MeasureGroup, measure_index: int, thai: bool = True) -> str:
    """"(๓)" for the third of several measures, "" for a lone measure."""
    if not measures_are_numbered(group):
        return ""
    return digits(f"({measure_index + 1})", thai)


def part_label(group: MeasureGroup, measure_index: int, part_number: int, thai: bool = True) -> str:
    """"(๓.๒)" in a numbered group, "(๒)" under a lone measure (part_number counts from 1)."""
    if measures_are_numbered(group):
        return digits(f"({measure_index + 1}.{part_number})", thai)
    return digits(f"({part_number})", thai)


def measure_count(section_or_group: Section | MeasureGroup) -> int:
    return len(section_or_group.measures)


def count_phrase(count: int, thai: bool = True, *, total: bool = False) -> str:
    """"จำนวน ๖ ข้อ", or "จำนวนทั้งหมด ๘ ข้อ" for a section that lists groups."""
    word = "จำนวนทั้งหมด" if total else "จำนวน"
    return f"{word} {digits(count, thai)} ข้อ"


PREVIOUS_ITEMS = "เดิม"  # after the codes of last year's assessment: "(ข้อ I1 เดิม)"
AND = "และ"  # before the last of several codes: "ข้อ I20, I21 และ I23"


def item_citation(items: Sequence[str], previous: bool, thai: bool = True) -> str:
    """"ข้อ I1 เดิม", "ข้อ I20, I21 และ I23 เดิม", "ข้อ O2"; "" without items.

    Codes keep their Latin letters and digits: they are identifiers, not numbers.
    """
    codes = [c.strip() for c in items if c.strip()]
    if not codes:
        return ""
    if len(codes) == 1:
        joined = codes[0]
    else:
        joined = ", ".join(codes[:-1]) + f" {AND} " + codes[-1]
    return f"ข้อ {joined}" + (f" {PREVIOUS_ITEMS}" if previous else "")
