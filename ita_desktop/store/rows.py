"""Conversion between table rows and model objects (the only place that knows column names)."""

from __future__ import annotations

import json
from typing import Any

from ita_desktop.model import GroupKind, Measure, MeasureGroup, Photo, Report, Section, Signatory
from ita_desktop.model.report import DEFAULT_MARGINS_MM

REPORT_FIELDS = ("title", "agency", "agency_kind", "fiscal_year", "report_date", "thai_digits", "margins_mm")
MEASURE_FIELDS = ("title", "items", "items_previous", "steps", "responsible", "summary", "outcome",
                  "table", "notes")
SECTION_FIELDS = ("title",)
GROUP_FIELDS = ("kind", "title")
PHOTO_FIELDS = ("caption",)


def report_columns(fields: dict[str, Any]) -> dict[str, Any]:
    columns = dict(fields)
    if "thai_digits" in columns:
        columns["thai_digits"] = int(bool(columns["thai_digits"]))
    if "margins_mm" in columns:
        columns["margins_mm"] = json.dumps(list(columns["margins_mm"]))
    if "fiscal_year" in columns:
        columns["fiscal_year"] = int(columns["fiscal_year"])
    return columns


def report_from_row(row: dict) -> Report:
    margins = tuple(json.loads(row["margins_mm"])) if row["margins_mm"] else DEFAULT_MARGINS_MM
    return Report(
        id=row["id"], title=row["title"], agency=row["agency"], agency_kind=row["agency_kind"],
        fiscal_year=row["fiscal_year"], report_date=row["report_date"],
        thai_digits=bool(row["thai_digits"]), margins_mm=margins,
    )


def measure_columns(fields: dict[str, Any]) -> dict[str, Any]:
    columns = dict(fields)
    if "items" in columns:
        columns["items"] = json.dumps(list(columns["items"]), ensure_ascii=False)
    if "table" in columns:
        columns["tracking_table"] = json.dumps([list(r) for r in columns.pop("table")], ensure_ascii=False)
    if "items_previous" in columns:
        columns["items_previous"] = int(bool(columns["items_previous"]))
    return columns


def measure_fields_of(measure: Measure) -> dict[str, Any]:
    return {name: getattr(measure, name) for name in MEASURE_FIELDS}


def measure_from_row(row: dict) -> Measure:
    return Measure(
        id=row["id"], title=row["title"], items=json.loads(row["items"]),
        items_previous=bool(row["items_previous"]), steps=row["steps"], responsible=row["responsible"],
        summary=row["summary"], outcome=row["outcome"], table=json.loads(row["tracking_table"]),
        notes=row["notes"],
    )


def group_columns(fields: dict[str, Any]) -> dict[str, Any]:
    columns = dict(fields)
    if "kind" in columns:
        kind = columns["kind"]
        columns["kind"] = GroupKind(kind).value if kind else None
    return columns


def group_from_row(row: dict) -> MeasureGroup:
    return MeasureGroup(id=row["id"], kind=GroupKind(row["kind"]) if row["kind"] else None, title=row["title"])


def section_from_row(row: dict) -> Section:
    return Section(id=row["id"], title=row["title"])


def photo_from_row(row: dict) -> Photo:
    return Photo(id=row["id"], caption=row["caption"], width=row["width"], height=row["height"],
                 sha256=row["sha256"], original_name=row["original_name"])


def signatory_from_row(row: dict) -> Signatory:
    return Signatory(id=row["id"], role=row["role"], name=row["name"], position=row["position"])


def check_fields(fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
