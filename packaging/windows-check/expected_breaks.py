"""Print where Linux Qt (with Debian's libthai) breaks the harness's Thai line: the answer the
Windows Qt6Core.dll under wine must give with the kit's thai.dll.

    python packaging/windows-check/expected_breaks.py
"""

from __future__ import annotations

from PySide6.QtCore import QTextBoundaryFinder

# The line of packaging/windows-check/thai_breaks.c.
LINE = "การดำเนินงานตามอำนาจหน้าที่ขององค์การบริหารส่วนจังหวัด"


def main() -> None:
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, LINE)
    pieces, start = [], 0
    while (end := finder.toNextBoundary()) != -1:
        pieces.append(LINE[start:end])
        start = end
    print("|".join(pieces))
    print(len(pieces) - 1)


if __name__ == "__main__":
    main()
