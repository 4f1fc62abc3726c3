"""Sign-off lines: roles, names with titles and ranks, positions."""

from __future__ import annotations

import pytest

from ita_desktop.importing.signoff import read_role_signoff, read_signature_line, split_name_position


@pytest.mark.parametrize("text, name, position", [
    ("นายจตุรภัทร นิลนิตกร ผู้อำนวยการส่วน", "นายจตุรภัทร นิลนิตกร", "ผู้อำนวยการส่วน"),
    ("นาย สมชาย ใจดี ปลัดเทศบาล", "นาย สมชาย ใจดี", "ปลัดเทศบาล"),
    ("ว่าที่ ร.ต. สมชาย ใจดี ตำแหน่ง ปลัด อบต.", "ว่าที่ ร.ต. สมชาย ใจดี", "ปลัด อบต."),
    ("(นางสาวสมใจ ใจดี) นักจัดการงานทั่วไป", "นางสาวสมใจ ใจดี", "นักจัดการงานทั่วไป"),
    ("นางมาลี ศรีสุข", "นางมาลี ศรีสุข", ""),
])
def test_name_is_title_first_and_last_name_the_rest_is_position(text, name, position):
    assert split_name_position(text) == (name, position)


def test_role_lines_in_the_usual_wordings():
    signatory = read_role_signoff("อนุมัติโดย : นายสุวิทย์ นิลนิตกร ผู้อำนวยการ")
    assert (signatory.role, signatory.name, signatory.position) == ("อนุมัติโดย", "นายสุวิทย์ นิลนิตกร", "ผู้อำนวยการ")
    assert read_role_signoff("ผู้ตรวจสอบ: นางมาลี ศรีสุข").role == "ผู้ตรวจสอบ"
    # A bullet's key is not a sign-off, nor is an ordinary part label.
    assert read_role_signoff("ผู้รับผิดชอบ: นายสุวิทย์ นิลนิตกร") is None
    assert read_role_signoff("หน่วยงานผู้รับผิดชอบ : กองคลัง") is None


def test_signature_lines_with_and_without_the_name():
    one_line = read_signature_line("(ลงชื่อ) ........................ (นายวิชัย ทองดี) ปลัด อบต.")
    assert (one_line.role, one_line.name, one_line.position) == ("", "นายวิชัย ทองดี", "ปลัด อบต.")
    with_role = read_signature_line("ลงชื่อ.........................ผู้รายงาน")
    assert (with_role.role, with_role.name) == ("ผู้รายงาน", "")
    assert read_signature_line("มาตรการเกี่ยวกับการลงชื่อ") is None
