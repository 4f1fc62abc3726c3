"""Declarative forms shared by the editor and the PDF (shipped as ``ita_desktop.forms``).

``measure.json`` lists the five numbered parts of a measure with their Thai and
English labels; both the form editor and the report layout iterate over
:data:`MEASURE_PARTS`, so a label or the order changes in one place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class FormField:
    """One field of a form: the model attribute, its labels and how it is edited."""

    key: str
    label_th: str
    label_en: str
    kind: str  # "text" (multi-line), "line", "photos", "table"
    number: int | None = None  # place in the part numbering, None for extras

    def label(self, language: str = "th") -> str:
        return self.label_en if language == "en" else self.label_th


def _load(name: str) -> dict:
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


def _fields(rows: list[dict]) -> tuple[FormField, ...]:
    return tuple(
        FormField(r["key"], r["label_th"], r["label_en"], r["kind"], r.get("number")) for r in rows
    )


_measure = _load("measure.json")
MEASURE_PARTS: tuple[FormField, ...] = _fields(_measure["parts"])
MEASURE_EXTRAS: tuple[FormField, ...] = _fields(_measure["extras"])
TEXT_PART_KEYS: tuple[str, ...] = tuple(f.key for f in MEASURE_PARTS if f.kind in ("text", "line"))
# The standard group title per instrument ("IIT" → "ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"): what choosing
# the instrument of a group with no title of its own yet puts in its title.
GROUP_TITLES: dict[str, str] = dict(_load("groups.json")["titles"])
