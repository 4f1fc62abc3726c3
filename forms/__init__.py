"""Declarative forms shared by the editor and the PDF (shipped as ``ita_desktop.forms``).

``measure.json`` lists the five numbered parts of a measure: ``label_th`` is the
heading printed and recognised by the importer (the report's own vocabulary),
``label_en`` the msgid the editor shows, translated by the catalogue (``make i18n``
extracts it with :func:`labels.extract_labels`). Both the form editor and the
report layout iterate over :data:`MEASURE_PARTS`, so a label or the order changes
in one place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from ita_desktop.messages import Message


@dataclass(frozen=True)
class FormField:
    """One field of a form: the model attribute, its labels and how it is edited."""

    key: str
    label_th: str
    label_en: str
    kind: str  # "text" (multi-line), "line", "photos", "table"; "cell" for a table column
    number: int | None = None  # place in the part numbering, None for extras

    @property
    def title(self) -> Message:
        """The field's name as the editor shows it, translated when shown."""
        return Message(self.label_en)

    def label(self, language: str | None = None) -> str:
        """The field's name in the editor's ``language`` (default: the language in use)."""
        return self.title.text(language)


def _load(name: str) -> dict:
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


def _fields(rows: list[dict]) -> tuple[FormField, ...]:
    return tuple(
        FormField(r["key"], r["label_th"], r["label_en"], r.get("kind", "cell"), r.get("number")) for r in rows
    )


_measure = _load("measure.json")
MEASURE_PARTS: tuple[FormField, ...] = _fields(_measure["parts"])
MEASURE_EXTRAS: tuple[FormField, ...] = _fields(_measure["extras"])
MEASURE_FIELDS: dict[str, FormField] = {f.key: f for f in MEASURE_PARTS + MEASURE_EXTRAS}
# The tracking table's columns, in print order (the "table" extra declares them).
TABLE_COLUMNS: tuple[FormField, ...] = _fields(next(r for r in _measure["extras"] if r["key"] == "table")["columns"])
# The parts the clerk writes (text and line); the photos part is optional ("ถ้ามี").
WRITTEN_PARTS: tuple[FormField, ...] = tuple(f for f in MEASURE_PARTS if f.kind in ("text", "line"))
TEXT_PART_KEYS: tuple[str, ...] = tuple(f.key for f in WRITTEN_PARTS)
# The standard group title per instrument ("IIT" → "ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"): what choosing
# the instrument of a group with no title of its own yet puts in its title.
GROUP_TITLES: dict[str, str] = dict(_load("groups.json")["titles"])
