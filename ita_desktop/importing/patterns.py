"""How the lines of a measures report look: headings, part labels, item citations, counts.

Each reader returns the pieces of one line as written, or None when the line is
not that kind of line. Digits may be Thai or ASCII throughout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ita_desktop.forms import MEASURE_PARTS
from ita_desktop.model import GroupKind
from ita_desktop.model.numbering import parse_number

D = "[0-9๐-๙]"
# The font family suffix of TH SarabunIT๙ and its siblings, which draw ASCII digits as Thai digits.
IT9_FONT_SUFFIX = "IT๙"
# What the importer looks for, quoted in its messages as the clerk would type it (not translated).
AGENCY_LINE_EXAMPLE = "ของ… ประจำปีงบประมาณ พ.ศ. …"
SECTION_EXAMPLE = "๑. มาตรการ…"
_COUNT = re.compile(
    rf"\s*(?:จำนวน\s*(?:ทั้งหมด|ทั้งสิ้น|รวม)?|รวม(?:ทั้งหมด|ทั้งสิ้น)?)\s*(?P<count>{D}+)\s*(?:ข้อ|มาตรการ)"
    r"(?:\s*(?:ดังนี้|ได้แก่|คือ))?\s*[:：]?\s*$"
)
_TRAILING_WORDS = re.compile(r"\s*(?:ดังนี้|ได้แก่|คือ)?\s*[:：]?\s*$")
_SECTION = re.compile(rf"^(?P<num>{D}{{1,2}})\s*\.(?!{D})\s*(?P<body>\S.*)$")
_GROUP = re.compile(rf"^(?P<section>{D}{{1,2}})\s*\.\s*(?P<num>{D}{{1,2}})(?!{D})\s*\.?\s+(?P<body>\S.*)$")
_KIND = re.compile(r"\(\s*(?P<kind>IIT|EIT|OIT)\s*\)", re.IGNORECASE)
# "(๑)", "(๑.๒)", "๑)", "๑.๒)" and a bare "๑.๒" (a bare "๑." is a section or a list item).
_PAREN_NUMBER = re.compile(
    rf"^(?:\(\s*(?P<num>{D}{{1,2}})\s*(?:\.\s*(?P<sub>{D}{{1,2}})\s*)?\)"
    rf"|(?P<half_num>{D}{{1,2}})(?:\.(?P<half_sub>{D}{{1,2}}))?\)"
    rf"|(?P<bare_num>{D}{{1,2}})\.(?P<bare_sub>{D}{{1,2}})(?!{D})\.?(?=\s))\s*(?P<body>.*)$"
)
_CITATION = re.compile(r"\s*\(\s*ข้อ\s*(?P<codes>[^()]*?)\s*\)\s*$")
_CODE = re.compile(rf"[A-Za-z|]{{0,3}}\s?{D}{{1,3}}")
_MEASURE_WORDS = ("มาตรการ", "โครงการ", "กิจกรรม")
_BULLET = re.compile(r"^[-–•▪●*]\s*\S")
_NOTE = re.compile(r"^หมายเหตุ\s*[:：]?")
_ELLIPSIS = re.compile(r"(?:\.{2,}|…)\s*[:：]?\s*$")


@dataclass(frozen=True)
class Heading:
    """A section or group heading: its number(s), title, kind and the count as typed."""

    number: int
    title: str
    count: int | None = None
    section_number: int | None = None  # groups only: the "๑" of "๑.๒"
    kind: GroupKind | None = None
    kind_guessed: bool = False


def _split_count(body: str) -> tuple[str, int | None]:
    match = _COUNT.search(body)
    if match:
        return body[: match.start()].strip(), parse_number(match.group("count"))
    return _TRAILING_WORDS.sub("", body).strip(), None


def read_section_heading(line: str) -> Heading | None:
    """"๑. มาตรการ… จำนวนทั้งหมด ๘ ข้อ ดังนี้" (a list item "๑. สำนักปลัด…" is not one)."""
    match = _SECTION.match(line)
    if not match:
        return None
    title, count = _split_count(match.group("body"))
    if count is None and not title.startswith("มาตรการ"):
        return None
    return Heading(parse_number(match.group("num")), title, count)


def guess_kind(title: str) -> GroupKind | None:
    """The instrument from the Thai group title, when "(IIT)" was left out."""
    if "ภายนอก" in title:
        return GroupKind.EIT
    if "ภายใน" in title and "ส่วนได้ส่วนเสีย" in title:
        return GroupKind.IIT
    if "เปิดเผยข้อมูล" in title:
        return GroupKind.OIT
    return None


def read_group_heading(line: str) -> Heading | None:
    """"๑.๑ ด้านการรับรู้…ภายใน (IIT) จำนวน ๖ ข้อ"."""
    match = _GROUP.match(line)
    if not match:
        return None
    body = match.group("body")
    kind_match = _KIND.search(body)
    kind = GroupKind(kind_match.group("kind").upper()) if kind_match else None
    if kind_match:
        body = (body[: kind_match.start()].rstrip() + " " + body[kind_match.end():].lstrip()).strip()
    title, count = _split_count(body)
    guessed = False
    if kind is None and title.startswith("ด้าน"):
        kind = guess_kind(title)
        guessed = kind is not None
    if kind is None and count is None and not title.startswith(("ด้าน", "มาตรการ")):
        return None
    return Heading(parse_number(match.group("num")), title, count,
                   section_number=parse_number(match.group("section")), kind=kind, kind_guessed=guessed)


@dataclass(frozen=True)
class NumberedLine:
    """"(๓) …", "(๒.๓) …", "๓) …" or "๒.๓ …": the number(s) and the text after them."""

    number: int
    sub: int | None
    body: str


def read_paren_number(line: str) -> NumberedLine | None:
    match = _PAREN_NUMBER.match(line)
    if not match:
        return None
    number = match.group("num") or match.group("half_num") or match.group("bare_num")
    sub = match.group("sub") or match.group("half_sub") or match.group("bare_sub")
    return NumberedLine(parse_number(number), parse_number(sub) if sub else None, match.group("body").strip())


# -- part labels ---------------------------------------------------------------
# Other wordings clerks use for the five parts; the canonical label comes from forms/.
_PART_ALIASES: dict[str, tuple[str, ...]] = {
    "steps": ("ขั้นตอนและวิธีดำเนินการ", "ขั้นตอน/วิธีดำเนินการ", "วิธีดำเนินการ", "ขั้นตอนดำเนินการ",
              "ขั้นตอนหรือวิธีดำเนินงาน", "ขั้นตอน"),
    "responsible": ("หน่วยงานที่รับผิดชอบ", "ส่วนราชการผู้รับผิดชอบ", "ส่วนราชการที่รับผิดชอบ",
                    "หน่วยงาน/ผู้รับผิดชอบ", "ผู้รับผิดชอบ"),
    "summary": ("สรุปผลการดำเนินงาน", "ผลการดำเนินการ", "ผลการดำเนินงาน"),
    "outcome": ("ผลลัพธ์/ผลสำเร็จของการดำเนินการ", "ผลลัพธ์หรือผลสำเร็จ", "ผลลัพธ์/ผลสำเร็จ",
                "ผลลัพธ์ที่ได้รับ", "ผลลัพธ์", "ผลสำเร็จ"),
    "photos": ("รูปภาพประกอบ", "ภาพถ่ายประกอบ", "ภาพถ่าย", "ภาพกิจกรรม", "ภาพประกอบ"),
}
_IF_ANY = r"(?:\s*\(\s*ถ้ามี\s*\))?"


def _lenient(label: str) -> str:
    """A label as a pattern: "การ" optional around "ดำเนิน", "/" spaced freely, "(ถ้ามี)" handled apart."""
    label = re.sub(r"\s*\(ถ้ามี\)", "", label).replace(" ", "")
    pattern = re.escape(label).replace("/", r"\s*/\s*")
    # "สรุปผลดำเนินการ", "สรุปผลการดำเนินการ", "วิธีการดำเนินการ": the same label to the clerk.
    return re.sub("(?:การ)?ดำเนิน(?:การ)?", lambda _: "(?:การ)?ดำเนิน(?:การ)?", pattern)


def _part_variants() -> list[tuple[str, str]]:
    variants = [(part.key, part.label_th) for part in MEASURE_PARTS]
    variants += [(key, alias) for key, aliases in _PART_ALIASES.items() for alias in aliases]
    # Longest first, so "ผลการดำเนินการ" never wins over "สรุปผลการดำเนินการ".
    return sorted(variants, key=lambda kv: -len(kv[1]))


_PART_PATTERNS = [(key, re.compile(rf"^(?P<label>{_lenient(label)}{_IF_ANY})")) for key, label in _part_variants()]


@dataclass(frozen=True)
class PartLine:
    """A part label line: which part, the label as written, and any text after the colon."""

    key: str
    label: str
    body: str


def read_part(text: str, numbered: bool) -> PartLine | None:
    """The part a line opens; without a "(๑.๒)" number the label must end with a colon."""
    for key, pattern in _PART_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end():]
        colon = re.match(r"\s*[:：]\s*", rest)
        if colon:
            return PartLine(key, match.group("label"), rest[colon.end():].strip())
        if numbered and (not rest.strip() or rest[0].isspace()):
            return PartLine(key, match.group("label"), rest.strip())
    return None


def read_part_line(text: str) -> PartLine | None:
    """The part a whole line opens, numbered ("(๑.๒) หน่วยงาน… : …") or not ("หน่วยงาน… : …")."""
    numbered = read_paren_number(text)
    return read_part(numbered.body if numbered else text, numbered is not None)


# What a slot of the photos part holds when there is no photo: a dash, or "none".
_NO_PHOTO = re.compile(r"^(?:[-–—]+|ไม่มี(?:ภาพ(?:ประกอบ)?)?)$")


def means_no_photo(text: str) -> bool:
    """"-", "–" or "ไม่มี" typed where a photo would be."""
    return bool(_NO_PHOTO.match(text.strip()))


def _squash(text: str) -> str:
    return re.sub(r"\s+|การ", "", text)


def is_truncated_part_label(text: str) -> bool:
    """"สรุปผล…": the start of a part label cut off with an ellipsis."""
    match = _ELLIPSIS.search(text)
    if not match:
        return False
    stem = _squash(text[: match.start()])
    return bool(stem) and any(_squash(label).startswith(stem) for _, label in _part_variants())


# -- measure headings and item citations -----------------------------------------
@dataclass(frozen=True)
class MeasureHeading:
    """A measure's title without number or citation, its codes as written, and "เดิม"."""

    title: str
    items: list[str]
    items_previous: bool
    has_citation: bool


def read_measure_heading(text: str) -> MeasureHeading:
    citation = _CITATION.search(text)
    if not citation:
        return MeasureHeading(text.strip(), [], False, False)
    codes = citation.group("codes")
    previous = "เดิม" in codes
    items = [re.sub(r"\s", "", code) for code in _CODE.findall(codes.replace("เดิม", " "))]
    return MeasureHeading(text[: citation.start()].strip(), items, previous, True)


def looks_like_measure(text: str) -> bool:
    """A heading that names itself a measure, project or activity, or cites items."""
    return text.startswith(_MEASURE_WORDS) or bool(_CITATION.search(text))


def is_note_line(text: str) -> bool:
    """"- key: value" bullets and "หมายเหตุ: …" after a measure's photos: its notes."""
    return bool(_BULLET.match(text) or _NOTE.match(text))
