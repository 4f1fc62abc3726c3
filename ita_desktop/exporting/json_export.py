"""The report tree as JSON: what scripts, checks and other tools read (UTF-8, Thai as written)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ita_desktop.model import Measure, MeasureGroup, Photo, Report, Section, Signatory

JSON_FORMAT_VERSION = 1


def photo_to_dict(photo: Photo) -> dict[str, Any]:
    # width/height are those of the print copy: upright, as printed.
    return {"caption": photo.caption, "width": photo.width, "height": photo.height, "sha256": photo.sha256}


def measure_to_dict(measure: Measure) -> dict[str, Any]:
    return {
        "title": measure.title,
        "items": list(measure.items),
        "items_previous": measure.items_previous,
        "steps": measure.steps,
        "responsible": measure.responsible,
        "summary": measure.summary,
        "outcome": measure.outcome,
        "photos": [photo_to_dict(p) for p in measure.photos],
        "table": [list(row) for row in measure.table],
        "notes": measure.notes,
    }


def group_to_dict(group: MeasureGroup) -> dict[str, Any]:
    return {
        "kind": group.kind.value if group.kind is not None else None,
        "title": group.title,
        "measures": [measure_to_dict(m) for m in group.measures],
    }


def section_to_dict(section: Section) -> dict[str, Any]:
    # A section always shows at least one group, so readers need no special case.
    groups = section.groups or [MeasureGroup()]
    return {"title": section.title, "groups": [group_to_dict(g) for g in groups]}


def signatory_to_dict(signatory: Signatory) -> dict[str, Any]:
    return {"role": signatory.role, "name": signatory.name, "position": signatory.position}


def report_to_dict(report: Report) -> dict[str, Any]:
    """One report, sections and measures in report order."""
    return {
        "id": report.id,
        "title": report.title,
        "agency": report.agency,
        "agency_kind": report.agency_kind,
        "fiscal_year": report.fiscal_year,
        "report_date": report.report_date,
        "sections": [section_to_dict(s) for s in report.sections],
        "signatories": [signatory_to_dict(s) for s in report.signatories],
    }


def reports_to_json(reports: Iterable[Report]) -> str:
    """``{"format_version": 1, "reports": [...]}`` with Thai kept as Thai (ensure_ascii off)."""
    document = {"format_version": JSON_FORMAT_VERSION, "reports": [report_to_dict(r) for r in reports]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
