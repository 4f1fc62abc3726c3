"""Saving over a PDF or .docx that a viewer or antivirus holds on Windows: retried, then a clear message."""

from __future__ import annotations

import os

import pytest

from ita_desktop import atomic_file
from ita_desktop.atomic_file import write_atomically
from ita_desktop.errors import ReportFileError


def _sharing_violation(path) -> PermissionError:
    error = PermissionError(13, "The process cannot access the file because it is being used", str(path))
    error.winerror = 32  # what Windows sets; Linux never raises this kind
    return error


@pytest.fixture
def held_output(tmp_path, monkeypatch):
    """report.pdf, which another program holds for the first ``holds[0]`` replace attempts."""
    output = tmp_path / "รายงาน.pdf"
    output.write_bytes(b"old")
    holds = [0]
    real_replace = os.replace

    def replace(source, target):
        if holds[0] > 0:
            holds[0] -= 1
            raise _sharing_violation(target)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(atomic_file, "REPLACE_RETRY_DELAYS_S", (0, 0, 0))
    return output, holds


def test_a_file_held_for_a_moment_is_replaced_on_a_retry(held_output):
    output, holds = held_output
    holds[0] = 2  # an antivirus scan
    write_atomically(b"new", output)
    assert output.read_bytes() == b"new"
    assert sorted(p.name for p in output.parent.iterdir()) == [output.name]


def test_a_file_open_in_a_viewer_asks_to_close_it_and_keeps_the_old_one(held_output):
    output, holds = held_output
    holds[0] = 100  # a PDF viewer that keeps it open
    with pytest.raises(ReportFileError) as raised:
        write_atomically(b"new", output)
    assert "Close it in the other program" in raised.value.message("en")
    assert str(output) in raised.value.message("en")
    assert output.read_bytes() == b"old"
    assert sorted(p.name for p in output.parent.iterdir()) == [output.name]  # no .part left


def test_other_permission_errors_are_not_retried(tmp_path, monkeypatch):
    attempts = []

    def replace(source, target):
        attempts.append(target)
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ReportFileError):
        write_atomically(b"new", tmp_path / "x.pdf")
    assert len(attempts) == 1
