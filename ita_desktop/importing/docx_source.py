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

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ita_desktop.importing.docx_numbering import ListNumbering
from ita_desktop.importing.docx_package import DocxPackage, PictureRef
from ita_desktop.importing.docx_tables import CellContent, read_table
from ita_desktop.importing.signoff import read_role_signoff, read_signature_line
from ita_desktop.importing.source import ImportWarning, SourceParagraph, SourcePicture
from ita_desktop.importing.warning_texts import make_warning

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

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
        self.numbering = ListNumbering(self.package.numbering_xml)
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
        paragraphs = []
        for paragraph in cell.iter(f"{W}p"):
            if _inside_nested_paragraph(paragraph, cell):
                continue
            paragraphs.append(self._pieces(paragraph, self.numbering.label_for(paragraph)))
        return CellContent(paragraphs)

    # -- inside a paragraph ---------------------------------------------------------------
    def _pieces(self, paragraph: etree._Element, label: str = "") -> list[str | SourcePicture]:
        """Text (breaks as "\\n") and pictures of one paragraph, in order."""
        pieces: list[str | SourcePicture] = [label] if label else []
        self._walk(paragraph, pieces)
        return pieces

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
        for blip in drawing.iter(f"{A}blip", f"{V}imagedata"):
            rel_id = blip.get(f"{R}embed") or blip.get(f"{R}id") or ""
            linked = blip.get(f"{R}link") or ""
            picture = self.package.picture(rel_id) if rel_id else None
            if picture is not None:
                # The bytes stay in the zip: the name is the key to the lazy loader in ``pictures``.
                pieces.append(SourcePicture(b"", self._register(picture)))
            elif linked or rel_id:
                target = self.package.linked_target(linked or rel_id) or rel_id
                self.warnings.append(make_warning("linked_picture", self._paragraph_number, text=target))

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


def _tabbed_line(raw: str, line: int) -> SourceParagraph | None:
    """A line of text; tab-separated cells make a table row only when three or more are filled.

    In Word, tabs mostly align things (a sign-off pushed to the right, a label
    and its value), so fewer filled cells are joined by one space as the page shows.
    """
    cells = [cell.strip() for cell in raw.split("\t")]
    filled = [cell for cell in cells if cell]
    if not filled:
        return None
    joined = " ".join(filled)
    if len(filled) >= 3 and read_role_signoff(joined) is None and read_signature_line(joined) is None:
        return SourceParagraph(table=[cells], line=line)
    return SourceParagraph(text=joined if len(filled) > 1 else raw.strip(), line=line)


def _chosen(alternate: etree._Element) -> etree._Element:
    """The first mc:Choice (what Word shows), else the fallback."""
    choice = alternate.find(f"{MC}Choice")
    if choice is not None:
        return choice
    fallback = alternate.find(f"{MC}Fallback")
    return fallback if fallback is not None else etree.Element("empty")


def _inside_nested_paragraph(paragraph: etree._Element, cell: etree._Element) -> bool:
    """True for a paragraph inside a text box of another paragraph of the cell (read with it)."""
    parent = paragraph.getparent()
    while parent is not None and parent is not cell:
        if parent.tag == f"{W}p":
            return True
        parent = parent.getparent()
    return False
