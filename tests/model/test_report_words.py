"""The report's own words come from its names: agency, signatories, responsible units."""

from ita_desktop.model.report import Measure, MeasureGroup, Report, Section, Signatory
from ita_desktop.model.report_words import report_words


def test_names_of_the_report_are_its_words_with_titles_stripped():
    report = Report(agency="องค์การบริหารส่วนตำบลเขาสมอคอน", agency_kind="อบต.",
                    signatories=[Signatory(role="ผู้รายงาน", name="นายสมชาย ภู่ประดิษฐ์", position="ปลัด อบต.")],
                    sections=[Section(groups=[MeasureGroup(measures=[Measure(responsible="กองคลัง, สำนักปลัด")])])])
    words = report_words(report)
    assert {"องค์การบริหารส่วนตำบลเขาสมอคอน", "อบต.", "สมชาย", "ภู่ประดิษฐ์", "ปลัด", "กองคลัง", "สำนักปลัด"} <= words
    assert "นายสมชาย" not in words
