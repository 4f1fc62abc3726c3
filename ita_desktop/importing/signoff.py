"""Sign-off lines in the usual Thai styles: "ผู้จัดทำรายงาน: ชื่อ ตำแหน่ง" and "ลงชื่อ … (ชื่อ) ตำแหน่ง"."""

from __future__ import annotations

import re

from ita_desktop.model import Signatory

_ROLE = re.compile(
    r"^(?P<role>ผู้(?:จัดทำ|รายงาน|ตรวจสอบ|อนุมัติ|รับรอง|เสนอ|ทบทวน|ให้ความเห็นชอบ|เห็นชอบ|สอบทาน|ลงนาม)[^:：]{0,20}?"
    r"|(?:จัดทำ|รายงาน|ตรวจสอบ|อนุมัติ|เห็นชอบ|รับรอง|ทบทวน|สอบทาน|ลงนาม)(?:รายงาน)?โดย)"
    r"\s*[:：]\s*(?P<rest>\S.*)$"
)
_SIGNATURE = re.compile(r"^\(?\s*ลงชื่อ\s*\)?\s*(?P<rest>.*)$")
_DOTS = re.compile(r"^[.\s_…·-]*")
_BRACKETED = re.compile(r"^(?P<before>[^()]*?)\(\s*(?P<name>[^()0-9๐-๙]+?)\s*\)\s*(?P<after>.*)$")
_POSITION_LABEL = re.compile(r"^ตำแหน่ง\s*[:：]?\s*")
# Titles and ranks written as words of their own before the first name ("นาย สมชาย", "ว่าที่ ร.ต.").
_TITLE_WORDS = {"นาย", "นาง", "นางสาว", "ว่าที่", "ว่าที่ร้อยตรี", "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก", "ดร."}
_ABBREVIATED_TITLE = re.compile(r"^(?:[ก-ฮ]{1,3}\.){1,4}$")  # "น.ส.", "ร.ต.", "จ.ส.อ."
_PERSON_TITLE = re.compile(r"^(?:นาย|นาง|น\.ส\.|ว่าที่|ดร\.|[ก-ฮ]{1,3}\.(?:[ก-ฮ]{1,3}\.)*)")


def _is_title_word(token: str) -> bool:
    return token in _TITLE_WORDS or bool(_ABBREVIATED_TITLE.match(token))


def split_name_position(text: str) -> tuple[str, str]:
    """"นายจตุรภัทร นิลนิตกร ผู้อำนวยการ…" → the title+first+last name, and the rest as written."""
    text = text.strip()
    bracketed = _BRACKETED.match(text)
    if bracketed and not bracketed.group("before").strip():
        return bracketed.group("name"), strip_position_label(bracketed.group("after"))
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    index = 0
    while index < len(spans) - 1 and _is_title_word(text[slice(*spans[index])]):
        index += 1
    last = min(index + 1, len(spans) - 1)  # first name and last name
    name_end = spans[last][1] if spans else 0
    return text[:name_end], strip_position_label(text[name_end:])


def strip_position_label(text: str) -> str:
    """"ตำแหน่ง ปลัดเทศบาล" → "ปลัดเทศบาล" (the word is a label, like "ลงชื่อ")."""
    return _POSITION_LABEL.sub("", text.strip())


def read_role_signoff(text: str) -> Signatory | None:
    """"อนุมัติโดย: นายสุวิทย์ นิลนิตกร ผู้อำนวยการ…" → a complete signatory."""
    match = _ROLE.match(text.strip())
    if not match:
        return None
    name, position = split_name_position(match.group("rest"))
    return Signatory(role=match.group("role").strip(), name=name, position=position)


def read_signature_line(text: str) -> Signatory | None:
    """"ลงชื่อ ……… (นายสมชาย ใจดี) ปลัดเทศบาล", or only "ลงชื่อ ……… ผู้รายงาน" (name on later lines)."""
    match = _SIGNATURE.match(text.strip())
    if not match:
        return None
    rest = _DOTS.sub("", match.group("rest"))
    bracketed = _BRACKETED.match(rest)
    if bracketed:
        role = _DOTS.sub("", bracketed.group("before")[::-1])[::-1].strip()
        return Signatory(role=role, name=bracketed.group("name"),
                         position=strip_position_label(bracketed.group("after")))
    if _PERSON_TITLE.match(rest):
        name, position = split_name_position(rest)
        return Signatory(name=name, position=position)
    return Signatory(role=rest.strip())


def read_bracketed_name(text: str) -> tuple[str, str] | None:
    """"(นายสมชาย ใจดี)" on its own line, perhaps with the position after it."""
    match = _BRACKETED.match(text.strip())
    if not match or match.group("before").strip():
        return None
    return match.group("name"), strip_position_label(match.group("after"))
