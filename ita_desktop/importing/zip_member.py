"""Read one member of a zip in one go: its raw deflate stream from its offset, inflated in one piece.

``ZipFile.read()`` costs twice the CPU of the inflating itself for a 4 MB photo
(it inflates into growing blocks that are joined at the end): measured on a
Word report's 120 phone photos, 2.8-3.3 s against 1.6 s. The sizes and CRC come
from the central directory, which ``zipfile`` has already read and checked;
anything unusual (encryption, another compression method) goes through
``zipfile`` as before.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, (version … sizes), name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"
_ENCRYPTED = 0x1


def read_member(path: Path, info: zipfile.ZipInfo) -> bytes:
    """The bytes of ``info``'s member of the zip at ``path``; zipfile's errors for a damaged one."""
    if info.flag_bits & _ENCRYPTED or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        with zipfile.ZipFile(path) as archive:
            return archive.read(info)
    with path.open("rb") as handle:  # a handle per read: threads never share a file position
        handle.seek(info.header_offset)
        header = handle.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            raise EOFError(f"{info.filename}: the zip is cut short")
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        if signature != _LOCAL_SIGNATURE:
            raise zipfile.BadZipFile(f"{info.filename}: bad local header")
        handle.seek(name_length + extra_length, 1)
        raw = handle.read(info.compress_size)
    if len(raw) != info.compress_size:
        raise EOFError(f"{info.filename}: the zip is cut short")
    data = raw if info.compress_type == zipfile.ZIP_STORED else zlib.decompress(raw, -15, max(1, info.file_size))
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise zipfile.BadZipFile(f"{info.filename}: bad CRC or size")
    return data
