"""The Word source: walk a .docx body into SourceParagraphs (text lines, pictures, tables) for the recogniser.

Each Word paragraph becomes one or more source paragraphs: its text is cut at
line breaks (the recogniser reads line by line, as in the text source), a line
of three or more tab-separated cells is a table row (as in the text source), and
each picture becomes a paragraph of its own at the place it stands, so a
caption typed after a picture follows it. Tables of data become tracking
tables; tables used for layout (a grid of photos with captions, sign-off
blocks side by side) are read cell by cell as ordinary paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ita_desktop.importing.docx_numbering import ListNumbering
from ita_desktop.importing.docx_package import DocxPackage, PictureRef
from ita_desktop.importing.docx_styles import DocxStyles
from ita_desktop.importing.docx_tables import CellContent, Pieces, read_table
from ita_desktop.importing.patterns import read_part_line
from ita_desktop.importing.signoff import read_role_signoff, read_signature_line
from ita_desktop.importing.source import ImportWarning, SourceParagraph, SourcePicture
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
                f"{W}sdt", f"{W}sdtContent", f"{W}dir", f"{W}bdo"}
# Deleted (tracked) text and field instructions are not what the page shows.
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}instrText", f"{W}delText",
            f"{W}delInstrText", f"{W}commentReference", f"{W}footnoteReference", f"{W}endnoteReference"}


class DocxSource:
    """One Word report read as source paragraphs; ``warnings`` says what the source itself could not read."""

    def __init__(self, path: str | Path) -> None:
        self.package = DocxPackage(path)
        self.styles = DocxStyles(self.package.styles_xml)
        self.numbering = ListNumbering(self.package.numbering_xml, self.styles)
        self.warnings: list[ImportWarning] = []
        self.pictures: dict[str, PictureRef] = {}  # picture name → its part, for preparing later
        self._paragraph_number = 0

    def paragraphs(self) -> Iterator[SourceParagraph]:
        """The body in reading order (line = the Word paragraph's number, counted from 1)."""
        body = self.package.document_xml.find(f"{W}body")
        if body is None:
            return
        yield from self._blocks(body)

    # -- block level ----------------------------------------------------------------
    def _blocks(self, parent: etree._Element) -> Iterator[SourceParagraph]:
        for child in parent:
            if child.tag == f"{W}p":
                self._paragraph_number += 1
                yield from self._split(self._pieces(child, self.numbering.label_for(child)))
            elif child.tag == f"{W}tbl":
                self._paragraph_number += 1
                yield from self._table(child)
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                yield from self._blocks(child)
            elif child.tag == f"{MC}AlternateContent":
                yield from self._blocks(_chosen(child))

    def _table(self, table: etree._Element) -> Iterator[SourceParagraph]:
        line = self._paragraph_number
        layout = read_table(table, self._cell_content)
        if layout.rows is not None:
            yield SourceParagraph(table=layout.rows, line=line)
            return
        for cell in layout.cells:
            for pieces in cell.paragraphs:
                yield from self._split(pieces, line)

    def _cell_content(self, cell: etree._Element) -> CellContent:
        return CellContent(list(self._cell_paragraphs(cell)))

    def _cell_paragraphs(self, parent: etree._Element) -> Iterator[Pieces]:
        """A cell's paragraphs in reading order; a table nested in it (a photo grid) in its own reading order."""
        for child in parent:
            if child.tag == f"{W}p":
                yield self._pieces(child, self.numbering.label_for(child))
            elif child.tag == f"{W}tbl":
                layout = read_table(child, self._cell_content)
                if layout.rows is not None:  # data nested in a cell: its rows as tab-separated lines
                    yield from ([" \t ".join(row)] for row in layout.rows)
                else:
                    yield from (pieces for nested in layout.cells for pieces in nested.paragraphs)
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                yield from self._cell_paragraphs(child)
            elif child.tag == f"{MC}AlternateContent":
                yield from self._cell_paragraphs(_chosen(child))

    # -- inside a paragraph ---------------------------------------------------------------
    def _pieces(self, paragraph: etree._Element, label: str = "") -> list[str | SourcePicture]:
        """Text (breaks as "\\n") and pictures of one paragraph, in order."""
        pieces: list[str | SourcePicture] = []
        self._walk(paragraph, pieces)
        # A floating picture shows where it is positioned, above the text of the paragraph that
        # anchors it (Word keeps the anchor where the picture was dropped, often after its caption).
        floating = [p for p in pieces if isinstance(p, SourcePicture) and p.floating]
        if floating:
            pieces = floating + [p for p in pieces if not (isinstance(p, SourcePicture) and p.floating)]
        return [label, *pieces] if label else pieces

    def _walk(self, element: etree._Element, pieces: list[str | SourcePicture]) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == f"{W}t":
                pieces.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}ptab"):
                pieces.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                pieces.append("\n")
            elif tag == f"{W}noBreakHyphen":
                pieces.append("-")
            elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                self._pictures_in(child, pieces)
            elif tag == f"{MC}AlternateContent":
                self._walk(_chosen(child), pieces)
            elif tag == f"{W}r" or tag in _TRANSPARENT:
                self._walk(child, pieces)

    def _pictures_in(self, drawing: etree._Element, pieces: list[str | SourcePicture]) -> None:
        floating = drawing.find(f"{WP}anchor") is not None
        for blip in drawing.iter(f"{A}blip", f"{V}imagedata"):
            rel_id = blip.get(f"{R}embed") or blip.get(f"{R}id") or ""
            linked = blip.get(f"{R}link") or ""
            picture = self.package.picture(rel_id) if rel_id else None
            if picture is not None:
                # The bytes stay in the zip: the name is the key to the lazy loader in ``pictures``.
                pieces.append(SourcePicture(b"", self._register(picture), floating=floating,
                                            placement=_placement(blip)))
            elif linked or rel_id:
                target = self.package.linked_target(linked or rel_id) or rel_id
                self.warnings.append(ImportWarning(
                    "linked_picture",
                    f"a picture linked to “{target}” is not inside the Word file and is not imported",
                    f"ภาพที่เชื่อมโยงไปยัง “{target}” ไม่ได้อยู่ในไฟล์ Word จึงไม่ได้นำเข้า",
                    self._paragraph_number))

    def _register(self, picture: PictureRef) -> str:
        """The picture's key in ``pictures``: its file name, or its part name if two folders share one."""
        key = picture.name
        known = self.pictures.get(key)
        if known is not None and known.part != picture.part:
            key = picture.part
        self.pictures.setdefault(key, picture)
        return key

    def _split(self, pieces: list[str | SourcePicture], line: int | None = None) -> Iterator[SourceParagraph]:
        """Text lines (tab rows cut as the text source cuts them) and pictures, in order."""
        line = line or self._paragraph_number
        text: list[str] = []
        for piece in pieces:
            if isinstance(piece, str):
                text.append(piece)
                continue
            yield from self._text_lines("".join(text), line)
            text = []
            yield SourceParagraph(pictures=(piece,), line=line)
        yield from self._text_lines("".join(text), line)

    @staticmethod
    def _text_lines(text: str, line: int) -> Iterator[SourceParagraph]:
        for raw in text.split("\n"):
            paragraph = _tabbed_line(raw, line)
            if paragraph is not None:
                yield paragraph


