"""Shared test set-up: offscreen Qt, data folders redirected to tmp_path, offline pythainlp."""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_DATA", os.path.join(tempfile.gettempdir(), "ita-desktop-test-pythainlp"))


def pytest_collection_modifyitems(config, items):
    """On Windows, tests marked ``posix`` (SIGKILL, /proc, user ids) cannot run: deselected; elsewhere all run."""
    if os.name != "nt":
        return
    posix_only = [item for item in items if "posix" in item.keywords]
    if posix_only:
        config.hook.pytest_deselected(items=posix_only)
        items[:] = [item for item in items if "posix" not in item.keywords]


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    """Nothing a test does touches the real user's data or settings."""
    monkeypatch.setenv("ITA_DESKTOP_DATA", str(tmp_path / "user-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("ITA_DESKTOP_LANG", "en")
