"""Which word-processor file a path holds (Word .docx, OpenDocument .odt, old Word .doc), told by its bytes.

The extension is only a hint: a clerk's "report.doc" is often a .docx renamed,
and a .docx saved by an old program may carry no extension at all. An old .doc
(an OLE compound file) cannot be read: the clerk is told, in one line, how to
save it as .docx.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ita_desktop.importing.docx_package import OLD_WORD_ADVICE, OLE_MAGIC, docx_error
from ita_desktop.importing.docx_source import DocxSource
from ita_desktop.importing.odt_source import ODT_MIMETYPE, OdtSource
from ita_desktop.messages import Message

WORD_EXTENSIONS = (".docx", ".docm", ".dotx", ".odt", ".doc", ".ott")
_ODF_PREFIX = b"application/vnd.oasis.opendocument."


def _first_bytes(path: Path, count: int = 4) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(count)
    except OSError:
        return b""


def is_word_file(path: str | Path | None) -> bool:
    """A path to import as a word-processor file (by its extension, or its bytes when it has another)."""
    if not path:
        return False
    path = Path(path)
    if path.suffix.lower() in WORD_EXTENSIONS:
        return True
    return _first_bytes(path) in (OLE_MAGIC, b"PK\x03\x04") and path.suffix.lower() != ".txt"


def _odf_mimetype(path: Path) -> bytes | None:
    try:
        with zipfile.ZipFile(path) as archive:
            if "mimetype" in archive.namelist():
                return archive.read("mimetype").strip()
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def open_word_source(path: str | Path) -> DocxSource | OdtSource:
    """The source reading ``path``: OpenDocument text, else Word; an old .doc is refused with advice."""
    path = Path(path)
    magic = _first_bytes(path)
    if magic == OLE_MAGIC:
        raise docx_error(path, Message(OLD_WORD_ADVICE))
    if magic == b"PK\x03\x04":
        mimetype = _odf_mimetype(path)
        if mimetype == ODT_MIMETYPE:
            return OdtSource(path)
        if mimetype and mimetype.startswith(_ODF_PREFIX):
            raise docx_error(path, Message("this is an OpenDocument file but not a text document (.odt)."))
    return DocxSource(path)
