"""Cut a source paragraph's pieces (text with tabs and breaks, pictures) into the lines the recogniser reads.

Shared by the Word and OpenDocument sources: text is cut at line breaks, each
picture becomes a paragraph of its own where it stands (so a caption typed after
it follows it), and a line of three or more tab-separated data cells is a table
row, as in the text source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ita_desktop.importing.docx_tables import TableLayout
from ita_desktop.importing.patterns import read_part_line
from ita_desktop.importing.signoff import read_role_signoff, read_signature_line
from ita_desktop.importing.source import SourceParagraph, SourcePicture

Pieces = list[str | SourcePicture]


def table_paragraphs(layout: TableLayout, line: int) -> Iterator[SourceParagraph]:
    """A table of the body: one paragraph of data rows, or its layout cells' lines in reading order."""
    if layout.rows is not None:
        yield SourceParagraph(table=layout.rows, line=line)
        return
    for cell in layout.cells:
        for pieces in cell.paragraphs:
            yield from split_pieces(pieces, line)


def nested_table_pieces(layout: TableLayout) -> Iterator[Pieces]:
    """A table nested in a cell (a photo grid in a form's photo cell) as the cell's paragraphs, in reading order."""
    if layout.rows is not None:  # data nested in a cell: its rows as tab-separated lines
        yield from (["\t".join(row)] for row in layout.rows)
    else:
        yield from (pieces for nested in layout.cells for pieces in nested.paragraphs)


def split_pieces(pieces: Pieces, line: int, outline: int | None = None) -> Iterator[SourceParagraph]:
    """Text lines and pictures of one paragraph, in order (its text lines carry its outline level)."""
    text: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            text.append(piece)
            continue
        yield from _text_lines("".join(text), line, outline)
        text = []
        yield SourceParagraph(pictures=(piece,), line=line)
    yield from _text_lines("".join(text), line, outline)


def _text_lines(text: str, line: int, outline: int | None) -> Iterator[SourceParagraph]:
    for raw in text.split("\n"):
        paragraph = tabbed_line(raw, line)
        if paragraph is not None:
            yield replace(paragraph, outline=outline) if outline is not None and paragraph.text else paragraph


# A cell of a tab row that is only layout: the colon between label and text, a leader, a dash.
_LAYOUT_CELL = re.compile(r"^[:：.…·_]*$")


def tabbed_line(raw: str, line: int) -> SourceParagraph | None:
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