# A cell of a tab row that is only layout: the colon between label and text, a leader, a dash.
_LAYOUT_CELL = re.compile(r"^[:：.…·_]*$")


def _tabbed_line(raw: str, line: int) -> SourceParagraph | None:
    """A line of text; tab-separated cells make a table row only when three or more hold data.

    In Word, tabs mostly align things (a sign-off pushed to the right, a label, its
    colon and its value on tab stops with dot leaders), so a line that opens a part
    or a sign-off, and any line with fewer data cells, is joined by one space as the
    page shows. A lone colon or leader between tabs is layout, not a cell.
    """
    cells = [cell.strip() for cell in raw.split("\t")]
    filled = [cell for cell in cells if cell]
    if not filled:
        return None
    joined = " ".join(filled)
    data = [cell for cell in filled if not _LAYOUT_CELL.match(cell)]
    if len(data) >= 3 and not _is_text_line(joined):
        return SourceParagraph(table=[cells], line=line)
    return SourceParagraph(text=joined if len(filled) > 1 else raw.strip(), line=line)


def _is_text_line(joined: str) -> bool:
    """A tabbed line the recogniser reads as one line: a part label with its text, or a sign-off."""
    return (read_part_line(joined) is not None or read_role_signoff(joined) is not None
            or read_signature_line(joined) is not None)


def _placement(blip: etree._Element) -> Placement:
    """Word's turn, flips (pic:spPr/a:xfrm) and crop (a:srcRect) of the picture ``blip`` fills."""
    fill = blip.getparent()
    picture = fill.getparent() if fill is not None else None
    if picture is None or blip.tag != f"{A}blip":
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


def _number(element: etree._Element, name: str) -> float:
    try:
        return float(element.get(name, "0") or 0)
    except ValueError:
        return 0.0


def _chosen(alternate: etree._Element) -> etree._Element:
    """The first mc:Choice (what Word shows), else the fallback."""
    choice = alternate.find(f"{MC}Choice")
    if choice is not None:
        return choice
    fallback = alternate.find(f"{MC}Fallback")
    return fallback if fallback is not None else etree.Element("empty")
