"""Where a report file's backup copies live, which exist, their total size, and keeping only the newest.

Beside the file: the copies taken before a schema upgrade (``NAME.ita.vN-STAMP.bak``).
In the user data folder, one folder per report file: the daily copies
(``NAME.ita.daily-DATE.bak``) and those taken before a restore
(``NAME.ita.before-restore-STAMP.bak``). Each kind keeps its newest few.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ita_desktop.paths import user_data_dir

BACKUP_SUFFIX = ".bak"
PARTIAL_SUFFIX = ".partial"
# How many copies of each kind are kept (the newest): a 500 MB file must not fill a disk with copies.
KEEP = {"daily": 5, "migration": 2, "restore": 5}
# A copy's path must fit Windows' MAX_PATH (259 characters and the NUL) and its name one
# file name (255 UTF-8 bytes on ext4, 85 Thai letters): a clerk's long Thai report name is
# shortened in its copies' names (the daily folder's hash already tells reports apart).
MAX_PATH_CHARS = 259
MAX_NAME_BYTES = 255
# The longest copy name, and the journal SQLite writes beside the copy while it is made.
_LONGEST_LABEL = ".before-restore-20240101-120000-000000" + BACKUP_SUFFIX + PARTIAL_SUFFIX + "-journal"
_FOLDER_STEM_CHARS = 40
_SHORTEST_STEM = 8


def copy_prefix(path: Path, folder: Path) -> str:
    """How the names of ``path``'s copies in ``folder`` begin: its name, or a shortened one that fits."""
    stem, suffix = path.stem, path.suffix
    name = path.name
    while len(stem) > _SHORTEST_STEM and (
            len(str(folder / (name + _LONGEST_LABEL))) > MAX_PATH_CHARS
            or len((name + _LONGEST_LABEL).encode("utf-8")) > MAX_NAME_BYTES):
        stem = stem[:-1]
        name = f"{stem}~{suffix}"
    return name


def copy_prefixes(path: Path, folder: Path) -> set[str]:
    """The beginnings of copy names to look for: today's, and the full name of copies made before."""
    return {copy_prefix(path, folder), path.name}


def backup_path(path: Path, label: str) -> Path:
    """``report.ita`` → ``report.ita.<label>.bak`` beside it."""
    return path.with_name(f"{copy_prefix(path, path.parent)}.{label}{BACKUP_SUFFIX}")


def daily_folder(path: Path) -> Path:
    """Where the daily copies of ``path`` live: one folder per report file in the user data folder."""
    resolved = os.path.normcase(str(Path(path).resolve()))
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return user_data_dir() / "backups" / f"{Path(path).stem[:_FOLDER_STEM_CHARS]}-{digest}"


def daily_target(path: Path, today: date | None = None) -> Path:
    """Where today's (or ``today``'s) daily copy of ``path`` goes."""
    folder = daily_folder(path)
    return folder / f"{copy_prefix(path, folder)}.daily-{(today or date.today()):%Y%m%d}{BACKUP_SUFFIX}"


@dataclass(frozen=True)
class BackupCopy:
    """One restorable copy of a report file."""

    path: Path
    kind: str  # "daily", "migration" or "restore" (taken just before a restore)
    taken: datetime
    size: int


def _kind_of(name: str, report_name: str) -> str | None:
    label = name[len(report_name) + 1: -len(BACKUP_SUFFIX)]
    if label.startswith("daily-"):
        return "daily"
    if label.startswith("before-restore-"):
        return "restore"
    if label.startswith("v") and "-" in label:
        return "migration"
    return None


def list_backups(path: str | Path) -> list[BackupCopy]:
    """Every backup of ``path`` (beside it and in the user data folder), newest first."""
    path = Path(path)
    found = []
    for folder in (path.parent, daily_folder(path)):
        if not folder.is_dir():
            continue
        for prefix in copy_prefixes(path, folder):
            for candidate in folder.glob(f"{glob.escape(prefix)}.*{BACKUP_SUFFIX}"):
                kind = _kind_of(candidate.name, prefix)
                if kind is None:
                    continue
                stat = candidate.stat()
                found.append(BackupCopy(candidate, kind, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    # Same-second copies: the stamp in the name (which sorts by time) breaks the tie.
    return sorted(found, key=lambda copy: (copy.taken, copy.path.name), reverse=True)


def keep_newest(path: str | Path, kind: str, keep: int | None = None) -> list[Path]:
    """Remove all but the newest ``keep`` (default ``KEEP[kind]``) copies of ``kind``; the removed ones."""
    keep = KEEP[kind] if keep is None else keep
    # Newest by the stamp in the name (a date, or a date and time), which sorts by time.
    of_kind = sorted((copy for copy in list_backups(path) if copy.kind == kind), key=lambda copy: copy.path.name,
                     reverse=True)
    removed = []
    for old in of_kind[max(keep, 0):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def total_size(copies: list[BackupCopy]) -> int:
    """Bytes taken on disk by ``copies``."""
    return sum(copy.size for copy in copies)
