"""One Word paragraph as the page shows it: its text, pictures, text boxes, and whether its mark was deleted.

Tracked deletions, field instructions and comment marks are left out; tracked
insertions, fields' results, hyperlinks and content controls are read as text
(a content control still showing its placeholder holds no text of the clerk's).
A text box (``wps:txbx``, or ``v:textbox`` where Word wrote only VML) is handed
back apart, for its paragraphs to be read as paragraphs of their own. In a run
drawn in a font whose name ends in "IT๙" Word showed ASCII digits as Thai
digits, so they are read as Thai digits (an item code's digits, after its Latin
letter, stay ASCII: "I1" is a code, not text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ita_desktop.importing.docx_package import DocxPackage, PictureRef
from ita_desktop.importing.docx_styles import DocxStyles, is_complex, run_font
from ita_desktop.importing.patterns import IT9_FONT_SUFFIX
from ita_desktop.importing.source import SourcePicture
from ita_desktop.model.numbering import thai_digits
from ita_desktop.photos.placement import PLAIN, Placement

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"

# Containers whose children are read as if they stood in the paragraph itself.
_TRANSPARENT = {f"{W}hyperlink", f"{W}smartTag", f"{W}ins", f"{W}moveTo", f"{W}fldSimple", f"{W}customXml",
                f"{W}sdtContent", f"{W}dir", f"{W}bdo"}
# Deleted (tracked) text and field instructions are not what the page shows.
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}instrText", f"{W}delText",
            f"{W}delInstrText", f"{W}commentReference", f"{W}footnoteReference", f"{W}endnoteReference",
            f"{W}sdtPr", f"{W}sdtEndPr"}

@dataclass(frozen=True)
class TextBox:
    """A text box where it stands among a paragraph's pieces; its paragraphs are read as paragraphs."""

    content: etree._Element  # w:txbxContent


Pieces = list[str | SourcePicture | TextBox]
PictureFound = Callable[[PictureRef], str]  # registers a picture, returns its key
LinkFound = Callable[[str], None]  # a linked (not embedded) picture's address


@dataclass
class ParagraphContent:
    """What one w:p holds, in reading order, and what stands apart from its line."""

    pieces: Pieces = field(default_factory=list)  # text boxes among them as TextBox, floating things first
    mark_deleted: bool = False  # the paragraph mark is a tracked deletion: it runs on into the next
    it9_font: str = ""  # the IT๙ font whose ASCII digits were read as Thai digits, if any


def mark_deleted(paragraph: etree._Element) -> bool:
    """Was the paragraph mark deleted (or moved away) with changes tracked?"""
    mark = paragraph.find(f"{W}pPr/{W}rPr")
    return mark is not None and (mark.find(f"{W}del") is not None or mark.find(f"{W}moveFrom") is not None)


class ParagraphReader:
    """Reads paragraphs of one document; pictures are registered through ``found``."""

    def __init__(self, package: DocxPackage, styles: DocxStyles, found: PictureFound, linked: LinkFound) -> None:
        self.package = package
        self.styles = styles
        self.found = found
        self.linked = linked

    def read(self, paragraph: etree._Element) -> ParagraphContent:
        content = ParagraphContent(mark_deleted=mark_deleted(paragraph))
        style = self.styles.paragraph_style(paragraph)
        self._walk(paragraph, content, style, None)
        # A floating picture or text box shows where it is positioned, above the text of the paragraph
        # that anchors it (Word keeps the anchor where it was dropped, often after the caption typed
        # under it); among themselves they keep their order: a picture, then the box of its caption.
        pieces = content.pieces
        floating = [p for p in pieces if _is_floating(p)]
        if floating:
            content.pieces = floating + [p for p in pieces if not _is_floating(p)]
        return content

    def _walk(self, element: etree._Element, content: ParagraphContent, style: str, font: str | None) -> None:
        pieces = content.pieces
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == f"{W}t":
                text = child.text or ""
                if font and font.endswith(IT9_FONT_SUFFIX) and any(c.isascii() and c.isdigit() for c in text):
                    seen = seen_digits(text, last_char(pieces))
                    if seen != text:
                        text, content.it9_font = seen, content.it9_font or font
                pieces.append(text)
            elif tag in (f"{W}tab", f"{W}ptab"):
                pieces.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                # A page break before any text only moves the paragraph to the next page.
                if child.get(f"{W}type") not in ("page", "column") or last_char(pieces):
                    pieces.append("\n")
            elif tag == f"{W}noBreakHyphen":
                pieces.append("-")
            elif tag == f"{W}softHyphen":
                pieces.append("\u00ad")  # kept as typed: the line breaker may hyphenate there
            elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                self._drawing(child, pieces)
            elif tag == f"{MC}AlternateContent":
                self._walk(chosen(child), content, style, font)
            elif tag == f"{W}r":
                if not _hidden(child):
                    self._walk(child, content, style, self._run_font(child, style))
            elif tag == f"{W}sdt":
                if child.find(f"{W}sdtPr/{W}showingPlcHdr") is None:
                    self._walk(child, content, style, font)
            elif tag in _TRANSPARENT:
                self._walk(child, content, style, font)

    def _run_font(self, run: etree._Element, style: str) -> str | None:
        rpr = run.find(f"{W}rPr")
        complex_script = is_complex(rpr)
        direct = run_font(rpr, complex_script)
        if direct:
            return direct
        character = rpr.find(f"{W}rStyle") if rpr is not None else None
        return self.styles.font(style, character.get(f"{W}val") if character is not None else None, complex_script)

    def _drawing(self, drawing: etree._Element, pieces: Pieces) -> None:
        """The pictures and text boxes of a drawing (a group may hold a picture and its caption's box), in order."""
        floating = drawing.find(f"{WP}anchor") is not None
        for element in drawing.iter(f"{A}blip", f"{V}imagedata", f"{W}txbxContent"):
            if _in_box(element, drawing):
                continue  # inside a text box: read with the box's paragraphs
            if element.tag == f"{W}txbxContent":
                pieces.append(TextBox(element))
            else:
                self._picture(element, pieces, floating)

    def _picture(self, blip: etree._Element, pieces: Pieces, floating: bool) -> None:
        rel_id = blip.get(f"{R}embed") or blip.get(f"{R}id") or ""
        linked = blip.get(f"{R}link") or ""
        picture = self.package.picture(rel_id) if rel_id else None
        if picture is not None:
            # The bytes stay in the zip: the name is the key to the lazy loader.
            pieces.append(SourcePicture(b"", self.found(picture), floating=floating, placement=_placement(blip)))
        elif linked or rel_id:
            self.linked(self.package.linked_target(linked or rel_id) or rel_id)


