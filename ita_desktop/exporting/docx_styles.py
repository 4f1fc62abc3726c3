"""Word styles for the exported report: the Thai font set for complex script too, A4 page, page numbers.

Word picks the font of Thai letters from the complex-script slot (w:rFonts
w:cs, size w:szCs, bold w:bCs), not from the Latin one, so every size, face
and weight is written to both. The defaults live in styles.xml (docDefaults
and named paragraph styles), so a clerk who edits the document keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ita_desktop.model import Report
from ita_desktop.model.official_style import (
    INDENT_GROUP_MM,
    INDENT_MEASURE_MM,
    INDENT_PART_MM,
    SMALL_SCALE,
    TITLE_SCALE,
)

# Children of w:rPr must appear in this order (ECMA-376 CT_RPr), or Word calls the file damaged.
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
              "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
              "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass(frozen=True)
class WordFont:
    """The face and body size of the exported document (TH Sarabun New 16 pt, the official size)."""

    name: str = "TH Sarabun New"
    body_pt: float = 16.0

    def scaled(self, ratio: float) -> float:
        return round(self.body_pt * ratio * 2) / 2  # Word stores half points


# Paragraph styles: name → (size ratio to the body, bold, alignment, first-line indent mm, left indent mm).
STYLES: dict[str, tuple[float, bool, WD_ALIGN_PARAGRAPH, float, float]] = {
    "ITA Title": (TITLE_SCALE, True, WD_ALIGN_PARAGRAPH.CENTER, 0, 0),
    "ITA Section": (1.0, True, WD_ALIGN_PARAGRAPH.THAI_JUSTIFY, 0, 0),
    "ITA Group": (1.0, True, WD_ALIGN_PARAGRAPH.THAI_JUSTIFY, INDENT_GROUP_MM, 0),
    "ITA Measure": (1.0, True, WD_ALIGN_PARAGRAPH.THAI_JUSTIFY, INDENT_MEASURE_MM, 0),
    "ITA Part": (1.0, False, WD_ALIGN_PARAGRAPH.THAI_JUSTIFY, INDENT_PART_MM, 0),
    "ITA Body": (1.0, False, WD_ALIGN_PARAGRAPH.THAI_JUSTIFY, INDENT_PART_MM, 0),
    "ITA Photo": (SMALL_SCALE, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 0),
    "ITA Caption": (SMALL_SCALE, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 0),
    "ITA Table": (SMALL_SCALE, False, WD_ALIGN_PARAGRAPH.LEFT, 0, 0),
    "ITA Signature": (1.0, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 75),
}


_RPR_RANK = {qn(tag): rank for rank, tag in enumerate(_RPR_ORDER)}


def _child(parent, tag: str):
    """The ``tag`` child of ``parent``, created in schema order when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    rank = _RPR_RANK[qn(tag)]
    for index, sibling in enumerate(parent):
        if _RPR_RANK.get(sibling.tag, -1) > rank:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def set_run_properties(rpr, font: WordFont | None = None, size_pt: float | None = None,
                       bold: bool | None = None) -> None:
    """Face, size and weight in both the Latin and the complex-script (Thai) slots of a w:rPr."""
    if font is not None:
        fonts = _child(rpr, "w:rFonts")
        for attribute in _THEME_ATTRIBUTES:  # a theme font would win over the name
            fonts.attrib.pop(qn(attribute), None)
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), font.name)
        _child(rpr, "w:lang").set(qn("w:bidi"), "th-TH")
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            _child(rpr, tag).set(qn("w:val"), "1" if bold else "0")
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), str(round(size_pt * 2)))


def _set_document_defaults(document: Document, font: WordFont) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_default)
    rpr = run_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run_default.append(rpr)
    set_run_properties(rpr, font, font.body_pt)
    normal = document.styles["Normal"]
    set_run_properties(normal.element.get_or_add_rPr(), font, font.body_pt)
    format_ = normal.paragraph_format
    format_.space_before, format_.space_after, format_.line_spacing = Pt(0), Pt(0), 1.0
    format_.alignment = WD_ALIGN_PARAGRAPH.THAI_JUSTIFY


def add_report_styles(document: Document, font: WordFont) -> None:
    """Document defaults and the named paragraph styles the exporter uses."""
    _set_document_defaults(document, font)
    for name, (ratio, bold, alignment, first_indent, left_indent) in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        set_run_properties(style.element.get_or_add_rPr(), font, font.scaled(ratio), bold)
        style.paragraph_format.alignment = alignment
        style.paragraph_format.first_line_indent = Mm(first_indent) if first_indent else None
        style.paragraph_format.left_indent = Mm(left_indent) if left_indent else None
    document.styles["ITA Section"].paragraph_format.space_before = Pt(font.body_pt * 0.9)
    for name in ("ITA Group", "ITA Measure"):
        document.styles[name].paragraph_format.space_before = Pt(font.body_pt * 0.6)
    document.styles["ITA Part"].paragraph_format.space_before = Pt(font.body_pt * 0.3)
    document.styles["ITA Photo"].paragraph_format.space_before = Pt(font.body_pt * 0.3)
    document.styles["ITA Photo"].paragraph_format.keep_with_next = True  # never parted from its caption


def set_page(document: Document, report: Report) -> None:
    """A4 with the report's margins (official: left 3 cm, right 2 cm, top 2.5 cm, bottom 2 cm)."""
    left, right, top, bottom = report.margins_mm
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(left), Mm(right)
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.header_distance = Mm(12)


def add_page_numbers(document: Document, font: WordFont, thai_digits: bool) -> None:
    """"- ๒ -" at the top centre from page 2 (the first page has an empty header)."""
    for section in document.sections:
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("- ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE \\* ThaiArabic" if thai_digits else "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "๒" if thai_digits else "2"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        paragraph.add_run(" -")
        for run in paragraph.runs:
            set_run_properties(run._r.get_or_add_rPr(), font, font.body_pt)
