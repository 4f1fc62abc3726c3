"""Checks on one measure, made once for the importer, the tree and the pre-print check: empty parts, item codes.

Each caller words the findings its own way (an import warning, a tree marker, a
pre-print problem); what counts as empty or as an odd code is decided only here.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from ita_desktop.forms import WRITTEN_PARTS, FormField
from ita_desktop.model.item_codes import CODE_PATTERN, ITEM_RANGES, KIND_LETTER, misread_code, suggest_item_codes
from ita_desktop.model.numbering import arabic_digits
from ita_desktop.model.report import GroupKind, Measure


def empty_parts(measure: Measure) -> list[FormField]:
    """The written parts ``measure`` still lacks, in print order."""
    return [part for part in WRITTEN_PARTS if not str(getattr(measure, part.key)).strip()]


class CodeCheck(StrEnum):
    """What is odd about one cited item code."""

    MISREAD = "misread"  # not a code as written, but plainly one misread or mistyped: "17" in IIT → I7
    NO_LETTER = "no-letter"  # digits only: "7"
    NOT_A_CODE = "not-a-code"  # anything else that is no I…/E…/O… code
    NOT_IN_CATALOGUE = "not-in-catalogue"  # a code the fiscal year's catalogue lacks
    OUT_OF_RANGE = "out-of-range"  # without a catalogue: past the usual item numbers (O44)
    OTHER_INSTRUMENT = "other-instrument"  # an O-item in the IIT group


@dataclass(frozen=True)
class CodeFinding:
    """One odd item code: the check it fails and the codes it likely stands for, likeliest first."""

    code: str
    check: CodeCheck
    guesses: tuple[str, ...] = ()
    letter: str = ""  # the code's instrument letter, when it is a code


def item_code_findings(measure: Measure, kind: GroupKind | None,
                       catalogue: Collection[str] | None = None) -> list[CodeFinding]:
    """What is odd about each item code ``measure`` cites, in its group of ``kind``.

    ``catalogue``: the codes known for the report's fiscal year; without it, codes
    are checked against the usual FY2566 ranges.
    """
    found = []
    for code in (c.strip() for c in measure.items if c.strip()):
        matched = CODE_PATTERN.match(code)
        if not matched:
            guesses = tuple(suggest_item_codes(code, kind))
            if misread_code(code, kind) is not None:
                check = CodeCheck.MISREAD
            elif arabic_digits(code).isdigit():
                check = CodeCheck.NO_LETTER
            else:
                check = CodeCheck.NOT_A_CODE
            found.append(CodeFinding(code, check, guesses))
            continue
        letter, number = matched.group(1), int(matched.group(2))
        if catalogue is not None and code not in catalogue:
            found.append(CodeFinding(code, CodeCheck.NOT_IN_CATALOGUE, letter=letter))
        elif catalogue is None and number not in ITEM_RANGES[letter]:
            found.append(CodeFinding(code, CodeCheck.OUT_OF_RANGE, letter=letter))
        expected = KIND_LETTER.get(kind) if kind else None
        if expected and letter != expected:
            found.append(CodeFinding(code, CodeCheck.OTHER_INSTRUMENT, letter=letter))
    return found
