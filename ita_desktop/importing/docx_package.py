"""Open a Word .docx as a zip: find its main document and read embedded pictures only when asked.

python-docx loads every part of a package (all photo bytes) into memory at
once; a report with a hundred phone photos would need half a gigabyte. Here
only the document XML and the relationships are read up front; a picture is
a part name and a loader that reopens the zip when the picture is prepared.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ita_desktop.errors import UserError
from ita_desktop.importing.zip_member import read_member
from ita_desktop.messages import N_, Message

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
OLD_WORD_ADVICE = N_("this is an old Word (.doc) file, which this program cannot read: open it in Word or "
                     "LibreOffice, save it as .docx (Word Document), then import the .docx.")
MAX_XML_BYTES = 200_000_000  # a report's text is a few MB of XML; more is a zip bomb
MAX_PICTURE_BYTES = 300_000_000  # a phone photo is a few MB; a raw scan tens; more is a zip bomb
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class DocxError(UserError):
    """The Word file cannot be read as a report."""


def docx_error(path: Path | str, reason: Message) -> DocxError:
    return DocxError(Message("{path}: {reason}", path=str(path), reason=reason))


@dataclass(frozen=True)
class PictureRef:
    """A picture part of the package; its bytes are read by ``load`` (from any thread)."""

    part: str  # zip member name, e.g. "word/media/image3.jpeg"
    load: Callable[[], bytes]

    @property
    def name(self) -> str:
        return posixpath.basename(self.part)


class PictureReadError(OSError):
    """A picture part is missing or damaged inside the zip; ``text`` says which, translated when shown."""

    def __init__(self, text: Message) -> None:
        super().__init__(text.text("en"))
        self.text = text


def read_picture_member(path: Path, info: zipfile.ZipInfo | None) -> bytes:
    """A picture's bytes from the zip at ``path``; PictureReadError (worded for the clerk) if it cannot be."""
    if info is None:
        raise PictureReadError(Message("the picture is missing from the Word file."))
    if info.file_size > MAX_PICTURE_BYTES:
        raise PictureReadError(Message("the picture is too large to be a photo."))
    try:
        return read_member(path, info)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError, MemoryError):
        # MemoryError: a picture that inflates far past the size the zip claims (a zip bomb)
        raise PictureReadError(Message("the picture is damaged inside the Word file.")) from None


class DocxPackage:
    """The parts of one .docx that the importer needs."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._archive = self._open_zip()
        self._members = {info.filename: info for info in self._archive.infolist()}
        try:
            self.document_part = self._main_part()
            self.document_xml = self._parse(self.document_part)
            self._relationships = self._read_relationships(self.document_part)
            numbering = self._target_of(NUMBERING_REL)
            self.numbering_xml = self._parse(numbering) if numbering else None
            styles = self._target_of(STYLES_REL)
            self.styles_xml = self._parse(styles) if styles and styles in self._members else None
        finally:
            self._archive.close()

    def _open_zip(self) -> zipfile.ZipFile:
        path = self.path
        try:
            with path.open("rb") as handle:
                magic = handle.read(4)
            if magic == OLE_MAGIC:
                raise docx_error(path, Message(OLD_WORD_ADVICE))
            return zipfile.ZipFile(path)
        except FileNotFoundError:
            raise docx_error(path, Message("no such file.")) from None
        except IsADirectoryError:
            raise docx_error(path, Message("this is a folder, not a Word file.")) from None
        except PermissionError:
            raise docx_error(path, Message("permission denied.")) from None
        except zipfile.BadZipFile:
            raise docx_error(path, Message("not a Word .docx file, or the file is damaged.")) from None
        except OSError as exc:
            raise docx_error(path, Message("cannot be read ({reason}).", reason=exc.strerror)) from None

    def _damaged(self, detail: str) -> DocxError:
        return docx_error(self.path, Message("the Word file is damaged ({detail}).", detail=detail))

    def _parse(self, member: str) -> etree._Element:
        try:
            info = self._archive.getinfo(member)
            if info.file_size > MAX_XML_BYTES:
                raise self._damaged(f"{member} is too large")
            return etree.fromstring(self._archive.read(member), _XML_PARSER)
        except KeyError:
            raise self._damaged(f"{member} is missing") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
            raise self._damaged(f"{member}: {exc}") from None
        except etree.XMLSyntaxError as exc:
            raise self._damaged(f"{member}: {exc.msg}") from None

    def _main_part(self) -> str:
        if "_rels/.rels" not in self._archive.namelist():
            raise docx_error(self.path, Message("not a Word .docx file (no document inside)."))
        for rel in self._parse("_rels/.rels").iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") == OFFICE_DOCUMENT:
                return rel.get("Target", "").lstrip("/")
        raise docx_error(self.path, Message("not a Word .docx file (no document inside)."))

    def _read_relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId → (type, zip member or URL, external) of the document part."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self._archive.namelist():
            return {}
        found = {}
        for rel in self._parse(rels_name).iter(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
            found[rel.get("Id", "")] = (rel.get("Type", ""), target, external)
        return found

    def _target_of(self, rel_type: str) -> str | None:
        for kind, target, external in self._relationships.values():
            if kind == rel_type and not external:
                return target
        return None

    def picture(self, rel_id: str) -> PictureRef | None:
        """The picture an ``r:embed`` id points at; None for a missing or linked (external) one."""
        found = self._relationships.get(rel_id)
        if found is None or found[2]:
            return None
        member, path, info = found[1], self.path, self._members.get(found[1])
        return PictureRef(member, lambda: read_picture_member(path, info))

    def linked_target(self, rel_id: str) -> str:
        """The address of a picture that is linked, not embedded ("" if unknown)."""
        found = self._relationships.get(rel_id)
        return found[1] if found else ""
