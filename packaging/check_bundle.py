"""Check the one-folder app as a clean account runs it: `make bundle` fails unless every check passes.

    python3 packaging/check_bundle.py dist/ita-desktop [--reference-python .venv/bin/python]

Each run is `env -i` (no venv, an empty HOME, PATH=/usr/bin:/bin). Checked: `render --demo` gives
the same Thai text layer as the app run from the venv; the window starts under offscreen; and,
with the system's libthai and its dictionary hidden (a mount namespace with /dev/null bound over
them), the editor's Thai lines break only between words, and mid-word once the bundle's own copy
is hidden too (so the check can fail). Then the licences, the sizes and what must stay out.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from itertools import accumulate
from pathlib import Path

SAMPLE_WORDS = ("การ", "ดำเนิน", "งาน", "ตาม", "อำนาจ", "หน้าที่", "ของ", "องค์การ", "บริหาร", "ส่วน",
                "จังหวัด", "เพื่อ", "ความ", "โปร่งใส", "และ", "ตรวจสอบ", "ได้")  # ita_desktop.ui.thai_line_breaks
SYSTEM_LIBTHAI = (Path("/usr/lib/x86_64-linux-gnu/libthai.so.0"), Path("/usr/share/libthai/thbrk.tri"))
KNOWN_THAI = "องค์การบริหารส่วนจังหวัดอ่างทอง"
THAI_LETTERS = re.compile("[\u0e01-\u0e4e]")
MUST_SHIP = ("licences/QT-LGPL-NOTICE.txt", "licences/LGPL-3", "licences/Sarabun-OFL.txt", "licences/README.txt",
             "licences/libthai/COPYING", "licences/libthai/README.txt", "libthai/libthai.so.0", "libthai/thbrk.tri",
             "pythainlp/corpus/words_th.txt", "pythainlp/corpus/stopwords_th.txt",
             "ita_desktop/resources/translations/th/LC_MESSAGES/ita_desktop.mo")
MUST_NOT_SHIP = ("Qt6WebEngineCore", "libQt6Qml.so", "libQt6Quick.so", "qtwebengine", "/translations/qt_",
                 "/_internal/libthai.so.0", "/_internal/libdatrie.so.1")  # only the app's own libthai


def clean_env(home: Path, **extra: str) -> list[str]:
    values = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}
    return ["env", "-i", *(f"{key}={value}" for key, value in values.items())]


def run(command: list[str], *, hide: tuple[Path, ...] = ()) -> subprocess.CompletedProcess:
    """Run ``command``; with ``hide``, in a mount namespace where those files read as empty."""
    if hide:
        mounts = " && ".join(f"mount --bind /dev/null {shlex.quote(str(path.resolve()))}" for path in hide)
        command = ["unshare", "-m", "sh", "-c", f"{mounts} && exec {shlex.join(command)}"]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def fail(message: str) -> None:
    print(f"check_bundle: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def check_render(bundle: Path, scratch: Path, reference_python: str | None) -> None:
    pdf = scratch / "demo.pdf"
    done = run([*clean_env(scratch / "home-render"), str(bundle / "ita-desktop-cli"), "render", "--demo",
                "-o", str(pdf)])
    if done.returncode != 0 or not pdf.is_file():
        fail(f"render --demo exited {done.returncode}: {done.stderr[-2000:]}")
    text = pdf_text(pdf)
    if KNOWN_THAI not in text:
        fail(f"the PDF's text layer lacks {KNOWN_THAI!r}")
    if reference_python:
        reference = scratch / "reference.pdf"
        subprocess.run([reference_python, "-m", "ita_desktop", "render", "--demo", "-o", str(reference)],
                       check=True, capture_output=True, env={**os.environ, "HOME": str(scratch / "home-ref")})
        if pdf_text(reference) != text:
            fail("the bundle's PDF text differs from the venv's")
    same = ", text layer the same as the venv's" if reference_python else ""
    print(f"render --demo: {pdf.stat().st_size} bytes, {text.count(chr(12))} pages, {KNOWN_THAI} in it{same}")
    # The clerk's messages come from the Thai catalogue: a missing file is reported in Thai.
    missing = scratch / "ไม่มี.ita"
    done = run([*clean_env(scratch / "home-thai", ITA_DESKTOP_LANG="th"), str(bundle / "ita-desktop-cli"), "render",
                str(missing), "-o", str(scratch / "x.pdf")])
    if done.returncode != 2 or str(missing) not in done.stderr or not THAI_LETTERS.search(
            done.stderr.replace(str(missing), "")):
        fail(f"a missing file is not reported in Thai: {done.stderr!r}")
    print("a missing file, in Thai:", done.stderr.strip())


def window_lines(bundle: Path, home: Path, hide: tuple[Path, ...]) -> list[str]:
    done = run([*clean_env(home, QT_QPA_PLATFORM="offscreen", ITA_DESKTOP_SMOKE="1"),
                str(bundle / "ita-desktop"), "--demo"], hide=hide)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines or lines[-1] != "ready":
        fail(f"the window did not start (exit {done.returncode}): {done.stdout[-1000:]} {done.stderr[-2000:]}")
    [sample] = [line for line in lines if line.startswith("thai-lines: ")]
    return sample.removeprefix("thai-lines: ").split("|")


def only_between_words(lines: list[str]) -> bool:
    word_ends = set(accumulate(len(word) for word in SAMPLE_WORDS))
    return len(lines) > 1 and set(accumulate(len(line) for line in lines)) <= word_ends


def check_window_and_lines(bundle: Path, scratch: Path) -> None:
    lines = window_lines(bundle, scratch / "home-window", ())
    print("window (offscreen): ready; Thai lines:", " | ".join(lines))
    hidden = window_lines(bundle, scratch / "home-hidden", SYSTEM_LIBTHAI)
    if not only_between_words(hidden):
        fail(f"with the system's libthai hidden, Thai lines break mid-word: {hidden}")
    print("system libthai hidden, the bundle's own: ", " | ".join(hidden))
    both = window_lines(bundle, scratch / "home-none", (*SYSTEM_LIBTHAI, bundle / "_internal/libthai/thbrk.tri"))
    if only_between_words(both):
        fail(f"with every libthai dictionary hidden the lines still break between words: {both}")
    print("every libthai dictionary hidden (control):", " | ".join(both))


def check_contents(bundle: Path) -> None:
    internal = bundle / "_internal"
    for relative in MUST_SHIP:
        if not (internal / relative).is_file():
            fail(f"missing {relative}")
    if not list((internal / "licences/libthai/sources").glob("libthai_*.orig.tar.xz")):
        fail("libthai's sources are missing")
    names = [str(path) for path in internal.rglob("*")]
    for unwanted in MUST_NOT_SHIP:
        if any(unwanted in name for name in names):
            fail(f"{unwanted} is shipped")
    size = sum(path.lstat().st_size for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    print(f"contents: licences, libthai and its sources present; {size / 1e6:.0f} MB in {len(names)} files")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--reference-python", help="the venv's python, to compare the PDF text with")
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="ita-bundle-check-") as folder:
        scratch = Path(folder)
        check_contents(bundle)
        check_render(bundle, scratch, args.reference_python)
        check_window_and_lines(bundle, scratch)
    print("check_bundle: all checks passed")


if __name__ == "__main__":
    main()
