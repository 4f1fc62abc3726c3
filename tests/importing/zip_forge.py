"""Write zips member by member, lying in the directory where a test wants (zip bombs, swapped members)."""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class Member:
    """One member as it goes on disk: its name, its stream, and what the directory claims about it."""

    name: str
    stream: bytes
    method: int
    crc: int
    size: int  # the uncompressed size the directory claims


def deflated(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, packer.compress(data) + packer.flush(), zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data))


def zeros_bomb(name: str, inflated: int, claimed: int) -> Member:
    """``inflated`` bytes of zeros (deflated in 16 MB pieces, memory stays flat) claiming ``claimed`` bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # 1 GiB of zeros: a 1 MB stream
    piece = bytes(16 << 20)
    parts = [packer.compress(piece[: min(len(piece), inflated - done)]) for done in range(0, inflated, len(piece))]
    return Member(name, b"".join(parts) + packer.flush(), zipfile.ZIP_DEFLATED, 0, claimed)


def members_of(path: Path) -> list[Member]:
    with zipfile.ZipFile(path) as archive:
        return [deflated(info.filename, archive.read(info)) for info in archive.infolist()]


def renamed(member: Member, name: str) -> Member:
    return replace(member, name=name)


def write_zip(path: Path, members: list[Member]) -> Path:
    """Local headers, streams and the central directory, exactly as the members say."""
    body, directory = bytearray(), bytearray()
    for member in members:
        name = member.name.encode("utf-8")
        fields = (20, 0x800, member.method, 0, 0x21, member.crc, len(member.stream), member.size, len(name))
        offset = len(body)
        body += struct.pack("<4s5H3I2H", b"PK\x03\x04", *fields, 0) + name + member.stream
        directory += struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + end))
    return path
