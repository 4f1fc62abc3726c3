"""Saved PDF, Word and JSON files can be read by the clerk's colleagues on a shared folder (not 0600)."""

from __future__ import annotations

import os
import stat

import pytest

from ita_desktop.atomic_file import write_atomically

pytestmark = pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_users_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomically(b"%PDF-1.7", tmp_path / "report.pdf")
    finally:
        os.umask(old)
    assert mode(tmp_path / "report.pdf") == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")
    target.chmod(0o664)
    write_atomically(b"new", target)
    assert target.read_bytes() == b"new" and mode(target) == 0o664


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_json_export_from_the_window_is_readable_by_others(window, tmp_path):
    old = os.umask(0o022)
    try:
        window.file_ops.export_json(str(tmp_path / "out.json"))
    finally:
        os.umask(old)
    assert mode(tmp_path / "out.json") == 0o644
