"""Thai dates: Babel month names, Buddhist Era years, the fiscal year boundary (1 Oct – 30 Sep)."""

from __future__ import annotations

import datetime as dt

import pytest

from ita_desktop.model.thai_date import be_year, fiscal_year_bounds, fiscal_year_of, thai_date


def test_thai_date_with_thai_digits():
    assert thai_date(dt.date(2021, 5, 7)) == "๗ พฤษภาคม ๒๕๖๔"


def test_thai_date_with_arabic_digits_and_iso_string():
    assert thai_date("2023-03-16", digits=False) == "16 มีนาคม 2566"


def test_short_month():
    assert thai_date(dt.date(2023, 12, 31), short_month=True) == "๓๑ ธ.ค. ๒๕๖๖"


def test_be_year():
    assert be_year(dt.date(2023, 1, 1)) == 2566


@pytest.mark.parametrize(("day", "fiscal_year"), [
    (dt.date(2022, 9, 30), 2565),  # last day of FY 2565
    (dt.date(2022, 10, 1), 2566),  # first day of FY 2566
    (dt.date(2023, 1, 1), 2566),  # new calendar year, same fiscal year
    (dt.date(2023, 9, 30), 2566),
    (dt.date(2023, 10, 1), 2567),
    (dt.date(2023, 12, 31), 2567),
])
def test_fiscal_year_of_across_the_boundary(day, fiscal_year):
    assert fiscal_year_of(day) == fiscal_year


def test_fiscal_year_bounds_round_trip():
    first, last = fiscal_year_bounds(2566)
    assert (first, last) == (dt.date(2022, 10, 1), dt.date(2023, 9, 30))
    assert fiscal_year_of(first) == fiscal_year_of(last) == 2566
    assert fiscal_year_of(first - dt.timedelta(days=1)) == 2565
    assert fiscal_year_of(last + dt.timedelta(days=1)) == 2567
