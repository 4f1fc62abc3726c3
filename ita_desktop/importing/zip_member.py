"""Read one member of a zip in one go: its raw deflate stream from its offset, inflated in one piece.

``ZipFile.read()`` costs twice the CPU of the inflating itself for a 4 MB photo
(it inflates into growing blocks that are joined at the end): measured on a
Word report's 120 phone photos, 2.8-3.3 s against 1.6 s. The sizes and CRC come
from the central directory, which ``zipfile`` has already read and checked;
anything unusual (encryption, another compression method) goes through
``zipfile`` as before.

Nothing is trusted beyond the directory's claimed size: the stream is read only
as long as a deflate of that size can be, and inflated to at most one byte more
than claimed, so a zip bomb (85 KB claimed, 1 GiB of zeros in the stream) costs
its claimed size in memory and is refused (``MemberTooLarge``).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, (version … sizes), name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"
_ENCRYPTED = 0x1


class MemberTooLarge(zipfile.BadZipFile):
    """A member whose stream is longer, or inflates to more, than the directory claims (a zip bomb)."""


def _longest_deflate(size: int) -> int:
    # Deflate never expands data by more than its stored blocks' 5 bytes per 16 KB (and a few bytes).
    return size + 5 * (size // 16_383 + 1) + 64


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
        stored = info.compress_type == zipfile.ZIP_STORED
        if info.compress_size > (info.file_size if stored else _longest_deflate(info.file_size)):
            raise MemberTooLarge(f"{info.filename}: the stream is longer than its claimed size allows")
        raw = handle.read(info.compress_size)
    if len(raw) != info.compress_size:
        raise EOFError(f"{info.filename}: the zip is cut short")
    data = raw if stored else _inflate_at_most(raw, info)
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise zipfile.BadZipFile(f"{info.filename}: bad CRC or size")
    return data


def _inflate_at_most(raw: bytes, info: zipfile.ZipInfo) -> bytes:
    """Inflate ``raw`` in one piece, stopping one byte past the claimed size."""
    inflater = zlib.decompressobj(-15)
    data = inflater.decompress(raw, info.file_size + 1)
    if len(data) > info.file_size:
        raise MemberTooLarge(f"{info.filename}: inflates to more than its claimed {info.file_size} bytes")
    return data
