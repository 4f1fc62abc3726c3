"""The one translation path: a Message is worded in English and translated by the catalogue when shown."""

from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message


def test_message_is_translated_when_shown_and_numbers_follow_the_language():
    message = Message("{path}: no such file.", path="a.ita")
    assert message.text("en") == "a.ita: no such file."
    assert message.text("th") == "a.ita: ไม่พบไฟล์"


def test_numbers_in_a_thai_message_are_thai_digits():
    message = Message("{count} photos", count=9)
    assert message.text("en") == "9 photos"
    assert "๙" in message.text("th") and "9" not in message.text("th")


def test_user_error_carries_its_message():
    error = ReportFileError(Message("{path}: no such file.", path="a.ita"))
    assert error.message("th") == "a.ita: ไม่พบไฟล์"
    assert str(error) == "a.ita: no such file."


def test_plural_message_follows_the_count():
    assert Message.plural("{count} photo", "{count} photos", 1).text("en") == "1 photo"
    assert Message.plural("{count} photo", "{count} photos", 3).text("en") == "3 photos"


def test_a_list_parameter_shows_each_name_in_the_language():
    from ita_desktop.forms import MEASURE_PARTS

    message = Message("Empty parts: {parts}.", parts=[part.title for part in MEASURE_PARTS[2:4]])
    assert message.text("en") == "Empty parts: Summary of results, Outcome."
    assert message.text("th") == "ยังไม่ได้กรอก: สรุปผลการดำเนินการ, ผลลัพธ์หรือผลสำเร็จของการดำเนินการ"


def test_a_clock_time_is_thai_digits_in_thai():
    from datetime import time

    assert Message("Saved at {time}", time=time(14, 3, 12)).text("en") == "Saved at 14:03:12"
    assert Message("Saved at {time}", time=time(14, 3, 12)).text("th") == "บันทึกแล้ว ๑๔:๐๓:๑๒"


def test_counts_in_thai_messages_are_thai_digits_everywhere():
    from ita_desktop.importing.warning_texts import make_warning
    from ita_desktop.model.checks import check_report
    from tests.helpers import small_report

    warning = make_warning("count_mismatch", 12, title="ด้านการรับรู้", typed=6, found=9)
    assert warning.message("th") == "บรรทัด ๑๒: “ด้านการรับรู้” ระบุจำนวน ๖ ข้อ แต่พบ ๙ ข้อ โปรแกรมจะนับจากมาตรการที่มีจริง"
    report = small_report()
    report.sections[0].title += " จำนวน 9 ข้อ"
    [problem] = [p for p in check_report(report) if p.code == "count-differs"]
    assert "ระบุ ๙ ข้อ" in problem.message("th") and "9" not in problem.message("th")
