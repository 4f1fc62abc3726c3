"""The OpenDocument source: an .odt (LibreOffice Writer's own format) read like a Word report.

An .odt is a zip of XML: ``content.xml`` holds the text (paragraphs, headings,
lists, tables, frames with pictures or text boxes), ``styles.xml`` the list and
outline numbering that LibreOffice draws but does not store in the text. Lists
are numbered as LibreOffice numbers them (a new list restarts unless it says it
continues; ``display-levels`` shows the higher levels, "๑" formats are Thai
digits); a frame's text box is read as paragraphs of its own where it stands,
so a captioned picture (a frame holding the picture and its caption) gives the
picture, then its caption. Tracked deletions and comments are left out.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ita_desktop.importing.docx_package import MAX_XML_BYTES, PictureRef, docx_error, read_picture_member
from ita_desktop.importing.docx_paragraph import last_char, seen_digits
from ita_desktop.importing.docx_tables import CellContent, read_grid
from ita_desktop.importing.odt_styles import OdtStyles, list_label
from ita_desktop.importing.patterns import IT9_FONT_SUFFIX
from ita_desktop.importing.source import ImportWarning, SourceParagraph, SourcePicture
from ita_desktop.importing.source_lines import Pieces, nested_table_pieces, split_pieces, table_paragraphs
from ita_desktop.importing.warning_texts import make_warning
from ita_desktop.messages import Message

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_SKIPPED = {f"{OFFICE}annotation", f"{OFFICE}annotation-end", f"{TEXT}note", f"{TEXT}tracked-changes",
            f"{TEXT}bookmark", f"{TEXT}bookmark-start", f"{TEXT}bookmark-end", f"{TEXT}change"}
_ROW_GROUPS = {f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"}


class OdtSource:
    """One .odt report read as source paragraphs, with its pictures left in the zip until prepared."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.warnings: list[ImportWarning] = []
        self.pictures: dict[str, PictureRef] = {}
        with zipfile.ZipFile(self.path) as archive:
            self._members = {info.filename: info for info in archive.infolist()}
            self.content = self._parse(archive, "content.xml")
            styles = self._parse(archive, "styles.xml") if "styles.xml" in self._members else None
        self.styles = OdtStyles(styles, self.content)
        self.lists = self.styles.lists
        self._counters: dict[str, dict[int, int]] = {}
        self._paragraph_style_lists = self.styles.paragraph_lists
        self._line = 0
        self._it9_told = False

    def _parse(self, archive: zipfile.ZipFile, member: str) -> etree._Element:
        info = self._members.get(member)
        if info is None or info.file_size > MAX_XML_BYTES:
            raise docx_error(self.path, Message("the OpenDocument file is damaged ({detail}).", detail=member))
        try:
            return etree.fromstring(archive.read(member), _PARSER)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, OSError) as exc:
            detail = f"{member}: {exc}"
            damaged = Message("the OpenDocument file is damaged ({detail}).", detail=detail)
            raise docx_error(self.path, damaged) from None

    def paragraphs(self) -> Iterator[SourceParagraph]:
        """The body in reading order (line = the paragraph's number, counted from 1)."""
        text = self.content.find(f"{OFFICE}body/{OFFICE}text")
        if text is None:
            return
        for item, line, outline in self._blocks(text, count=True):
            if isinstance(item, list) and item and isinstance(item[0], list):  # a table's grid
                yield from table_paragraphs(read_grid(item), line)
            else:
                yield from split_pieces(item, line, outline)

    # -- blocks ------------------------------------------------------------------------
    def _blocks(self, parent: etree._Element, count: bool = False, list_style: str = "",
                depth: int = 0) -> Iterator[tuple[list, int, int | None]]:
        for child in parent:
            tag = child.tag
            if tag in (f"{TEXT}p", f"{TEXT}h"):
                if count:
                    self._line += 1
                pieces: Pieces = []
                boxes: list[etree._Element] = []
                paragraph_style = child.get(f"{TEXT}style-name", "")
                self._inline(child, pieces, boxes, paragraph_style, self.styles.font(paragraph_style))
                for box in boxes:
                    yield from self._blocks(box)
                label = self._number(child, list_style, depth)
                outline = int(child.get(f"{TEXT}outline-level", "1") or 1) - 1 if tag == f"{TEXT}h" else None
                yield ([label] if label else []) + pieces, self._line, outline
            elif tag == f"{TEXT}list":
                style = child.get(f"{TEXT}style-name") or list_style
                if depth == 0 and child.get(f"{TEXT}continue-numbering") != "true" and \
                        not child.get(f"{TEXT}continue-list"):
                    self._counters.pop(style, None)  # a new list starts again at its start value
                for item in child:
                    if item.tag in (f"{TEXT}list-item", f"{TEXT}list-header"):
                        start = item.get(f"{TEXT}start-value")
                        if start and item.tag == f"{TEXT}list-item":
                            self._counters.setdefault(style, {})[depth + 1] = int(start) - 1
                        header = item.tag == f"{TEXT}list-header"
                        yield from self._blocks(item, count, "" if header else style, depth + 1)
            elif tag == f"{TABLE}table":
                if count:
                    self._line += 1
                yield self._grid(child), self._line, None
            elif tag in (f"{TEXT}section", f"{TEXT}index-body", f"{TEXT}table-of-content"):
                yield from self._blocks(child, count, list_style, depth)

    def _number(self, paragraph: etree._Element, list_style: str, depth: int) -> str:
        """The label LibreOffice draws before a list item or an outline-numbered heading ("" if none)."""
        if paragraph.tag == f"{TEXT}h" and not list_style:
            level = int(paragraph.get(f"{TEXT}outline-level", "1") or 1)
            return self._advance("", level)
        if not list_style:
            list_style = self._paragraph_style_lists.get(paragraph.get(f"{TEXT}style-name", ""), "")
            depth = depth or (1 if list_style else 0)
        if not list_style or depth == 0:
            return ""
        parent = paragraph.getparent()
        if parent is not None and parent.tag == f"{TEXT}list-item" and paragraph.getprevious() is not None:
            return ""  # a second paragraph of one list item carries no number
        return self._advance(list_style, depth)

    def _advance(self, style: str, level: int) -> str:
        levels = self.lists.get(style, {})
        if level not in levels:
            return ""
        counters = self._counters.setdefault(style, {})
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [d for d in counters if d > level]:
            del counters[deeper]
        for higher in range(1, level):
            counters.setdefault(higher, levels[higher].start if higher in levels else 1)
        return list_label(levels, counters, level)

    def _grid(self, table: etree._Element) -> list[list[CellContent]]:
        rows = []
        for row in self._rows(table):
            cells = []
            for cell in row:
                if cell.tag == f"{TABLE}table-cell":
                    cells.append(CellContent(self._cell_paragraphs(cell)))
            rows.append(cells)
        return rows

    def _rows(self, table: etree._Element) -> Iterator[etree._Element]:
        for child in table:
            if child.tag == f"{TABLE}table-row":
                yield child
            elif child.tag in _ROW_GROUPS:
                yield from self._rows(child)

    def _cell_paragraphs(self, cell: etree._Element) -> list[Pieces]:
        paragraphs: list[Pieces] = []
        for item, _line, _outline in self._blocks(cell):
            if item and isinstance(item[0], list):  # a nested table: its cells in reading order
                paragraphs.extend(nested_table_pieces(read_grid(item)))
            else:
                paragraphs.append(item)
        return paragraphs

    # -- inside a paragraph ------------------------------------------------------------------
    def _inline(self, element: etree._Element, pieces: Pieces, boxes: list[etree._Element],
                paragraph_style: str, font: str) -> None:
        if element.text:
            pieces.append(self._as_seen(element.text, pieces, font))
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                pass
            elif tag == f"{TEXT}s":
                pieces.append(" " * int(child.get(f"{TEXT}c", "1") or 1))
            elif tag == f"{TEXT}tab":
                pieces.append("\t")
            elif tag == f"{TEXT}line-break":
                pieces.append("\n")
            elif tag == f"{DRAW}frame":
                self._frame(child, pieces, boxes)
            elif tag == f"{DRAW}a" or tag.startswith(TEXT):
                style = child.get(f"{TEXT}style-name")
                inner = self.styles.font(style, paragraph_style) if style else font
                self._inline(child, pieces, boxes, paragraph_style, inner)
            if child.tail:  # the text after a child element belongs to this paragraph
                pieces.append(self._as_seen(child.tail, pieces, font))

    def _as_seen(self, text: str, pieces: Pieces, font: str) -> str:
        """ASCII digits in an IT๙ font as the Thai digits LibreOffice drew (said once, as for Word)."""
        if not font.endswith(IT9_FONT_SUFFIX) or not any(c.isascii() and c.isdigit() for c in text):
            return text
        seen = seen_digits(text, last_char(pieces))
        if seen != text and not self._it9_told:
            self._it9_told = True
            self.warnings.append(make_warning("it9_digits", self._line, font=font))
        return seen

    def _frame(self, frame: etree._Element, pieces: Pieces, boxes: list[etree._Element]) -> None:
        for child in frame:
            if child.tag == f"{DRAW}image":
                href = child.get(f"{XLINK}href", "")
                member = posixpath.normpath(href.lstrip("./")) if href and "://" not in href else ""
                if member in self._members:
                    pieces.append(SourcePicture(b"", self._register(member), placement=self.styles.placement(frame),
                                                floating=frame.get(f"{TEXT}anchor-type") != "as-char"))
                    return  # one picture per frame (the others are replacements)
            elif child.tag == f"{DRAW}text-box":
                boxes.append(child)
                return

    def _register(self, member: str) -> str:
        key = posixpath.basename(member)
        if key in self.pictures and self.pictures[key].part != member:
            key = member
        info, path = self._members[member], self.path
        self.pictures.setdefault(key, PictureRef(member, lambda: read_picture_member(path, info)))
        return key
