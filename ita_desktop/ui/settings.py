"""Window and file settings in an INI file under the user's config folder (tests redirect it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ita_desktop.paths import user_config_dir

MAX_RECENT = 8
DEFAULTS: dict[str, Any] = {
    "window/placements": "",  # JSON: screen → the main window's geometry there (ui/screen_fit.py)
    "preview/placements": "",  # the same for the print preview
    "window/splitter": QByteArray(),
    "files/last": "",
    "files/recent": [],
    "ui/language": "",
    "editor/zoom": 100,  # per cent
}


def settings_path() -> Path:
    """ITA_DESKTOP_CONFIG, else the platform's config folder (XDG_CONFIG_HOME on Linux)."""
    override = os.environ.get("ITA_DESKTOP_CONFIG")
    if override:
        return Path(override)
    return user_config_dir() / "settings.ini"


class AppSettings:
    """Typed access to a fixed set of keys with defaults; unknown keys are refused."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._qt = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._qt.value(key, default)
        if isinstance(default, list):
            if value in (None, ""):
                return []
            return [value] if isinstance(value, str) else list(value)
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else QByteArray()
        if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, str):
            try:
                return int(value)  # an INI file read back gives text
            except ValueError:
                return default
        return value if isinstance(value, type(default)) else default

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key}")
        self._qt.setValue(key, value)

    def add_recent(self, path: str | Path) -> list[str]:
        path = str(Path(path).resolve())
        recent = [p for p in self.get("files/recent") if p != path]
        recent.insert(0, path)
        del recent[MAX_RECENT:]
        self.set("files/recent", recent)
        self.set("files/last", path)
        return recent

    def sync(self) -> None:
        self._qt.sync()
