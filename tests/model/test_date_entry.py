"""Dates typed the Thai way (BE years, Thai or Arabic digits, month names or numbers)."""

from __future__ import annotations

import datetime as dt

import pytest

from ita_desktop.model.date_entry import format_date_entry, month_key, parse_date_entry

LONG = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
        "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
MONTHS = {month_key(name): index + 1 for names in (LONG, SHORT) for index, name in enumerate(names)}
MONTHS[month_key("September")] = 9
DAY = dt.date(2025, 9, 30)


@pytest.mark.parametrize("typed", [
    "๓๐ กันยายน ๒๕๖๘", "30 กันยายน 2568", "30 ก.ย. 68", "๓๐ ก.ย. ๒๕๖๘", "30กันยายน2568", "30 กันยายน พ.ศ. 2568",
    "30/9/2568", "๓๐/๐๙/๖๘", "30-09-2568", "2025-09-30", "30 September 2568",
])
def test_typed_dates_are_read_in_buddhist_era(typed):
    assert parse_date_entry(typed, MONTHS) == DAY


@pytest.mark.parametrize("typed", ["", "31 กันยายน 2568", "กันยายน 2568", "30 ตุลา 2568x", "hello", "30/13/2568"])
def test_what_is_not_a_date_is_none(typed):
    assert parse_date_entry(typed, MONTHS) is None


def test_formatted_in_the_report_digits():
    assert format_date_entry(DAY, LONG, thai_digits=True) == "๓๐ กันยายน ๒๕๖๘"
    assert format_date_entry(DAY, LONG, thai_digits=False) == "30 กันยายน 2568"
    assert parse_date_entry(format_date_entry(DAY, LONG, True), MONTHS) == DAY
