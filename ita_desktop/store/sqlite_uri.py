"""The ``file:`` URI SQLite is given for a report file, a Windows network path (UNC) included."""

from __future__ import annotations

from pathlib import PurePath

_READ_ONLY = "mode=ro"


def file_uri(path: PurePath, query: str = "") -> str:
    """SQLite's URI for the absolute ``path``, with ``query`` (e.g. "mode=ro&immutable=1") after "?".

    Python writes \\\\server\\share\\r.ita as file://server/share/r.ita, and SQLite refuses any
    authority but localhost ("invalid uri authority"). On Windows a report on a mapped network
    drive (H:\\) resolves to such a path, so the authority is left empty and the server moves
    into the path: file:////server/share/r.ita, which Windows opens as //server/share/r.ita.
    """
    uri = path.as_uri()
    if not uri.startswith("file:///"):
        uri = "file:////" + uri.removeprefix("file://")
    return f"{uri}?{query}" if query else uri


def read_only_uri(path: PurePath, *, immutable: bool = False) -> str:
    """The read-only URI of ``path`` (immutable: no -shm or -wal is ever made for it)."""
    return file_uri(path, _READ_ONLY + ("&immutable=1" if immutable else ""))
