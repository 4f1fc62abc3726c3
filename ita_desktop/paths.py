"""Where things live: bundled resources (importlib.resources) and the user's data folder."""

from __future__ import annotations

import os
import sys
from contextlib import AbstractContextManager
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

APP_DIR_NAME = "ita-desktop"


def resource(relative: str) -> Traversable:
    """A bundled file under ``resources/``, e.g. ``resource("fonts/Sarabun-Regular.ttf")``."""
    node = resources.files("ita_desktop.resources")
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node


def resource_path(relative: str) -> AbstractContextManager[Path]:
    """A real filesystem path for a bundled file (for libraries that want a path)."""
    return resources.as_file(resource(relative))


def _platform_folder(kind: str) -> Path:
    """The platform's per-user folder for "data" or "config" files, with our app folder inside."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / ("Application Support" if kind == "data" else "Preferences")
    elif kind == "data":
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / APP_DIR_NAME


def user_data_dir() -> Path:
    """The user's data folder; ITA_DESKTOP_DATA redirects it (tests, portable installs)."""
    override = os.environ.get("ITA_DESKTOP_DATA")
    return Path(override) if override else _platform_folder("data")


def user_config_dir() -> Path:
    """The user's settings folder; ITA_DESKTOP_CONFIG (a file path) is handled by the settings."""
    return _platform_folder("config")


def sample_report_text() -> str:
    """The built-in sample: the Ang Thong PAO report for fiscal year 2566."""
    return resource("sample/ang-thong-2566.txt").read_text(encoding="utf-8")
