"""A plain (non-editable) install ships the top-level data folders inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_fonts_sample_forms_migrations_and_catalogues(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    [wheel] = tmp_path.glob("ita_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "ita_desktop/resources/fonts/Sarabun-Regular.ttf",
        "ita_desktop/resources/fonts/Sarabun-Bold.ttf",
        "ita_desktop/resources/fonts/OFL.txt",
        "ita_desktop/resources/sample/ang-thong-2566.txt",
        "ita_desktop/resources/translations/th/LC_MESSAGES/ita_desktop.mo",
        "ita_desktop/forms/measure.json",
        "ita_desktop/database/0001_initial.sql",
    }
    assert expected <= names
    migrations = sorted(p.name for p in (ROOT / "database").glob("*.sql"))
    assert {f"ita_desktop/database/{name}" for name in migrations} <= names
    catalogues = sorted(p.name for p in (ROOT / "resources" / "catalogue").glob("*.json"))
    assert catalogues and {f"ita_desktop/resources/catalogue/{name}" for name in catalogues} <= names
    manual = sorted(p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources" / "manual").rglob("*")
                    if p.is_file())
    assert manual and {f"ita_desktop/resources/{name}" for name in manual} <= names  # pages and screenshots
    assert {"ita_desktop/spelling/checker.py", "ita_desktop/text_search/matching.py"} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    entry_text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "ita-desktop = ita_desktop.windowed:main" in entry_text
    assert "ita-desktop-cli = ita_desktop.__main__:main" in entry_text
