"""The plain-text source: decode a report .txt and cut it into paragraphs and tab-separated tables."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from ita_desktop.errors import UserError
from ita_desktop.importing.docx_package import OLD_WORD_ADVICE
from ita_desktop.importing.patterns import read_part_line
from ita_desktop.importing.source import SourceParagraph
from ita_desktop.messages import N_, Message

# Files that are certainly not report text, told apart by their first bytes.
_FOREIGN_MAGIC = (
    (b"SQLite format 3\x00", N_("this is an ITA Desktop or other database file, not a report text file.")),
    (b"PK\x03\x04", N_("this is a Word/zip file, not a report text file.")),
    (b"%PDF", N_("this is a PDF file, not a report text file.")),
    (b"\x89PNG", N_("this is a picture, not a report text file.")),
    (b"\xff\xd8\xff", N_("this is a picture, not a report text file.")),
    (b"\xd0\xcf\x11\xe0", OLD_WORD_ADVICE),
)
MAX_TEXT_BYTES = 20_000_000  # a report is a few hundred kB; more is not a report


class ReportTextError(UserError):
    """The report text file cannot be read as text."""


def _error(path: Path | str, reason: Message) -> ReportTextError:
    return ReportTextError(Message("{path}: {reason}", path=str(path), reason=reason))


def decode_report_bytes(data: bytes, name: str = "") -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then Thai Windows/TIS-620 (cp874)."""
    for magic, what in _FOREIGN_MAGIC:
        if data.startswith(magic):
            raise _error(name, Message(what))
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp874"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break  # UTF-16 without a BOM, or a binary file
        return text
    raise _error(name, Message("not a text file in UTF-8, UTF-16 or Thai (TIS-620) encoding."))


def read_report_text(path: str | Path) -> str:
    """Read and decode a report text file; never creates or changes it."""
    path = Path(path)
    try:
        if path.is_dir():
            raise _error(path, Message("this is a folder, not a report text file."))
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise _error(path, Message("the file is too large to be a report text."))
        data = path.read_bytes()
    except FileNotFoundError:
        raise _error(path, Message("no such file.")) from None
    except PermissionError:
        raise _error(path, Message("permission denied.")) from None
    except OSError as exc:
        raise _error(path, Message("cannot be read ({reason}).", reason=exc.strerror)) from None
    if not data.strip():
        raise _error(path, Message("the file is empty."))
    return decode_report_bytes(data, str(path))


def _cells(line: str) -> list[str] | None:
    """A tab-separated row: three or more cells, two of them filled (one tab is only spacing)."""
    cells = line.split("\t")
    if read_part_line(" ".join(cell.strip() for cell in cells if cell.strip())) is not None:
        return None  # "หน่วยงานผู้รับผิดชอบ<tab>:<tab>กองคลัง": a label aligned with tabs
    if len(cells) >= 3 and sum(1 for cell in cells if cell.strip()) >= 2:
        return cells
    return None


def paragraphs_from_text(text: str) -> Iterator[SourceParagraph]:
    """One paragraph per line (CRLF, CR and LF alike); consecutive tab rows make one table."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    table: list[list[str]] = []
    table_line = 0
    for number, line in enumerate(lines, start=1):
        cells = _cells(line)
        if cells is not None:
            if not table:
                table_line = number
            table.append(cells)
            continue
        if table:
            yield SourceParagraph(table=table, line=table_line)
            table = []
        yield SourceParagraph(text=line.replace("\ufeff", ""), line=number)
    if table:
        yield SourceParagraph(table=table, line=table_line)
