"""Print the Windows version resource of the two executables, in PyInstaller's version-file form.

    python packaging/windows/version_info.py 0.1.0 > version_info.txt
"""

from __future__ import annotations

import sys

TEMPLATE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'ITA Desktop'),
      StringStruct('FileDescription', 'ITA Desktop: the ITA measures report, written and printed offline'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('ProductName', 'ITA Desktop'),
      StringStruct('ProductVersion', '{version}'),
      StringStruct('LegalCopyright', 'MIT licence')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200, 1054, 1200])])
  ]
)
"""


def main() -> None:
    version = sys.argv[1]
    parts = [int(part) for part in version.split(".")[:4]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    print(TEMPLATE.format(numbers=numbers, version=version), end="")


if __name__ == "__main__":
    main()
