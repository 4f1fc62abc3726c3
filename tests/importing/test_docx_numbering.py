"""Word's list numbers as Word computes them: style chains, linked levels, overrides, restarts, legal numbering."""

from __future__ import annotations

from lxml import etree

from ita_desktop.importing.docx_numbering import ListNumbering
from ita_desktop.importing.docx_paragraph import seen_digits
from ita_desktop.importing.docx_styles import DocxStyles

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def xml(text: str) -> etree._Element:
    return etree.fromstring(text)


def level(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def para(style: str = "", num: tuple[str | None, int | None] | None = None) -> etree._Element:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        num_id = f'<w:numId w:val="{num[0]}"/>' if num[0] is not None else ""
        ilvl = f'<w:ilvl w:val="{num[1]}"/>' if num[1] is not None else ""
        ppr += f"<w:numPr>{ilvl}{num_id}</w:numPr>"
    return xml(f"<w:p {NS}><w:pPr>{ppr}</w:pPr></w:p>")


def labels(numbering: str, styles: str, paragraphs: list[etree._Element]) -> list[str]:
    lists = ListNumbering(xml(f"<w:numbering {NS}>{numbering}</w:numbering>"),
                          DocxStyles(xml(f"<w:styles {NS}>{styles}</w:styles>")))
    return [lists.label_for(p) for p in paragraphs]


STYLE = ('<w:style w:type="paragraph" w:styleId="{id}"><w:basedOn w:val="{based}"/><w:pPr>{num}</w:pPr></w:style>')


def test_a_style_based_on_a_numbered_style_takes_its_list_and_its_own_level():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "thaiNumbers", "(%1)")
                 + level(1, "thaiNumbers", "(%1.%2)") + '</w:abstractNum>'
                 '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>')
    styles = (STYLE.format(id="m", based="a", num='<w:numPr><w:numId w:val="5"/></w:numPr>')
              + STYLE.format(id="p", based="m", num='<w:numPr><w:ilvl w:val="1"/></w:numPr>'))
    assert labels(numbering, styles, [para("m"), para("p"), para("p"), para("m"), para("p")]) == [
        "(๑) ", "(๑.๑) ", "(๑.๒) ", "(๒) ", "(๒.๑) "]


def test_a_level_linked_to_a_style_and_num_id_zero_switching_the_list_off():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "%1.", '<w:pStyle w:val="H1"/>')
                 + level(1, "decimal", "%1.%2", '<w:pStyle w:val="H2"/>')
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    styles = (STYLE.format(id="H1", based="", num='<w:numPr><w:numId w:val="1"/></w:numPr>')
              + STYLE.format(id="H2", based="", num='<w:numPr><w:numId w:val="1"/></w:numPr>'))
    assert labels(numbering, styles, [para("H1"), para("H2"), para("H2", ("0", None)), para("H2"), para("H1")]) == [
        "1. ", "1.1 ", "", "1.2 ", "2. "]


def test_legal_numbering_and_a_level_that_never_restarts():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "thaiNumbers", "%1.")
                 + level(1, "thaiNumbers", "%1.%2", '<w:isLgl/><w:lvlRestart w:val="0"/>')
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    assert labels(numbering, "", [para(num=("1", 0)), para(num=("1", 1)), para(num=("1", 0)),
                                  para(num=("1", 1))]) == ["๑. ", "1.1 ", "๒. ", "2.2 "]


def test_a_list_that_takes_its_levels_from_a_numbering_style():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "upperLetter", "%1)") + '</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="L"/></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')
    styles = ('<w:style w:type="numbering" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
              '</w:style>')
    assert labels(numbering, styles, [para(num=("2", 0)), para(num=("2", 0))]) == ["A) ", "B) "]


def test_a_start_override_restarts_a_list_instance_once():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "(%1)") + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                 '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    assert labels(numbering, "", [para(num=("1", 0)), para(num=("1", 0)), para(num=("2", 0)),
                                  para(num=("2", 0))]) == ["(1) ", "(2) ", "(1) ", "(2) "]


def test_it9_digits_become_thai_except_those_of_an_item_code():
    assert seen_digits("ปี 2567 (ข้อ I12, O5) เว็บ abc123", "") == "ปี ๒๕๖๗ (ข้อ I12, O5) เว็บ abc123"
    assert seen_digits("2 เดิม", "I") == "2 เดิม"  # "I" ended the run before: "I2" is a code
