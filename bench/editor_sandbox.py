"""For the editor benchmarks: an offscreen, English UI whose data, settings and dictionary live in a fresh folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def editor_sandbox(prefix: str) -> Path:
    """Point ITA Desktop's folders into a new temporary folder (before Qt or the app is imported); return it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ITA_DESKTOP_LANG", "en")
    work = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["ITA_DESKTOP_DATA"] = str(work / "data")
    os.environ["ITA_DESKTOP_CONFIG"] = str(work / "settings.ini")
    os.environ.setdefault("PYTHAINLP_DATA", str(work / "pythainlp"))
    return work
