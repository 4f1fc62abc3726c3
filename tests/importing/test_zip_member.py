"""Reading a zip member in one go gives zipfile's bytes, and refuses what zipfile refuses."""

from __future__ import annotations

import os
import zipfile
import zlib

import pytest

from ita_desktop.importing.zip_member import read_member

PHOTO_LIKE = os.urandom(300_000)  # incompressible, as a JPEG is
TEXT_LIKE = "รายงานผลการดำเนินการ ".encode() * 5000


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as zipped:
        zipped.writestr("word/media/image1.jpeg", PHOTO_LIKE, zipfile.ZIP_DEFLATED)
        zipped.writestr("word/media/image2.png", TEXT_LIKE, zipfile.ZIP_DEFLATED)
        zipped.writestr("word/media/image3.jpeg", PHOTO_LIKE, zipfile.ZIP_STORED)
        zipped.writestr("word/media/image4.bmp", TEXT_LIKE, zipfile.ZIP_BZIP2)
        zipped.writestr("word/media/empty.png", b"", zipfile.ZIP_DEFLATED)
    return path


def _infos(path):
    with zipfile.ZipFile(path) as zipped:
        return {info.filename: info for info in zipped.infolist()}


def test_every_method_reads_back_what_zipfile_reads(archive):
    with zipfile.ZipFile(archive) as zipped:
        for name, info in _infos(archive).items():
            assert read_member(archive, info) == zipped.read(name), name


def test_a_damaged_member_is_refused(archive):
    info = _infos(archive)["word/media/image1.jpeg"]
    data = bytearray(archive.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + 1000] ^= 0xFF  # one byte of the deflate stream
    archive.write_bytes(bytes(data))
    with pytest.raises((zipfile.BadZipFile, zlib.error)):
        read_member(archive, info)


def test_a_zip_cut_short_is_refused(archive, tmp_path):
    infos = _infos(archive)
    cut = tmp_path / "cut.docx"
    stored = infos["word/media/image3.jpeg"]
    cut.write_bytes(archive.read_bytes()[:stored.header_offset + 1000])
    with pytest.raises(EOFError):
        read_member(cut, stored)
    with pytest.raises(EOFError):
        read_member(cut, infos["word/media/empty.png"])  # its header lies past the end


def test_a_wrong_offset_is_refused(archive):
    info = _infos(archive)["word/media/image2.png"]
    info.header_offset += 7
    with pytest.raises(zipfile.BadZipFile):
        read_member(archive, info)
