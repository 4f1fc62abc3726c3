"""Thai line breaking in the editor: Qt breaks Thai text only through libthai, looked up at run time.

Qt loads libthai with ``QLibrary("thai")`` and its dictionary ``thbrk.tri`` on the first
Thai line it lays out. Without both, every Thai line wraps mid-word and a double-click
selects one letter. The Windows Qt ships neither, and a PC may have none or another
version: the frozen app carries its own and loads it by full path before the first
QApplication, so Qt's lookup finds it already loaded (Windows and the dynamic linker both
answer a bare name with a library of that name already in the process).
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

DICTIONARY = "thbrk.tri"


def libthai_files(platform: str = sys.platform) -> list[str]:
    """The library files to load, in order (scripts/build-libthai.sh links libdatrie into libthai)."""
    return ["thai.dll"] if platform == "win32" else ["libthai.so.0"]


def bundled_libthai_folder() -> Path | None:
    """Where the frozen app keeps libthai (beside Qt6Core.dll on Windows), or None when not frozen."""
    base = getattr(sys, "_MEIPASS", None)
    if base is None:
        return None  # a venv: Qt finds the system's libthai
    return Path(base) / ("PySide6" if sys.platform == "win32" else "libthai")


def load_libthai(folder: Path, platform: str = sys.platform) -> bool:
    """Load libthai from ``folder`` by full path, its dictionary beside it; False if they are not there.

    The Windows DLL reads the dictionary from its own folder by wide path (a Thai user or
    folder name defeats the ANSI LIBTHAI_DICTDIR); elsewhere LIBTHAI_DICTDIR points there.
    """
    paths = [folder / name for name in libthai_files(platform)]
    if not all(path.is_file() for path in paths) or not (folder / DICTIONARY).is_file():
        return False
    if platform != "win32":
        os.environ["LIBTHAI_DICTDIR"] = str(folder)
    for path in paths:
        ctypes.CDLL(str(path), mode=getattr(ctypes, "RTLD_GLOBAL", 0))
    return True


def load_bundled_libthai() -> bool:
    """In the frozen app, load its own libthai; True if it did."""
    folder = bundled_libthai_folder()
    return folder is not None and load_libthai(folder)


# A sentence of the report's language, in the words libthai's dictionary cuts it into.
SAMPLE_WORDS = ("การ", "ดำเนิน", "งาน", "ตาม", "อำนาจ", "หน้าที่", "ของ", "องค์การ", "บริหาร", "ส่วน",
                "จังหวัด", "เพื่อ", "ความ", "โปร่งใส", "และ", "ตรวจสอบ", "ได้")


def sample_thai_lines(words_per_line: int = 4) -> list[str]:
    """Lay the sample sentence out as the editor does (QTextLayout, the app's font) in a narrow column.

    Shown by the start-up smoke run, so a built app can be checked for breaking Thai
    only between words. Needs a QGuiApplication.
    """
    from PySide6.QtGui import QFontMetricsF, QGuiApplication, QTextLayout

    text = "".join(SAMPLE_WORDS)
    font = QGuiApplication.font()
    width = QFontMetricsF(font).horizontalAdvance(text) * words_per_line / len(SAMPLE_WORDS)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines
