"""The Word source: walk a .docx body into SourceParagraphs (text lines, pictures, tables) for the recogniser.

Each Word paragraph becomes one or more source paragraphs: its text is cut at
line breaks (the recogniser reads line by line, as in the text source), a line
of three or more tab-separated data cells is a table row (as in the text source),
and each picture becomes a paragraph of its own at the place it stands, so a
caption typed after a picture follows it. The paragraphs of a text box come
before the paragraph that anchors it; a paragraph whose mark was deleted with
changes tracked runs on into the next one, as Word shows it. Tables of data
become tracking tables; tables used for layout (a grid of photos with captions,
sign-off blocks side by side) are read cell by cell as ordinary paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ita_desktop.importing.docx_numbering import ListNumbering
from ita_desktop.importing.docx_package import DocxPackage, PictureRef
from ita_desktop.importing.docx_paragraph import ParagraphContent, ParagraphReader, Pieces, TextBox, chosen
from ita_desktop.importing.docx_styles import DocxStyles
from ita_desktop.importing.docx_tables import CellContent, read_table
from ita_desktop.importing.source import ImportWarning, SourceParagraph
from ita_desktop.importing.source_lines import nested_table_pieces, split_pieces, table_paragraphs
from ita_desktop.importing.warning_texts import make_warning

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo")


class DocxSource:
    """One Word report read as source paragraphs; ``warnings`` says what the source itself could not read."""

    def __init__(self, path: str | Path) -> None:
        self.package = DocxPackage(path)
        self.styles = DocxStyles(self.package.styles_xml)
        self.numbering = ListNumbering(self.package.numbering_xml, self.styles)
        self.reader = ParagraphReader(self.package, self.styles, self._register, self._linked)
        self.warnings: list[ImportWarning] = []
        self.pictures: dict[str, PictureRef] = {}  # picture name → its part, for preparing later
        self._paragraph_number = 0
        self._it9_told = False

    def paragraphs(self) -> Iterator[SourceParagraph]:
        """The body in reading order (line = the Word paragraph's number, counted from 1)."""
        body = self.package.document_xml.find(f"{W}body")
        if body is None:
            return
        for pieces, line, outline in self._paragraph_pieces(body, count=True):
            if isinstance(pieces, etree._Element):  # a table of the body
                yield from table_paragraphs(read_table(pieces, self._cell_content), line)
            else:
                yield from split_pieces(pieces, line, outline)

    # -- block level ----------------------------------------------------------------
    def _paragraph_pieces(self, parent: etree._Element, count: bool = False) -> Iterator[tuple]:
        """(pieces, line, outline level) per shown paragraph of ``parent``, or (w:tbl, line, None) for a table.

        ``count``: these are the body's blocks, each one a line for the warnings.

        A paragraph whose mark was deleted is held and put in front of the next one; the
        merged paragraph is numbered as the second (its mark is the one that stays).
        """
        held: Pieces = []
        for child in self._block_children(parent):
            if count:
                self._paragraph_number += 1
            line = self._paragraph_number
            if child.tag == f"{W}tbl":
                if held:
                    yield held, line, None
                    held = []
                yield child, line, None
                continue
            content = self.reader.read(child)
            self._note_it9(content, line)
            own: Pieces = []
            for piece in content.pieces:  # floating things first: pictures, and text boxes read as paragraphs
                if isinstance(piece, TextBox):
                    if own:
                        yield own, line, None
                        own = []
                    yield from self._paragraph_pieces(piece.content)
                else:
                    own.append(piece)
            if content.mark_deleted:
                held += own
                continue
            label = self.numbering.label_for(child)
            pieces = ([label] if label else []) + held + own
            held = []
            yield pieces, line, self.styles.outline_level(child)
        if held:
            yield held, self._paragraph_number, None

    def _block_children(self, parent: etree._Element) -> Iterator[etree._Element]:
        """The w:p and w:tbl of ``parent``, through content controls, insertions and alternate content."""
        for child in parent:
            if child.tag in (f"{W}p", f"{W}tbl"):
                yield child
            elif child.tag in _WRAPPERS:
                if child.tag == f"{W}sdt" and child.find(f"{W}sdtPr/{W}showingPlcHdr") is not None:
                    continue  # a content control still showing its placeholder: nothing the clerk typed
                yield from self._block_children(child)
            elif child.tag == f"{MC}AlternateContent":
                yield from self._block_children(chosen(child))

    def _cell_content(self, cell: etree._Element) -> CellContent:
        return CellContent(list(self._cell_paragraphs(cell)))

    def _cell_paragraphs(self, parent: etree._Element) -> Iterator[Pieces]:
        """A cell's paragraphs in reading order; a table nested in it (a photo grid) in its own reading order."""
        for item, _line, _outline in self._paragraph_pieces(parent):
            if not isinstance(item, etree._Element):
                yield item
                continue
            yield from nested_table_pieces(read_table(item, self._cell_content))

    # -- what the paragraphs said about themselves ---------------------------------------
    def _register(self, picture: PictureRef) -> str:
        """The picture's key in ``pictures``: its file name, or its part name if two folders share one."""
        key = picture.name
        known = self.pictures.get(key)
        if known is not None and known.part != picture.part:
            key = picture.part
        self.pictures.setdefault(key, picture)
        return key

    def _linked(self, target: str) -> None:
        self.warnings.append(make_warning("linked_picture", self._paragraph_number, text=target))

    def _note_it9(self, content: ParagraphContent, line: int) -> None:
        if content.it9_font and not self._it9_told:
            self._it9_told = True
            self.warnings.append(make_warning("it9_digits", line, font=content.it9_font))
