"""Check the offline Windows kit: `make windows-kit` fails unless it holds all a Windows PC needs.

    python packaging/check_kit.py dist/windows-kit [--missing-only]

Checked: every wheel is for 64-bit Windows (or pure Python); for CPython 3.11 and for 3.12, the
app and PyInstaller resolve from wheels/ alone, with markers evaluated as on Windows (pip download
evaluates them for this machine); thai.dll is a 64-bit PE exporting th_brk_find_breaks; the recipe
files, icons, makensis, sources and licences are there. --missing-only prints the requirements
that no wheel answers yet, for the kit script to fetch.
"""

from __future__ import annotations

import argparse
import struct
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

PYTHONS = ((3, 11), (3, 12))
MUST_HAVE = ("build-windows.bat", "installer.nsi", "VERSION", "version_info.txt", "README.txt",
             "pyinstaller/ita-desktop.spec", "pyinstaller/entry_window.py", "pyinstaller/entry_cli.py",
             "icons/ita-desktop.ico", "icons/ita-report.ico", "nsis/bin/makensis.exe",
             "nsis/Include/MUI2.nsh", "nsis/Contrib/Language files/Thai.nlf",
             "thai/thai.dll", "thai/thbrk.tri", "thai/COPYING", "thai/sources/dictionary-beside-dll.patch",
             "thai/sources/libthai_0.1.29.orig.tar.xz", "thai/sources/libdatrie_0.2.13.orig.tar.xz",
             "licences/QT-LGPL-NOTICE.txt", "licences/LGPL-3", "licences/GPL-3", "licences/Sarabun-OFL.txt")


class Wheels:
    """The kit's wheels by project name, with their metadata."""

    def __init__(self, folder: Path) -> None:
        self.by_name: dict[str, list[tuple[object, frozenset, Path]]] = {}
        for path in sorted(folder.glob("*.whl")):
            name, version, _build, tags = parse_wheel_filename(path.name)
            self.by_name.setdefault(name, []).append((version, tags, path))

    def best(self, requirement: Requirement, python: tuple[int, int]) -> Path | None:
        supported = set(cpython_tags(python, abis=[f"cp{python[0]}{python[1]}"], platforms=["win_amd64"]))
        supported |= set(compatible_tags(python, f"cp{python[0]}{python[1]}", platforms=["win_amd64"]))
        fitting = [(version, path) for version, tags, path in self.by_name.get(canonicalize_name(requirement.name), [])
                   if tags & supported and requirement.specifier.contains(version, prereleases=True)]
        return max(fitting)[1] if fitting else None


def requires(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        # The wheel's own metadata, not that of a package it vendors.
        [metadata] = [name for name in archive.namelist()
                      if name.endswith(".dist-info/METADATA") and name.count("/") == 1]
        message = Parser().parsestr(archive.read(metadata).decode("utf-8"))
    return message.get_all("Requires-Dist") or []


def windows_environment(python: tuple[int, int], extra: str = "") -> dict[str, str]:
    version = f"{python[0]}.{python[1]}"
    return {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64",
            "python_version": version, "python_full_version": f"{version}.9", "implementation_name": "cpython",
            "platform_python_implementation": "CPython", "platform_release": "10", "extra": extra}


def unresolved(wheels: Wheels, roots: list[Requirement], python: tuple[int, int]) -> list[str]:
    """Requirements (as text) no wheel of the kit answers for ``python`` on Windows."""
    missing, seen = [], set()
    queue = [(root, "") for root in roots]
    while queue:
        requirement, extra = queue.pop()
        if requirement.marker and not requirement.marker.evaluate(windows_environment(python, extra)):
            continue
        key = (canonicalize_name(requirement.name), str(requirement.specifier), tuple(sorted(requirement.extras)))
        if key in seen:
            continue
        seen.add(key)
        wheel = wheels.best(requirement, python)
        if wheel is None:
            missing.append(f"{requirement.name}{requirement.specifier}")
            continue
        for text in requires(wheel):
            child = Requirement(text)
            for wanted in [""] + sorted(requirement.extras):
                queue.append((child, wanted))
    return missing


def pe_exports(path: Path) -> tuple[int, int, set[str]]:
    """(machine, optional-header magic, exported names) of a PE file."""
    data = path.read_bytes()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        raise ValueError(f"{path} is not a PE file")
    machine, sections, _t, _s, _n, optional_size = struct.unpack_from("<HHIIIH", data, pe + 4)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    export_rva = struct.unpack_from("<I", data, optional + (112 if magic == 0x20B else 96))[0]
    table = optional + optional_size
    spans = [struct.unpack_from("<IIII", data, table + 40 * i + 8) for i in range(sections)]

    def offset(rva: int) -> int:
        for size, address, _raw_size, raw in spans:
            if address <= rva < address + max(size, _raw_size):
                return rva - address + raw
        raise ValueError(f"RVA {rva:#x} outside every section")

    names = set()
    if export_rva:
        directory = offset(export_rva)
        count = struct.unpack_from("<I", data, directory + 24)[0]
        name_table = struct.unpack_from("<I", data, directory + 32)[0]
        for index in range(count):
            name_rva = struct.unpack_from("<I", data, offset(name_table) + 4 * index)[0]
            start = offset(name_rva)
            names.add(data[start:data.index(b"\0", start)].decode("ascii"))
    return machine, magic, names


def fail(message: str) -> None:
    print(f"check_kit: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kit", type=Path)
    parser.add_argument("--missing-only", action="store_true")
    args = parser.parse_args()
    kit = args.kit
    wheels = Wheels(kit / "wheels")
    build_list = Path(__file__).parent / "windows" / "requirements-build.txt"
    roots = [Requirement("ita-desktop")] + [Requirement(line) for line in build_list.read_text().splitlines()
                                            if line.strip() and not line.startswith("#")]
    missing = sorted({text for python in PYTHONS for text in unresolved(wheels, roots, python)})
    if args.missing_only:
        print(" ".join(missing))
        return
    if missing:
        fail(f"no wheel for {', '.join(missing)}")
    for path in sorted((kit / "wheels").glob("*.whl")):
        platforms = {tag.platform for tag in parse_wheel_filename(path.name)[3]}
        if platforms - {"win_amd64", "any"}:
            fail(f"{path.name} is not for 64-bit Windows")
    for relative in MUST_HAVE:
        if not (kit / relative).is_file():
            fail(f"missing {relative}")
    machine, magic, exports = pe_exports(kit / "thai" / "thai.dll")
    if machine != 0x8664 or magic != 0x20B:
        fail(f"thai.dll is not a 64-bit PE (machine {machine:#x}, magic {magic:#x})")
    for name in ("th_brk_new", "th_brk_find_breaks", "th_brk_delete", "th_next_cell"):
        if name not in exports:
            fail(f"thai.dll does not export {name}")
    binary = sum(1 for path in (kit / "wheels").glob("*win_amd64.whl"))
    total = len(list((kit / "wheels").glob("*.whl")))
    print(f"check_kit: {total} wheels ({binary} win_amd64, the rest pure Python) resolve for CPython 3.11 and "
          f"3.12 on Windows; thai.dll is PE32+ x86-64 exporting {len(exports)} names incl. th_brk_find_breaks; "
          f"recipe, makensis, sources and licences present")


if __name__ == "__main__":
    main()
