"""The command line's text streams: Thai must reach a pipe or a file even where the code page cannot hold it.

Windows gives a program whose output is redirected (``ita-desktop-cli import … > log.txt``,
a batch file, a scheduled task) the ANSI code page of the PC: cp1252 on an English Windows,
which has no Thai letters, so the first Thai file name in a message would end the command
with a UnicodeEncodeError instead of the message. Such a stream is switched to UTF-8.
A real console is left alone (Python writes to it in UTF-16), as is any stream that holds Thai.
"""

from __future__ import annotations

import sys


def holds_thai(encoding: str | None) -> bool:
    try:
        "ก๑".encode(encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def make_streams_thai_safe() -> None:
    """Reconfigure stdout and stderr to UTF-8 when their encoding has no Thai letters."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and hasattr(stream, "reconfigure") and not holds_thai(stream.encoding):
            stream.reconfigure(encoding="utf-8")
