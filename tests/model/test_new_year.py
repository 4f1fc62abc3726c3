"""Next fiscal year: structure kept, this year's evidence cleared."""

from ita_desktop.model import Photo
from ita_desktop.model.new_year import next_fiscal_year
from tests.helpers import small_report


def test_next_year_keeps_plan_and_clears_results():
    report = small_report()
    report.measures[0].photos.append(Photo(caption="ภาพ", width=10, height=10))
    following = next_fiscal_year(report)
    assert following.fiscal_year == 2568 and following.agency == report.agency
    assert [m.title for m in following.measures] == [m.title for m in report.measures]
    first = following.measures[0]
    assert first.items == ["I20", "I21"] and first.items_previous
    assert first.steps == "ประชุมชี้แจง" and first.responsible == "สำนักปลัด"
    assert (first.summary, first.outcome, first.photos, first.table) == ("", "", [], [])
    assert following.sections[0].groups[0].kind == report.sections[0].groups[0].kind
