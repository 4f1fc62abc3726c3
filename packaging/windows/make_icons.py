"""Draw the program's and the report file's icons (.ico, 16-256 px) with Pillow and the bundled Sarabun.

    python packaging/windows/make_icons.py OUT_FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[2]
FONT = REPO / "resources" / "fonts" / "Sarabun-Bold.ttf"
SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
BLUE, GOLD, WHITE = (24, 62, 140, 255), (222, 170, 40, 255), (255, 255, 255, 255)


def _centred_text(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str, size: int, fill) -> None:
    font = ImageFont.truetype(str(FONT), size)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = box[0] + (box[2] - box[0] - (right - left)) / 2 - left
    y = box[1] + (box[3] - box[1] - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=font, fill=fill)


def program_icon() -> Image.Image:
    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, 248, 248), radius=44, fill=BLUE)
    draw.rectangle((40, 186, 216, 200), fill=GOLD)
    _centred_text(draw, (8, 30, 248, 180), "ITA", 118, WHITE)
    return image


def report_icon() -> Image.Image:
    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon([(44, 12), (170, 12), (216, 58), (216, 244), (44, 244)], fill=WHITE, outline=BLUE)
    draw.polygon([(170, 12), (170, 58), (216, 58)], fill=(200, 210, 230, 255), outline=BLUE)
    draw.rounded_rectangle((60, 120, 200, 206), radius=14, fill=BLUE)
    _centred_text(draw, (60, 120, 200, 206), "ITA", 64, WHITE)
    return image


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    program_icon().save(out / "ita-desktop.ico", sizes=SIZES)
    report_icon().save(out / "ita-report.ico", sizes=SIZES)
    program_icon().save(out / "ita-desktop.png")


if __name__ == "__main__":
    main()
