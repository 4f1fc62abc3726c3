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

import math
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from lxml import etree

from ita_desktop.importing.docx_numbering import format_number
from ita_desktop.importing.docx_package import MAX_XML_BYTES, PictureRef, docx_error, read_picture_member
from ita_desktop.importing.docx_tables import CellContent, read_grid
from ita_desktop.importing.source import ImportWarning, SourceParagraph, SourcePicture
from ita_desktop.importing.source_lines import Pieces, nested_table_pieces, split_pieces, table_paragraphs
from ita_desktop.messages import Message
from ita_desktop.photos.placement import PLAIN, Placement

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
            "๑": "thaiNumbers", "ก": "thaiLetters"}
_SKIPPED = {f"{OFFICE}annotation", f"{OFFICE}annotation-end", f"{TEXT}note", f"{TEXT}tracked-changes",
            f"{TEXT}bookmark", f"{TEXT}bookmark-start", f"{TEXT}bookmark-end", f"{TEXT}change"}
_ROTATE = re.compile(r"rotate\s*\(\s*(-?[0-9.eE+-]+)\s*\)")
_CLIP = re.compile(r"rect\(\s*([^,\s]+)[\s,]+([^,\s]+)[\s,]+([^,\s]+)[\s,]+([^,\s)]+)\s*\)")
_PER_INCH = {"in": 1.0, "cm": 1 / 2.54, "mm": 1 / 25.4, "pt": 1 / 72, "pc": 1 / 6, "px": 1 / 96}
_ROW_GROUPS = {f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"}


def _inches(length: str) -> float:
    """An ODF length ("0.4165in", "1.06cm") in inches; 0 for anything unreadable."""
    match = re.match(r"^(-?[0-9.]+)([a-z]*)$", length.strip())
    if not match:
        return 0.0
    try:
        return float(match.group(1)) * _PER_INCH.get(match.group(2) or "in", 0.0)
    except ValueError:
        return 0.0


class _ListLevel:
    def __init__(self, element: etree._Element) -> None:
        self.bullet = element.tag == f"{TEXT}list-level-style-bullet"
        self.fmt = _FORMATS.get(element.get(f"{STYLE}num-format", ""), "none" if not self.bullet else "bullet")
        self.prefix = element.get(f"{STYLE}num-prefix", "")
        self.suffix = element.get(f"{STYLE}num-suffix", "")
        self.shown = int(element.get(f"{TEXT}display-levels", "1") or 1)
        self.start = int(element.get(f"{TEXT}start-value", "1") or 1)


def _list_styles(*roots: etree._Element | None) -> dict[str, dict[int, _ListLevel]]:
    styles: dict[str, dict[int, _ListLevel]] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(f"{TEXT}list-style", f"{TEXT}outline-style"):
            name = style.get(f"{STYLE}name", "") if style.tag == f"{TEXT}list-style" else ""
            styles[name] = {int(level.get(f"{TEXT}level", "1")): _ListLevel(level) for level in style
                            if level.tag in (f"{TEXT}list-level-style-number", f"{TEXT}list-level-style-bullet",
                                             f"{TEXT}outline-level-style")}
    return styles


def _label(levels: dict[int, _ListLevel], counters: dict[int, int], level: int) -> str:
    style = levels.get(level)
    if style is None or style.fmt == "none":
        return ""
    if style.bullet:
        return "- "
    shown = range(max(1, level - style.shown + 1), level + 1)
    numbers = ".".join(format_number(counters.get(i, 1), levels[i].fmt if i in levels else "decimal") for i in shown)
    return f"{style.prefix}{numbers}{style.suffix} "


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
        self.lists = _list_styles(styles, self.content)
        self._counters: dict[str, dict[int, int]] = {}
        self._paragraph_style_lists = self._paragraph_lists(styles, self.content)
        self._graphics = {style.get(f"{STYLE}name", ""): props for root in (styles, self.content) if root is not None
                          for style in root.iter(f"{STYLE}style") if style.get(f"{STYLE}family") == "graphic"
                          for props in style.iter(f"{STYLE}graphic-properties")}
        self._line = 0

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

    @staticmethod
    def _paragraph_lists(*roots: etree._Element | None) -> dict[str, str]:
        """Paragraph style → the list style it numbers with (style:list-style-name)."""
        found = {}
        for root in roots:
            if root is None:
                continue
            for style in root.iter(f"{STYLE}style"):
                list_style = style.get(f"{STYLE}list-style-name")
                if list_style:
                    found[style.get(f"{STYLE}name", "")] = list_style
        return found

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
                self._inline(child, pieces, boxes)
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
        return _label(levels, counters, level)

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
    def _inline(self, element: etree._Element, pieces: Pieces, boxes: list[etree._Element]) -> None:
        if element.text:
            pieces.append(element.text)
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
                self._inline(child, pieces, boxes)
            if child.tail:  # the text after a child element belongs to this paragraph
                pieces.append(child.tail)

    def _frame(self, frame: etree._Element, pieces: Pieces, boxes: list[etree._Element]) -> None:
        for child in frame:
            if child.tag == f"{DRAW}image":
                href = child.get(f"{XLINK}href", "")
                member = posixpath.normpath(href.lstrip("./")) if href and "://" not in href else ""
                if member in self._members:
                    pieces.append(SourcePicture(b"", self._register(member), placement=self._placement(frame),
                                                floating=frame.get(f"{TEXT}anchor-type") != "as-char"))
                    return  # one picture per frame (the others are replacements)
            elif child.tag == f"{DRAW}text-box":
                boxes.append(child)
                return

    def _placement(self, frame: etree._Element) -> Placement:
        """The frame's turn (draw:transform, counter-clockwise radians), mirror and clip (its graphic style)."""
        turn = _ROTATE.search(frame.get(f"{DRAW}transform", ""))
        degrees = -math.degrees(float(turn.group(1))) if turn else 0.0
        props = self._graphics.get(frame.get(f"{DRAW}style-name", ""))
        mirror = props.get(f"{STYLE}mirror", "none") if props is not None else "none"
        clip = _CLIP.match(props.get(f"{FO}clip", "")) if props is not None else None
        inches = tuple(_inches(clip.group(i)) for i in (4, 1, 2, 3)) if clip else None  # left, top, right, bottom
        flip_h, flip_v = "horizontal" in mirror, "vertical" in mirror
        if not (degrees or flip_h or flip_v or (inches and any(inches))):
            return PLAIN
        placement = Placement.of(degrees, flip_h, flip_v)
        return replace(placement, crop_inches=inches) if inches and any(inches) else placement

    def _register(self, member: str) -> str:
        key = posixpath.basename(member)
        if key in self.pictures and self.pictures[key].part != member:
            key = member
        info, path = self._members[member], self.path
        self.pictures.setdefault(key, PictureRef(member, lambda: read_picture_member(path, info)))
        return key
