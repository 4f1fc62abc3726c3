"""The import warnings, worded once in English and Thai."""

from __future__ import annotations

from ita_desktop.importing.source import ImportWarning

# code → (English, Thai); {placeholders} are filled by make_warning.
WARNING_TEXTS: dict[str, tuple[str, str]] = {
    "unplaced_text": (
        "text not placed in any part, kept in the measure's notes: “{text}”",
        "ข้อความที่จัดเข้าหัวข้อใดไม่ได้ เก็บไว้ในหมายเหตุของมาตรการ: “{text}”",
    ),
    "unplaced_report_text": (
        "text before any measure could not be placed and is not imported: “{text}”",
        "ข้อความก่อนมาตรการแรกจัดเข้าที่ใดไม่ได้ จึงไม่ได้นำเข้า: “{text}”",
    ),
    "truncated_heading": (
        "heading cut short (“{text}”), not placed in a part; kept in the measure's notes",
        "หัวข้อไม่ครบ (“{text}”) ไม่ได้จัดเข้าหัวข้อย่อย เก็บไว้ในหมายเหตุของมาตรการ",
    ),
    "count_mismatch": (
        "“{title}” says {typed} measures but {found} are there; the count is now derived from the measures",
        "“{title}” ระบุจำนวน {typed} ข้อ แต่พบ {found} ข้อ โปรแกรมจะนับจากมาตรการที่มีจริง",
    ),
    "suspect_item_code": (
        "item code “{code}” of measure “{title}” looks misread; probably {suggestion}",
        "รหัสข้อ “{code}” ของมาตรการ “{title}” อาจพิมพ์ผิด น่าจะเป็น {suggestion}",
    ),
    "item_code_no_letter": (
        "item code “{code}” of measure “{title}” has no I/E/O letter",
        "รหัสข้อ “{code}” ของมาตรการ “{title}” ไม่มีอักษร I/E/O นำหน้า",
    ),
    "item_code_other_kind": (
        "item code “{code}” of measure “{title}” is in a {kind} group",
        "รหัสข้อ “{code}” ของมาตรการ “{title}” อยู่ในกลุ่ม {kind}",
    ),
    "duplicate_signatory": (
        "sign-off “{role}: {name}” repeats the one before it; it looks duplicated (both kept)",
        "ผู้ลงนาม “{role}: {name}” ซ้ำกับรายการก่อนหน้า อาจพิมพ์ซ้ำ (เก็บไว้ทั้งสองรายการ)",
    ),
    "signatory_without_name": (
        "a signature line has no name",
        "บรรทัดลงชื่อไม่มีชื่อผู้ลงนาม",
    ),
    "missing_parts": (
        "measure “{title}” has no {parts}",
        "มาตรการ “{title}” ไม่มีหัวข้อ {parts}",
    ),
    "heading_joined": (
        "a measure heading continues on the next line; the two lines are joined: “{text}”",
        "ชื่อมาตรการต่อเนื่องไปบรรทัดถัดไป จึงนำสองบรรทัดมาต่อกัน: “{text}”",
    ),
    "duplicate_part": (
        "measure “{title}” has “{label}” twice; the texts are joined",
        "มาตรการ “{title}” มีหัวข้อ “{label}” ซ้ำ จึงนำข้อความมาต่อกัน",
    ),
    "number_mismatch": (
        "“{text}” is numbered {typed} but is number {found} in its place; the number is now derived",
        "“{text}” มีเลขลำดับ {typed} แต่อยู่ลำดับที่ {found} โปรแกรมจะกำหนดเลขลำดับให้เอง",
    ),
    "kind_guessed": (
        "group “{title}” has no (IIT)/(EIT)/(OIT); taken as {kind} from its title",
        "กลุ่ม “{title}” ไม่ได้ระบุ (IIT)/(EIT)/(OIT) โปรแกรมถือเป็น {kind} ตามชื่อกลุ่ม",
    ),
    "implicit_section": (
        "a measure comes before any section heading; it is put in an untitled section",
        "พบมาตรการก่อนหัวข้อส่วนแรก จึงจัดไว้ในส่วนที่ไม่มีชื่อ",
    ),
    "implicit_measure": (
        "“{text}” comes before any measure heading; it is put in an untitled measure",
        "“{text}” อยู่ก่อนชื่อมาตรการ จึงจัดไว้ในมาตรการที่ไม่มีชื่อ",
    ),
    "table_in_part": (
        "a table inside a part of measure “{title}” is stored as its tracking table",
        "ตารางในหัวข้อย่อยของมาตรการ “{title}” ถูกเก็บเป็นตารางติดตามผล",
    ),
    "table_row_width": (
        "a table row of measure “{title}” has {cells} cells, more than the {columns} tracking columns",
        "แถวตารางของมาตรการ “{title}” มี {cells} ช่อง มากกว่า {columns} คอลัมน์ของตารางติดตามผล",
    ),
    "unplaced_table": (
        "a table before any measure could not be placed and is not imported: “{text}”",
        "ตารางก่อนมาตรการแรกจัดเข้าที่ใดไม่ได้ จึงไม่ได้นำเข้า: “{text}”",
    ),
    "unplaced_picture": (
        "picture “{text}” before any measure could not be placed and is not imported",
        "ภาพ “{text}” อยู่ก่อนมาตรการแรก จัดเข้าที่ใดไม่ได้ จึงไม่ได้นำเข้า",
    ),
    "unreadable_picture": (
        "picture not imported: {text}",
        "ไม่ได้นำเข้าภาพ: {text}",
    ),
    "no_title": (
        "no report title line was found",
        "ไม่พบบรรทัดชื่อรายงาน",
    ),
    "no_agency": (
        "no line “ของ… ประจำปีงบประมาณ พ.ศ. …” was found: agency and fiscal year are empty",
        "ไม่พบบรรทัด “ของ… ประจำปีงบประมาณ พ.ศ. …” จึงไม่มีชื่อหน่วยงานและปีงบประมาณ",
    ),
    "it9_digits": (
        "digits typed in {font}, which draws them as Thai digits, are imported as Thai digits",
        "ตัวเลขที่พิมพ์ด้วยฟอนต์ {font} ซึ่งแสดงเป็นเลขไทย นำเข้าเป็นเลขไทย",
    ),
    "year_in_ce": (
        "fiscal year {typed} looks like a Christian-era year; stored as B.E. {found}",
        "ปีงบประมาณ {typed} ดูเป็นปี ค.ศ. จึงบันทึกเป็น พ.ศ. {found}",
    ),
}

_SHORT = 60


def shorten(text: str, limit: int = _SHORT) -> str:
    """The start of a long text for a one-line warning (the full text is kept elsewhere)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def make_warning(warning_code: str, line: int | None = None, **values: object) -> ImportWarning:
    english, thai = WARNING_TEXTS[warning_code]
    return ImportWarning(warning_code, english.format(**values), thai.format(**values), line)
