"""Write a file so that it is either the old one or the whole new one, never half (PDF, Word, JSON)."""

from __future__ import annotations

import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ita_desktop.errors import ReportFileError
from ita_desktop.kill_points import kill_point
from ita_desktop.messages import Message

# Windows refuses to replace a file a PDF viewer or Word has open (or antivirus is scanning):
# ERROR_ACCESS_DENIED or ERROR_SHARING_VIOLATION. A scan ends within moments; a viewer does not.
_HELD_BY_ANOTHER_PROGRAM = (5, 32)
REPLACE_RETRY_DELAYS_S = (0.05, 0.1, 0.2, 0.4, 0.8)


def _save_error(output: Path, exc: OSError) -> ReportFileError:
    return ReportFileError(Message("{path}: could not save the file ({reason}).", path=output, reason=exc.strerror))


class _SavingFile:
    """The temporary file being written: a failed write (disk full, drive pulled out) becomes a
    clear ReportFileError, while other errors of the render pass through as they are."""

    def __init__(self, file: BinaryIO, output: Path) -> None:
        self._file = file
        self._output = output

    def write(self, data: bytes | bytearray) -> int:
        kill_point("output-write")
        try:
            return self._file.write(data)
        except OSError as exc:
            raise _save_error(self._output, exc) from exc

    def tell(self) -> int:
        return self._file.tell()

    def seek(self, offset: int, whence: int = 0) -> int:  # zip writers (Word export) seek back
        return self._file.seek(offset, whence)

    def flush(self) -> None:
        self._file.flush()


def _process_umask() -> int:
    """The umask, read without changing it where the system allows (os.umask() alone must set one)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no /proc (macOS): set and put back at once
    os.umask(mask)
    return mask


def _shared_mode(output: Path) -> int:
    """The permissions a saved PDF, Word or JSON file gets: those of the file it replaces, else what a new
    file of this user gets (0644 usually), so that a shared folder's readers can open it (mkstemp's are 0600)."""
    try:
        return stat.S_IMODE(output.stat().st_mode)
    except OSError:
        return 0o666 & ~_process_umask()


def sync_folder(folder: Path) -> None:
    """fsync ``folder`` (POSIX): a rename is on disk only once its folder is, or a power cut can undo it."""
    if os.name != "posix":
        return  # NTFS journals the rename with the file's metadata; Windows cannot open a folder to sync it
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems (network shares, FAT on Linux) cannot sync a folder: the file itself is synced
    finally:
        os.close(descriptor)


def _held_by_another_program(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _HELD_BY_ANOTHER_PROGRAM


def replace_file(temp_name: str | Path, output: Path) -> None:
    """``os.replace``, retried while another program holds ``output``; then a clear ReportFileError."""
    for delay in (*REPLACE_RETRY_DELAYS_S, None):
        try:
            os.replace(temp_name, output)
            return
        except PermissionError as exc:
            if not _held_by_another_program(exc):
                raise
            if delay is None:
                raise ReportFileError(Message(
                    "{path}: the file is open in another program (a PDF viewer or Word?). "
                    "Close it in the other program and save again.", path=output)) from exc
            time.sleep(delay)


# A temporary file this old was left by a render that was killed (a render takes seconds).
STALE_PART_SECONDS = 600


def _remove_stale_parts(folder: Path, output_name: str) -> None:
    cutoff = time.time() - STALE_PART_SECONDS
    for part in folder.glob(f".{glob.escape(output_name)}.*.part"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            pass  # someone else's file or already gone: leave it


@contextmanager
def atomic_output(output: Path) -> Iterator[BinaryIO]:
    """A temporary file beside ``output`` that replaces it (fsynced) only if the block succeeds."""
    output = Path(output)
    folder = output.parent if str(output.parent) else Path(".")
    _remove_stale_parts(folder, output.name)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ReportFileError(Message("{path}: cannot write here ({reason}).",
                                      path=output, reason=exc.strerror)) from exc
    written = False
    try:
        with os.fdopen(handle, "wb") as file:
            yield _SavingFile(file, output)  # type: ignore[misc]
            written = True
            try:
                file.flush()
                os.fsync(file.fileno())
                if hasattr(os, "fchmod"):  # Windows has no such modes to give
                    os.fchmod(file.fileno(), _shared_mode(output))
            except OSError as exc:
                raise _save_error(output, exc) from exc
        kill_point("output-replace")
        replace_file(temp_name, output)
        sync_folder(folder)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        if written:  # closing or replacing the file failed
            raise _save_error(output, exc) from exc
        raise  # the render itself failed: not a saving problem
    except BaseException:  # including the file held by another program
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_atomically(data: bytes | bytearray, output: Path) -> None:
    """Write ``data`` so that ``output`` is either the old file or the whole new one, never half."""
    with atomic_output(output) as file:
        file.write(data)
