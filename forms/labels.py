"""Babel extractor for the form definitions: each field's and table column's ``label_en`` is an editor msgid."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO


def extract_labels(fileobj: IO[bytes], keywords: object, comment_tags: object,
                   options: object) -> Iterator[tuple[int, None, str, list[str]]]:
    """Yield ``(line, None, msgid, comments)`` for every ``label_en`` of a form JSON file (``make i18n``)."""
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    definition = json.loads(text)
    fields = [field for group in ("parts", "extras") for field in definition.get(group, [])]
    fields += [column for field in fields for column in field.get("columns", [])]
    for field in fields:
        label = field["label_en"]
        quoted = f'"label_en": {json.dumps(label, ensure_ascii=False)}'
        line = next((number for number, row in enumerate(lines, 1) if quoted in row), 0)
        yield line, None, label, [f"form field {field['key']}"]
