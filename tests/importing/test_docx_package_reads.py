"""Picture parts of a .docx read back whole: stored, deflated, other methods; damaged or missing ones named."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from ita_desktop.importing.docx_package import DocxPackage, PictureReadError

RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/></Relationships>"""
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
DOCUMENT = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
PICTURE = os.urandom(300_000) + b"\x00" * 200_000  # part random, part compressible: a real inflate


def build(path: Path, methods: dict[str, int]) -> Path:
    """A minimal package whose pictures rId1… are PICTURE stored with the given compression methods."""
    rels = "".join(f'<Relationship Id="{rid}" Type="{IMAGE}" Target="media/{rid}.jpeg"/>' for rid in methods)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", DOCUMENT)
        archive.writestr("word/_rels/document.xml.rels",
                         f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         f"{rels}</Relationships>")
        for rid, method in methods.items():
            archive.writestr(f"word/media/{rid}.jpeg", PICTURE, compress_type=method)
    return path


def corrupt(path: Path, member: str, offset_in_data: int) -> None:
    """Flip one byte inside a member's compressed data, leaving the zip's directory intact."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    data = bytearray(path.read_bytes())
    name_length = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    data[start + offset_in_data] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_pictures_read_back_whole_whatever_the_compression(tmp_path, method):
    package = DocxPackage(build(tmp_path / "p.docx", {"rId7": method}))
    picture = package.picture("rId7")
    assert picture.name == "rId7.jpeg"
    assert picture.load() == PICTURE
    assert picture.load() == PICTURE  # a loader can be called again (it reopens the file)


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_damaged_picture_bytes_are_caught_by_the_crc(tmp_path, method):
    path = build(tmp_path / "p.docx", {"rId7": method, "rId8": method})
    package = DocxPackage(path)
    corrupt(path, "word/media/rId7.jpeg", 250_000)
    with pytest.raises(PictureReadError) as raised:
        package.picture("rId7").load()
    assert "damaged" in raised.value.text.text("en") and "เสียหาย" in raised.value.text.text("th")
    assert package.picture("rId8").load() == PICTURE  # the other picture is untouched


def test_picture_cut_short_is_damaged_not_a_crash(tmp_path):
    path = build(tmp_path / "p.docx", {"rId7": zipfile.ZIP_DEFLATED})
    package = DocxPackage(path)
    with path.open("r+b") as handle:
        handle.truncate(2000)  # the directory was read already; the data is gone
    with pytest.raises(PictureReadError, match="damaged"):
        package.picture("rId7").load()


def test_picture_part_missing_from_the_zip(tmp_path):
    path = build(tmp_path / "p.docx", {"rId7": zipfile.ZIP_DEFLATED})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist() if "media" not in name}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(PictureReadError, match="missing"):
        DocxPackage(path).picture("rId7").load()
