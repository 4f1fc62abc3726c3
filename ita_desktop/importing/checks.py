"""Checks on a recognised report: item codes that look misread, measures missing parts."""

from __future__ import annotations

import re

from ita_desktop.forms import MEASURE_PARTS
from ita_desktop.importing.patterns import D
from ita_desktop.importing.source import ImportWarning
from ita_desktop.importing.warning_texts import make_warning, shorten
from ita_desktop.model import GroupKind, Measure, Report
from ita_desktop.model.item_codes import misread_code

_DIGITS_ONLY = re.compile(rf"^{D}+$")
_LETTER = re.compile(r"^([A-Za-z])")


def check_item_codes(measure: Measure, kind: GroupKind | None, line: int | None) -> list[ImportWarning]:
    found = []
    title = shorten(measure.title, 40)
    for code in measure.items:
        suggestion = misread_code(code, kind)
        letter = _LETTER.match(code)
        if suggestion is not None:
            found.append(make_warning("suspect_item_code", line, code=code, title=title, suggestion=suggestion))
        elif _DIGITS_ONLY.match(code):
            found.append(make_warning("item_code_no_letter", line, code=code, title=title))
        elif letter and kind is not None and letter.group(1).upper() != kind.value[0]:
            found.append(make_warning("item_code_other_kind", line, code=code, title=title, kind=kind.value))
    return found


def check_parts(measure: Measure, line: int | None) -> list[ImportWarning]:
    missing = [part.label_th for part in MEASURE_PARTS
               if part.kind in ("text", "line") and not getattr(measure, part.key).strip()]
    if not missing:
        return []
    return [make_warning("missing_parts", line, title=shorten(measure.title, 40), parts=", ".join(missing))]


def check_report(report: Report, measure_lines: dict[int, int | None]) -> list[ImportWarning]:
    """Warnings for every measure, in report order."""
    found = []
    for section in report.sections:
        for group in section.groups:
            for measure in group.measures:
                line = measure_lines.get(id(measure))
                found += check_item_codes(measure, group.kind, line)
                found += check_parts(measure, line)
    return found
