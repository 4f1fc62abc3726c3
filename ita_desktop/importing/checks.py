"""Checks on a recognised report: item codes that look misread, measures missing parts."""

from __future__ import annotations

from ita_desktop.importing.source import ImportWarning
from ita_desktop.importing.warning_texts import make_warning, shorten
from ita_desktop.model import GroupKind, Measure, Report
from ita_desktop.model.measure_checks import CodeCheck, empty_parts, item_code_findings


def check_item_codes(measure: Measure, kind: GroupKind | None, line: int | None) -> list[ImportWarning]:
    """Warnings for the codes that look misread, lack their letter or belong to another group (no ranges here)."""
    found = []
    title = shorten(measure.title, 40)
    for finding in item_code_findings(measure, kind):
        code = finding.code
        if finding.check is CodeCheck.MISREAD:
            found.append(make_warning("suspect_item_code", line, code=code, title=title,
                                      suggestion=finding.guesses[0]))
        elif finding.check is CodeCheck.NO_LETTER:
            found.append(make_warning("item_code_no_letter", line, code=code, title=title))
        elif finding.check is CodeCheck.OTHER_INSTRUMENT:
            found.append(make_warning("item_code_other_kind", line, code=code, title=title, kind=str(kind)))
    return found


def check_parts(measure: Measure, line: int | None) -> list[ImportWarning]:
    # The headings as the clerk's file should have had them, hence the printed (Thai) labels.
    missing = [part.label_th for part in empty_parts(measure)]
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