def _hidden(run: etree._Element) -> bool:
    """Hidden text (w:vanish): neither shown nor printed by Word."""
    flag = run.find(f"{W}rPr/{W}vanish")
    return flag is not None and flag.get(f"{W}val", "1") not in ("0", "false", "off")


def last_char(pieces: Pieces) -> str:
    for piece in reversed(pieces):
        if isinstance(piece, str) and piece:
            return piece[-1]
    return ""


def seen_digits(text: str, before: str) -> str:  # also used by the OpenDocument source
    """ASCII digits as the IT๙ font drew them (Thai), except those of a code such as "I12" or "O5"."""
    out = []
    in_code = before.isascii() and (before.isalpha() or before.isdigit()) and before != ""
    for char in text:
        if char.isascii() and char.isdigit():
            out.append(char if in_code else thai_digits(char))
        else:
            in_code = char.isascii() and char.isalpha()
            out.append(char)
    return "".join(out)


def _is_floating(piece: str | SourcePicture | TextBox) -> bool:
    return isinstance(piece, TextBox) or (isinstance(piece, SourcePicture) and piece.floating)


def _in_box(element: etree._Element, top: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not top:
        if parent.tag == f"{W}txbxContent":
            return True
        parent = parent.getparent()
    return False


def _placement(blip: etree._Element) -> Placement:
    """Word's turn, flips (pic:spPr/a:xfrm) and crop (a:srcRect) of the picture ``blip`` fills."""
    if blip.tag == f"{V}imagedata":
        return _vml_placement(blip)
    fill = blip.getparent()
    picture = fill.getparent() if fill is not None else None
    if picture is None:
        return PLAIN
    xfrm = picture.find(f"{PIC}spPr/{A}xfrm")
    source_rect = fill.find(f"{A}srcRect")
    degrees = _number(xfrm, "rot") / 60000 if xfrm is not None else 0.0
    flip_h = xfrm is not None and xfrm.get("flipH") in ("1", "true")
    flip_v = xfrm is not None and xfrm.get("flipV") in ("1", "true")
    crop = tuple(_number(source_rect, side) / 100000 for side in "ltrb") if source_rect is not None else (0.0,) * 4
    if not (degrees or flip_h or flip_v or any(crop)):
        return PLAIN
    return Placement.of(degrees, flip_h, flip_v, crop)


def _vml_placement(imagedata: etree._Element) -> Placement:
    """The same in VML (old files, or Word's fallback): the shape's style "rotation:90;flip:x", crop* attributes."""
    shape = imagedata.getparent()
    style = dict(part.split(":", 1) for part in (shape.get("style", "") if shape is not None else "").split(";")
                 if ":" in part)
    try:
        degrees = float(style.get("rotation", "0").strip().rstrip("fd") or 0)
    except ValueError:
        degrees = 0.0
    flip = style.get("flip", "")
    crop = tuple(_vml_fraction(imagedata.get(f"crop{side}", "")) for side in ("left", "top", "right", "bottom"))
    if not (degrees or flip or any(crop)):
        return PLAIN
    return Placement.of(degrees, "x" in flip, "y" in flip, crop)


def _vml_fraction(value: str) -> float:
    """A VML crop: "9830f" (sixty-five-thousand-five-hundred-thirty-sixths) or a plain fraction."""
    try:
        return float(value[:-1]) / 65536 if value.endswith("f") else float(value or 0)
    except ValueError:
        return 0.0


def _number(element: etree._Element, name: str) -> float:
    try:
        return float(element.get(name, "0") or 0)
    except ValueError:
        return 0.0


def chosen(alternate: etree._Element) -> etree._Element:
    """The first mc:Choice (what Word shows), else the fallback."""
    choice = alternate.find(f"{MC}Choice")
    if choice is not None:
        return choice
    fallback = alternate.find(f"{MC}Fallback")
    return fallback if fallback is not None else etree.Element("empty")
