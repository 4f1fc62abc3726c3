"""Word's automatic list numbers: the "(๑)" or "๑.๑" Word draws but does not store in the text.

A clerk who numbered measures with Word's list button has no number in the
paragraph text; the recogniser needs it, so the label Word would show is
rebuilt from numbering.xml (counters per list, deeper levels restarting).
The list may be set on the paragraph (a direct numPr), on its style or on a style
that one is based on (Heading 1/2 linked to a multilevel list; a restart written
as a direct numPr on the paragraph), as Word resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ita_desktop.importing.docx_styles import DocxStyles, read_num_pr
from ita_desktop.model.numbering import thai_digits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# OpenDocument's number formats (style:num-format) as Word's names for them.
ODF_NUMBER_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
                      "I": "upperRoman", "๑": "thaiNumbers", "ก": "thaiLetters"}
_THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    style: str = ""  # the paragraph style linked to this level (w:pStyle), e.g. Heading 2
    legal: bool = False  # w:isLgl: every counter of the label drawn in decimal
    restart_after: int | None = None  # w:lvlRestart (1-based level; 0 never); None: after any higher level


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


def _int(element: etree._Element | None, default: int) -> int:
    try:
        return int(_val(element, str(default)) or default)
    except ValueError:
        return default


def _read_level(lvl: etree._Element) -> _Level:
    restart = lvl.find(f"{W}lvlRestart")
    legal = lvl.find(f"{W}isLgl")
    return _Level(start=_int(lvl.find(f"{W}start"), 1), fmt=_val(lvl.find(f"{W}numFmt"), "decimal"),
                  text=_val(lvl.find(f"{W}lvlText"), ""), style=_val(lvl.find(f"{W}pStyle")),
                  legal=legal is not None and _val(legal, "1") not in ("0", "false", "off"),
                  restart_after=_int(restart, 0) if restart is not None else None)


class ListNumbering:
    """Counters of every list in one document, advanced paragraph by paragraph in reading order."""

    def __init__(self, numbering_xml: etree._Element | None, styles: DocxStyles | None = None) -> None:
        self.styles = styles or DocxStyles(None)
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNumId → numbering style it takes its levels from
        self._num_to_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if numbering_xml is not None:
            self._read(numbering_xml)

    def _read(self, root: etree._Element) -> None:
        for abstract in root.iter(f"{W}abstractNum"):
            abstract_id = abstract.get(f"{W}abstractNumId", "")
            self._abstract[abstract_id] = {int(lvl.get(f"{W}ilvl", "0") or 0): _read_level(lvl)
                                           for lvl in abstract.iter(f"{W}lvl")}
            link = abstract.find(f"{W}numStyleLink")
            if link is not None:
                self._style_links[abstract_id] = _val(link)
        for num in root.iter(f"{W}num"):
            num_id = num.get(f"{W}numId", "")
            self._num_to_abstract[num_id] = _val(num.find(f"{W}abstractNumId"))
            overrides = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    overrides[int(override.get(f"{W}ilvl", "0"))] = _int(start, 1)
            self._overrides[num_id] = overrides

    def _abstract_of(self, num_id: str) -> str | None:
        """The list definition of a list instance, through a numbering style it links to (once)."""
        abstract_id = self._num_to_abstract.get(num_id)
        link = self._style_links.get(abstract_id or "")
        if link:
            linked_num = self.styles.numbering_style_num(link)
            linked = self._num_to_abstract.get(linked_num or "")
            if linked and linked not in self._style_links:
                return linked
        return abstract_id

    def _reference(self, paragraph: etree._Element) -> tuple[str, str, int] | None:
        """(numId, abstractNumId, level) Word numbers ``paragraph`` with, or None."""
        style_id = self.styles.paragraph_style(paragraph)
        direct = read_num_pr(paragraph.find(f"{W}pPr"))
        from_style, _owner = self.styles.numbering(style_id)
        num_id = direct.num_id if direct is not None and direct.num_id is not None else (
            from_style.num_id if from_style is not None else None)
        if num_id in (None, "", "0"):  # numId 0: the numbering of the style switched off here
            return None
        abstract_id = self._abstract_of(num_id)
        levels = self._abstract.get(abstract_id or "", {})
        if direct is not None and direct.level is not None:
            level = direct.level
        else:
            linked = [index for index, lvl in levels.items() if style_id and lvl.style == style_id]
            level = linked[0] if linked else (from_style.level if from_style and from_style.level is not None else 0)
        if level not in levels:
            return None
        return num_id, abstract_id, level

    def label_for(self, paragraph: etree._Element) -> str:
        """The list label Word shows before ``paragraph`` plus a space, or "" (advances the counter)."""
        reference = self._reference(paragraph)
        if reference is None:
            return ""
        num_id, abstract_id, level = reference
        levels = self._abstract[abstract_id]
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in self._overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
                for deeper in [d for d in counters if d > lvl]:
                    del counters[deeper]
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            restart = levels[deeper].restart_after if deeper in levels else None
            if restart is None or (restart and level < restart):
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
            fmt = lvl.fmt if index == level else (known.fmt if known else "decimal")
            if lvl.legal and fmt not in ("decimal", "decimalZero"):
                fmt = "decimal"  # a legal-style label draws the higher levels' counters in Arabic digits
            label = label.replace(f"%{index + 1}", format_number(value, fmt))
        return label + " "
