"""The font faces the report is printed with: bundled Sarabun or an installed TH Sarabun."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ita_desktop.paths import resource_path

# File names used by the DIP/SIPA distributions of the government fonts, best first.
_SYSTEM_FAMILIES = (
    ("TH Sarabun New", ("THSarabunNew.ttf", "THSarabunNew Bold.ttf",
                        "THSarabunNew Italic.ttf", "THSarabunNew BoldItalic.ttf")),
    ("TH SarabunPSK", ("THSarabun.ttf", "THSarabun Bold.ttf",
                       "THSarabun Italic.ttf", "THSarabun BoldItalic.ttf")),
    # TH Sarabun IT๙ (the Interior ministry's variant, Thai digits by default): PSK's metrics.
    ("TH SarabunIT9", ("THSarabunIT๙.ttf", "THSarabunIT๙ Bold.ttf",
                       "THSarabunIT๙ Italic.ttf", "THSarabunIT๙ BoldItalic.ttf")),
)
_BUNDLED_FILES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf",
                  "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf")

# TH Sarabun PSK / New at 16 pt is the official body size.
OFFICIAL_BODY_SIZE_PT = 16.0
# Google's Sarabun draws the same letters larger than TH Sarabun New at one point size.
# Measured in tests/typesetting/test_font_calibration.py from the fonts' own tables: Sarabun's
# x-height is 500/1000 em and its mean Thai consonant advance 0.62 em. TH Sarabun New's x-height
# is ~0.34 em (its published metrics: upem 1000, Thai letters ~0.40 em wide, assumed, not
# measured here since the font is not installed). Ratio ~1.5, so 16 pt PSK ~ 10.7 pt Sarabun.
SARABUN_TO_PSK_SCALE = 1.0 / 1.5


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph in one style."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class FontSet:
    """Paths of the four faces of one family; ``family`` is the name registered with fpdf2."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def path_for(self, bold: bool, italic: bool) -> Path:
        """The face file for a style."""
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular

    @property
    def is_bundled_sarabun(self) -> bool:
        """True for Google's Sarabun, which needs the size calibration."""
        return self.regular.name.startswith("Sarabun-")


_bundled_stack = contextlib.ExitStack()


@functools.cache
def bundled_font_set() -> FontSet:
    """Sarabun (SIL OFL), shipped in resources/fonts."""
    # as_file may extract to a temp file (zip/frozen builds); keep it alive for the process.
    paths = [_bundled_stack.enter_context(resource_path(f"fonts/{name}")) for name in _BUNDLED_FILES]
    return FontSet("Sarabun", *paths)


def system_font_dirs() -> list[Path]:
    """The usual places fonts are installed on Windows, macOS and Linux."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [data_home / "fonts", home / ".fonts", Path("/usr/local/share/fonts"),
            Path("/usr/share/fonts")]


def find_installed_font_set(font_dirs: list[Path] | None = None) -> FontSet | None:
    """TH Sarabun New or TH SarabunPSK if all four faces are installed, else None."""
    by_name: dict[str, Path] = {}
    for folder in font_dirs if font_dirs is not None else system_font_dirs():
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.suffix.lower() == ".ttf":  # "THSARABUNNEW.TTF" too
                    by_name.setdefault(path.name.lower(), path)
    for family, names in _SYSTEM_FAMILIES:
        paths = [by_name.get(name.lower()) for name in names]
        if all(paths):
            return FontSet(family, *paths)  # type: ignore[arg-type]
    return None


@functools.cache
def default_font_set() -> FontSet:
    """TH Sarabun New/PSK if installed on this computer, else the bundled Sarabun.

    Looked up once per process: the search walks every font folder, and stable paths keep
    the shaped-word caches (keyed by font path) warm across renders.
    """
    return find_installed_font_set() or bundled_font_set()


def body_size_pt(font_set: FontSet) -> float:
    """The body size that looks like TH Sarabun PSK at 16 pt in ``font_set``."""
    if font_set.is_bundled_sarabun:
        return round(OFFICIAL_BODY_SIZE_PT * SARABUN_TO_PSK_SCALE, 1)
    return OFFICIAL_BODY_SIZE_PT
