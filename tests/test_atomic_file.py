"""A file written atomically is renamed into place and then its folder is synced, so the new name survives a
power cut (POSIX); the same holds for a backup copy."""

from __future__ import annotations

import os
import stat

import pytest

from ita_desktop.atomic_file import write_atomically
from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report

pytestmark = pytest.mark.skipif(os.name != "posix", reason="folders are synced on POSIX only")


@pytest.fixture
def events(monkeypatch):
    """("replace", target) and ("fsync", "folder"/"file") in the order they happen."""
    seen: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor):
        seen.append(("fsync", "folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file"))
        return real_fsync(descriptor)

    def replace(source, target, *args, **kwargs):
        seen.append(("replace", os.path.basename(target)))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return seen


def test_the_folder_is_synced_after_the_rename(tmp_path, events):
    write_atomically(b"%PDF-1.7 whole", tmp_path / "report.pdf")
    assert events == [("fsync", "file"), ("replace", "report.pdf"), ("fsync", "folder")]
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF-1.7 whole"


def test_a_backup_copy_is_synced_the_same_way(tmp_path, events):
    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        store.insert_report(small_report())
        events.clear()
        store.backup_to(tmp_path / "copy.ita")
    renamed = events.index(("replace", "copy.ita"))
    assert ("fsync", "file") in events[:renamed] and events[renamed + 1] == ("fsync", "folder")
