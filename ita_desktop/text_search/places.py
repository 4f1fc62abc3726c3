"""Every place of a report that holds text the clerk wrote, in print order, and how to read and rewrite it."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ita_desktop.model.report import Report

REPORT_KEYS = ("title", "agency", "agency_kind")
SIGNATORY_KEYS = ("role", "name", "position")
# A measure's text fields in the order the form shows them (the table sits between outcome and notes).
MEASURE_KEYS = ("title", "steps", "responsible", "summary", "outcome", "table", "notes")


@dataclass(frozen=True)
class TextPlace:
    """One field (or one table cell) of one object: ``kind`` is report, signatory, section, group, measure, photo.

    ``owner_id`` is the object's id (the signatory's row for a signatory, -1 for the report);
    ``cell`` the (row, column) of a tracking-table cell; ``measure_id`` the measure a photo belongs to.
    """

    kind: str
    owner_id: int
    key: str
    cell: tuple[int, int] | None = None
    measure_id: int | None = None


def text_places(report: Report) -> Iterator[tuple[TextPlace, str]]:
    """(place, text) for every non-empty text of the report, in the order of the report."""
    for key in REPORT_KEYS:
        yield from _nonempty(TextPlace("report", -1, key), getattr(report, key))
    for row, signatory in enumerate(report.signatories):
        for key in SIGNATORY_KEYS:
            yield from _nonempty(TextPlace("signatory", row, key), getattr(signatory, key))
    for section in report.sections:
        yield from _nonempty(TextPlace("section", section.id, "title"), section.title)
        for group in section.groups:
            yield from _nonempty(TextPlace("group", group.id, "title"), group.title)
            for measure in group.measures:
                for key in MEASURE_KEYS:
                    if key == "table":
                        for r, row in enumerate(measure.table):
                            for c, cell in enumerate(row):
                                yield from _nonempty(TextPlace("measure", measure.id, key, (r, c)), cell)
                    else:
                        yield from _nonempty(TextPlace("measure", measure.id, key), getattr(measure, key))
                for photo in measure.photos:
                    yield from _nonempty(TextPlace("photo", photo.id, "caption", measure_id=measure.id),
                                         photo.caption)


def _nonempty(place: TextPlace, text: str) -> Iterator[tuple[TextPlace, str]]:
    if text:
        yield place, text


def read_place(report: Report, place: TextPlace) -> str:
    """The text at ``place`` now ("" if the object or cell is gone)."""
    for candidate, text in text_places(report):
        if candidate == place:
            return text
    return ""


def replaced_values(report: Report, new_texts: dict[TextPlace, str]) -> list[tuple[str, int, str, Any]]:
    """The field writes that put ``new_texts`` in the report: (kind, owner id, key, whole new value).

    Cells of one table become one write of the whole table, the signatories one write of the whole list,
    so each field changes once.
    """
    writes: dict[tuple[str, int, str], Any] = {}
    for place, text in new_texts.items():
        if place.kind == "signatory":
            signatories = writes.setdefault(("signatories", -1, "signatories"), copy.deepcopy(report.signatories))
            setattr(signatories[place.owner_id], place.key, text)
        elif place.cell is not None:
            measure = next(m for m in report.measures if m.id == place.owner_id)
            table = writes.setdefault((place.kind, place.owner_id, place.key), copy.deepcopy(measure.table))
            row, column = place.cell
            table[row][column] = text
        else:
            writes[(place.kind, place.owner_id, place.key)] = text
    return [(kind, owner, key, value) for (kind, owner, key), value in writes.items()]
