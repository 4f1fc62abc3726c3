"""Word paragraph and character styles as far as the importer needs them: numbering, outline level, fonts.

Word draws a heading's "๑." from the list its style (or a style it is based on)
points at, and a run's font from its own properties, its character style, its
paragraph style's ``basedOn`` chain and the document defaults. Each property is
looked up through that chain the way Word inherits it: the nearest style that
sets it wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_CHAIN = 20  # a basedOn loop in a damaged file must not hang the import


@dataclass(frozen=True)
class NumberingRef:
    """A w:numPr as found: either part may be missing (None) and is then inherited."""

    num_id: str | None
    level: int | None


def read_num_pr(ppr: etree._Element | None) -> NumberingRef | None:
    if ppr is None:
        return None
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is None:
        return None
    num_id = num_pr.find(f"{W}numId")
    level = num_pr.find(f"{W}ilvl")
    return NumberingRef(num_id.get(f"{W}val") if num_id is not None else None,
                        int(level.get(f"{W}val", "0") or 0) if level is not None else None)


def is_complex(rpr: etree._Element | None) -> bool:
    """A run Word draws in its complex-script font throughout, digits too (w:cs, or rFonts hint="cs")."""
    if rpr is None:
        return False
    flag = rpr.find(f"{W}cs")
    fonts = rpr.find(f"{W}rFonts")
    return (flag is not None and flag.get(f"{W}val", "1") not in ("0", "false", "off")) or (
        fonts is not None and fonts.get(f"{W}hint") == "cs")


def run_font(rpr: etree._Element | None, complex_script: bool = False) -> str | None:
    """The font a run's ASCII digits are drawn in, if the properties name one: w:cs in a complex-script run,
    else w:ascii (or w:hAnsi)."""
    if rpr is None:
        return None
    fonts = rpr.find(f"{W}rFonts")
    if fonts is None:
        return None
    latin = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")
    return (fonts.get(f"{W}cs") or latin) if complex_script else latin


class DocxStyles:
    """The styles of one document, with their ``basedOn`` chains resolved on demand."""

    def __init__(self, styles_xml: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        self.default_paragraph = ""
        self.default_character = ""
        self._default_font: str | None = None
        self._default_cs_font: str | None = None
        if styles_xml is None:
            return
        for style in styles_xml.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId", "")
            self._styles[style_id] = style
            if style.get(f"{W}default") in ("1", "true", "on"):
                if style.get(f"{W}type") == "paragraph":
                    self.default_paragraph = style_id
                elif style.get(f"{W}type") == "character":
                    self.default_character = style_id
        defaults = styles_xml.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._default_font = run_font(defaults)
        self._default_cs_font = run_font(defaults, complex_script=True)

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        found: list[etree._Element] = []
        while style_id and len(found) < _MAX_CHAIN:
            style = self._styles.get(style_id)
            if style is None or style in found:
                break
            found.append(style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return found

    def paragraph_style(self, paragraph: etree._Element) -> str:
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        return style.get(f"{W}val", "") if style is not None else self.default_paragraph

    def outline_level(self, paragraph: etree._Element) -> int | None:
        """The paragraph's outline level (0 for Heading 1), direct or from its style chain; None for body text."""
        direct = paragraph.find(f"{W}pPr/{W}outlineLvl")
        found = [direct] if direct is not None else [
            level for style in self.chain(self.paragraph_style(paragraph))
            if (level := style.find(f"{W}pPr/{W}outlineLvl")) is not None][:1]
        if not found:
            return None
        try:
            level = int(found[0].get(f"{W}val", "9"))
        except ValueError:
            return None
        return level if 0 <= level < 9 else None

    def numbering(self, style_id: str) -> tuple[NumberingRef | None, str]:
        """The numPr a paragraph style gives (numId and level merged up the chain), and the style that set numId."""
        num_id, level, owner = None, None, ""
        for style in self.chain(style_id):
            ref = read_num_pr(style.find(f"{W}pPr"))
            if ref is None:
                continue
            if num_id is None and ref.num_id is not None:
                num_id, owner = ref.num_id, style.get(f"{W}styleId", "")
            if level is None and ref.level is not None:
                level = ref.level
        if num_id is None and level is None:
            return None, ""
        return NumberingRef(num_id, level), owner

    def numbering_style_num(self, style_id: str) -> str | None:
        """The numId behind a numbering (list) style, for an abstractNum that only links to it."""
        for style in self.chain(style_id):
            ref = read_num_pr(style.find(f"{W}pPr"))
            if ref is not None and ref.num_id is not None:
                return ref.num_id
        return None

    def font(self, paragraph_style: str, character_style: str | None, complex_script: bool = False) -> str | None:
        """The font a run's digits get from its character style, paragraph style chain and the defaults."""
        for style_id in (character_style, paragraph_style):
            for style in self.chain(style_id):
                font = run_font(style.find(f"{W}rPr"), complex_script)
                if font:
                    return font
        return self._default_font if not complex_script else (self._default_cs_font or self._default_font)
