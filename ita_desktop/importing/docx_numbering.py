"""Word's automatic list numbers: the "(๑)" or "๑.๑" Word draws but does not store in the text.

A clerk who numbered measures with Word's list button has no number in the
paragraph text; the recogniser needs it, so the label Word would show is
rebuilt from numbering.xml (counters per list, deeper levels restarting).
Numbering attached to paragraph styles is not followed (rare in these reports).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ita_desktop.model.numbering import thai_digits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


def _val(element: etree._Element | None, default: str = "") -> str:
    return element.get(f"{W}val", default) if element is not None else default


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def format_number(number: int, fmt: str) -> str:
    """One counter in a Word number format ("thaiNumbers" → "๑")."""
    if fmt == "thaiNumbers":
        return thai_digits(number)
    if fmt == "thaiLetters":
        return _THAI_LETTERS[(number - 1) % len(_THAI_LETTERS)]
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    return str(number)  # decimal and anything unknown


class ListNumbering:
    """Counters of every list in one document, advanced paragraph by paragraph in reading order."""

    def __init__(self, numbering_xml: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._num_to_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if numbering_xml is not None:
            self._read(numbering_xml)

    def _read(self, root: etree._Element) -> None:
        for abstract in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                levels[int(lvl.get(f"{W}ilvl", "0"))] = _Level(
                    start=int(_val(lvl.find(f"{W}start"), "1") or 1),
                    fmt=_val(lvl.find(f"{W}numFmt"), "decimal"),
                    text=_val(lvl.find(f"{W}lvlText"), ""))
            self._abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            num_id = num.get(f"{W}numId", "")
            self._num_to_abstract[num_id] = _val(num.find(f"{W}abstractNumId"))
            overrides = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    overrides[int(override.get(f"{W}ilvl", "0"))] = int(_val(start, "1"))
            self._overrides[num_id] = overrides

    def label_for(self, paragraph: etree._Element) -> str:
        """The list label Word shows before ``paragraph`` plus a space, or "" (advances the counter)."""
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is None:
            return ""
        num_id = _val(num_pr.find(f"{W}numId"))
        level = int(_val(num_pr.find(f"{W}ilvl"), "0") or 0)
        abstract_id = self._num_to_abstract.get(num_id)
        levels = self._abstract.get(abstract_id or "", {})
        if num_id in ("", "0") or level not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in self._overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        lvl = levels[level]
        if lvl.fmt == "bullet":
            return "- "
        if lvl.fmt == "none" or not lvl.text:
            return ""
        label = lvl.text
        for index in range(level + 1):
            known = levels.get(index)
            value = counters.get(index, known.start if known else 1)
            label = label.replace(f"%{index + 1}", format_number(value, lvl.fmt if index == level else (
                known.fmt if known else "decimal")))
        return label + " "
