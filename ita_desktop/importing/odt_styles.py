"""OpenDocument styles as far as the importer needs them: list numbering, fonts, a picture frame's placement.

LibreOffice keeps what it draws in styles: list and outline numbering (formats
such as "๑", prefixes, shown levels), the font of a run (through its text style,
the paragraph style and their parents, down to the default style), and a
picture's mirror and crop (its frame's graphic style; the turn is on the frame).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from lxml import etree

from ita_desktop.importing.docx_numbering import ODF_NUMBER_FORMATS, format_number
from ita_desktop.photos.placement import PLAIN, Placement

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_ROTATE = re.compile(r"rotate\s*\(\s*(-?[0-9.eE+-]+)\s*\)")
_CLIP = re.compile(r"rect\(\s*([^,\s]+)[\s,]+([^,\s]+)[\s,]+([^,\s]+)[\s,]+([^,\s)]+)\s*\)")
_PER_INCH = {"in": 1.0, "cm": 1 / 2.54, "mm": 1 / 25.4, "pt": 1 / 72, "pc": 1 / 6, "px": 1 / 96}
_MAX_CHAIN = 20


def _inches(length: str) -> float:
    """An ODF length ("0.4165in", "1.06cm") in inches; 0 for anything unreadable."""
    match = re.match(r"^(-?[0-9.]+)([a-z]*)$", length.strip())
    if not match:
        return 0.0
    try:
        return float(match.group(1)) * _PER_INCH.get(match.group(2) or "in", 0.0)
    except ValueError:
        return 0.0


class ListLevel:
    """One level of a list style: its number format, prefix and suffix, shown levels and start."""

    def __init__(self, element: etree._Element) -> None:
        self.bullet = element.tag == f"{TEXT}list-level-style-bullet"
        fmt = element.get(f"{STYLE}num-format", "")
        self.fmt = ODF_NUMBER_FORMATS.get(fmt, "bullet" if self.bullet else "none")
        self.prefix = element.get(f"{STYLE}num-prefix", "")
        self.suffix = element.get(f"{STYLE}num-suffix", "")
        self.shown = int(element.get(f"{TEXT}display-levels", "1") or 1)
        self.start = int(element.get(f"{TEXT}start-value", "1") or 1)


def list_label(levels: dict[int, ListLevel], counters: dict[int, int], level: int) -> str:
    """The label LibreOffice draws for ``level`` with these counters, plus a space ("" when none)."""
    style = levels.get(level)
    if style is None or style.fmt == "none":
        return ""
    if style.bullet:
        return "- "
    shown = range(max(1, level - style.shown + 1), level + 1)
    numbers = ".".join(format_number(counters.get(i, 1), levels[i].fmt if i in levels else "decimal") for i in shown)
    return f"{style.prefix}{numbers}{style.suffix} "


class OdtStyles:
    """The styles of styles.xml and content.xml's automatic styles, looked up by name."""

    def __init__(self, *roots: etree._Element | None) -> None:
        roots = tuple(root for root in roots if root is not None)
        self.lists: dict[str, dict[int, ListLevel]] = {}
        self.paragraph_lists: dict[str, str] = {}  # paragraph style → its list style
        self._parents: dict[str, str] = {}
        self._fonts: dict[str, str] = {}  # style → the font its text properties name
        self._graphics: dict[str, etree._Element] = {}
        self._default_font = ""
        families = {face.get(f"{STYLE}name", ""): face.get(f"{SVG}font-family", "").strip("'\"")
                    for root in roots for face in root.iter(f"{STYLE}font-face")}
        for root in roots:
            for style in root.iter(f"{TEXT}list-style", f"{TEXT}outline-style"):
                name = style.get(f"{STYLE}name", "") if style.tag == f"{TEXT}list-style" else ""
                self.lists[name] = {int(level.get(f"{TEXT}level", "1")): ListLevel(level) for level in style
                                    if level.tag in (f"{TEXT}list-level-style-number",
                                                     f"{TEXT}list-level-style-bullet", f"{TEXT}outline-level-style")}
            for style in root.iter(f"{STYLE}style", f"{STYLE}default-style"):
                self._read_style(style, families)

    def _read_style(self, style: etree._Element, families: dict[str, str]) -> None:
        name = style.get(f"{STYLE}name", "")
        if style.get(f"{STYLE}list-style-name"):
            self.paragraph_lists[name] = style.get(f"{STYLE}list-style-name")
        if style.get(f"{STYLE}parent-style-name"):
            self._parents[name] = style.get(f"{STYLE}parent-style-name")
        text = style.find(f"{STYLE}text-properties")
        if text is not None:
            # Thai text and the digits among it are drawn in the complex-script font.
            face = text.get(f"{STYLE}font-name-complex") or text.get(f"{STYLE}font-name")
            if face:
                font = families.get(face, face)
                if style.tag == f"{STYLE}default-style":
                    self._default_font = self._default_font or font
                else:
                    self._fonts[name] = font
        if style.get(f"{STYLE}family") == "graphic":
            props = style.find(f"{STYLE}graphic-properties")
            if props is not None:
                self._graphics[name] = props

    def font(self, *style_names: str | None) -> str:
        """The font of text in these styles (nearest first: span, then paragraph), through their parents."""
        for name in style_names:
            seen = 0
            while name and seen < _MAX_CHAIN:
                if name in self._fonts:
                    return self._fonts[name]
                name, seen = self._parents.get(name), seen + 1
        return self._default_font

    def placement(self, frame: etree._Element) -> Placement:
        """A picture frame's turn (draw:transform, counter-clockwise radians), mirror and clip (its graphic style)."""
        turn = _ROTATE.search(frame.get(f"{DRAW}transform", ""))
        degrees = -math.degrees(float(turn.group(1))) if turn else 0.0
        props = self._graphics.get(frame.get(f"{DRAW}style-name", ""))
        mirror = props.get(f"{STYLE}mirror", "none") if props is not None else "none"
        clip = _CLIP.match(props.get(f"{FO}clip", "")) if props is not None else None
        inches = tuple(_inches(clip.group(i)) for i in (4, 1, 2, 3)) if clip else None  # left, top, right, bottom
        flip_h, flip_v = "horizontal" in mirror, "vertical" in mirror
        if not (degrees or flip_h or flip_v or (inches and any(inches))):
            return PLAIN
        placement = Placement.of(degrees, flip_h, flip_v)
        return replace(placement, crop_inches=inches) if inches and any(inches) else placement
