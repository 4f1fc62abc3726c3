"""Fixtures for the reliability suite: real read-only and tiny mounts, and reports on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import small_report_file

REPO = Path(__file__).resolve().parents[2]


def can_mount() -> bool:
    """Root may mount here (true in this sandbox and in CI); otherwise tests use the unprivileged variant."""
    if not hasattr(os, "geteuid"):  # Windows
        return False
    return os.geteuid() == 0 and subprocess.run(["which", "mount"], capture_output=True).returncode == 0


def _run(*args: str) -> None:
    subprocess.run(list(args), check=True, capture_output=True)


@pytest.fixture
def report_file(tmp_path) -> Path:
    """A closed report file holding ``small_report()``."""
    return small_report_file(tmp_path / "reports" / "report.ita")


@pytest.fixture
def read_only_folder(tmp_path):
    """Make a folder read-only for this process: a read-only bind mount as root, chmod otherwise.

    Yields a function ``freeze(folder) -> folder_as_seen_read_only``.
    """
    mounts: list[Path] = []
    chmodded: list[Path] = []

    def freeze(folder: Path) -> Path:
        if can_mount():
            view = tmp_path / "read-only-views" / str(len(mounts))
            view.mkdir(parents=True)
            _run("mount", "--bind", str(folder), str(view))
            mounts.append(view)
            _run("mount", "-o", "remount,ro,bind", str(view))
            return view
        for item in [folder, *folder.iterdir()]:
            item.chmod(0o555 if item.is_dir() else 0o444)
            chmodded.append(item)
        return folder

    yield freeze
    for view in reversed(mounts):
        subprocess.run(["umount", "-l", str(view)], capture_output=True)
    for item in chmodded:
        item.chmod(0o755 if item.is_dir() else 0o644)


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of ``size_kb`` (root), yielding ``make(size_kb) -> folder``."""
    mounts: list[Path] = []

    def make(size_kb: int) -> Path:
        folder = tmp_path / f"disk-{len(mounts)}"
        folder.mkdir()
        _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder))
        mounts.append(folder)
        return folder

    yield make
    for folder in reversed(mounts):
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m ita_desktop ARGS`` as the clerk would run it, offscreen and in English."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ITA_DESKTOP_LANG": "en", **(env or {})}
    return subprocess.run([sys.executable, "-m", "ita_desktop", *args], capture_output=True, text=True,
                          env=full_env, cwd=REPO, timeout=120)
