"""Reading report text files: encodings, refusals, lines and tab tables."""

from __future__ import annotations

import codecs

import pytest

from ita_desktop.errors import UserError
from ita_desktop.importing import decode_report_bytes, paragraphs_from_text, read_report_text

THAI = "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน\nหน่วยงานผู้รับผิดชอบ : กองคลัง\n"


@pytest.mark.parametrize("data", [
    THAI.encode("utf-8"),
    codecs.BOM_UTF8 + THAI.encode("utf-8"),
    THAI.encode("utf-16"),  # with its BOM
    codecs.BOM_UTF16_BE + THAI.encode("utf-16-be"),
    THAI.encode("cp874"),
    THAI.encode("tis-620"),
], ids=["utf8", "utf8-bom", "utf16", "utf16-be", "cp874", "tis620"])
def test_every_supported_encoding_decodes_to_the_same_text(data):
    assert decode_report_bytes(data) == THAI


@pytest.mark.parametrize("data", [
    b"SQLite format 3\x00" + b"\x00" * 100,
    b"PK\x03\x04rest-of-a-docx",
    b"%PDF-1.7\n",
    THAI.encode("utf-16-le"),  # no BOM: NULs betray it
    b"\x81\xdb\xfc\xff",  # not UTF-8 and undefined in cp874
], ids=["sqlite", "zip", "pdf", "utf16-no-bom", "binary"])
def test_foreign_or_undecodable_bytes_are_refused_in_one_line(data):
    with pytest.raises(UserError) as raised:
        decode_report_bytes(data, "x.txt")
    assert raised.value.english.startswith("x.txt: ") and "\n" not in raised.value.english
    assert raised.value.thai.startswith("x.txt: ")


def test_missing_file_is_refused_and_not_created(tmp_path):
    path = tmp_path / "missing.txt"
    with pytest.raises(UserError) as raised:
        read_report_text(path)
    assert "no such file" in raised.value.english and "ไม่พบไฟล์" in raised.value.thai
    assert not path.exists()


def test_empty_file_and_folder_are_refused(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    with pytest.raises(UserError, match="empty"):
        read_report_text(tmp_path / "empty.txt")
    with pytest.raises(UserError, match="folder"):
        read_report_text(tmp_path)


def test_lines_keep_their_numbers_across_crlf_and_cr():
    paragraphs = list(paragraphs_from_text("a\r\nb\rc\n\nd"))
    assert [(p.text, p.line) for p in paragraphs] == [("a", 1), ("b", 2), ("c", 3), ("", 4), ("d", 5)]


def test_consecutive_tab_rows_make_one_table_and_a_single_tab_is_spacing():
    text = "หัว\nที่\tปัญหา\tสถานะ\n1.\tก\tเสร็จ\t\nหน่วยงานผู้รับผิดชอบ :\tกองคลัง\n"
    paragraphs = list(paragraphs_from_text(text))
    assert paragraphs[1].table == [["ที่", "ปัญหา", "สถานะ"], ["1.", "ก", "เสร็จ", ""]]
    assert paragraphs[1].line == 2
    assert paragraphs[2].text == "หน่วยงานผู้รับผิดชอบ :\tกองคลัง" and paragraphs[2].table is None


def test_a_part_label_aligned_with_tabs_is_a_line_not_a_table_row():
    text = "(๑.๒)\tหน่วยงานผู้รับผิดชอบ\t:\tกองคลัง\nสรุปผลการดำเนินการ\t\t:\tดำเนินการแล้ว\n"
    paragraphs = list(paragraphs_from_text(text))
    assert [p.table for p in paragraphs[:2]] == [None, None]
    assert paragraphs[0].text == "(๑.๒)\tหน่วยงานผู้รับผิดชอบ\t:\tกองคลัง"
