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
