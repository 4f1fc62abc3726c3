"""Helpers for the PDF tests: text extraction (pdftotext and pypdf), page images, photo stores."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from ita_desktop.pdf.document import page_number_text

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """``text`` without any whitespace: what "verbatim once whitespace is ignored" compares."""
    return _SPACE.sub("", text)


def _without_page_number(text: str, page: int) -> str:
    """A page's text minus its leading page number ("- ๒ -" or "- 2 -"), whitespace removed."""
    flat = squash(text)
    for thai in (True, False):
        number = squash(page_number_text(page, thai))
        if page >= 2 and flat.startswith(number):
            return flat[len(number):]
    return flat


def pdftotext_pages(pdf: Path, *, raw: bool = True) -> list[str]:
    """Text of each page as poppler's pdftotext extracts it."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else ["-layout"]) + [str(pdf), "-"]
    output = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    pages = output.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pypdf_pages(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]


def body_text(pages: list[str]) -> str:
    """All pages joined, page numbers removed, whitespace removed."""
    return "".join(_without_page_number(text, number) for number, text in enumerate(pages, start=1))


def page_images(pdf: Path, folder: Path, dpi: int = 50) -> list[Image.Image]:
    """Greyscale renderings of every page (pdftoppm)."""
    prefix = folder / "page"
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return [Image.open(path).convert("L") for path in sorted(folder.glob("page-*.png"))]


def embedded_images(pdf: Path) -> list[dict]:
    """``pdfimages -list`` rows as dicts (page, width, height, enc, x-ppi, y-ppi)."""
    lines = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        cells = line.split()
        rows.append({"page": int(cells[0]), "width": int(cells[3]), "height": int(cells[4]),
                     "color": cells[5], "enc": cells[8], "x_ppi": int(cells[12]), "y_ppi": int(cells[13])})
    return rows


def extracted_pictures(pdf: Path) -> list[Image.Image]:
    """The pictures embedded in the PDF, decoded (pypdf), in page order."""
    pictures = []
    for page in PdfReader(str(pdf)).pages:
        for image in page.images:
            pictures.append(Image.open(io.BytesIO(image.data)).convert("RGB"))
    return pictures


class MemoryPhotos:
    """A PhotoSource without a file: print copies kept in a dict by photo id."""

    def __init__(self) -> None:
        self.copies: dict[int, tuple[bytes, str]] = {}

    def add(self, photo_id: int, data: bytes, fmt: str = "JPEG") -> None:
        self.copies[photo_id] = (data, fmt)

    def photo_data(self, photo_id: int, kind: str = "print") -> bytes:
        return self.copies[photo_id][0]

    def photo_format(self, photo_id: int) -> str:
        return self.copies[photo_id][1]
