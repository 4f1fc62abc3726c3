"""The report tree model: printed numbering, counts, empty-part markers, drag-and-drop, search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from ita_desktop.ui.tree_model import EMPTY_PARTS_ROLE, KIND_ROLE, ReportTreeModel, TreeSearchProxy


@pytest.fixture
def model(document, qtmodeltester):
    tree = ReportTreeModel(document)
    qtmodeltester.check(tree)
    return tree


def labels(model, parent=None):
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def group_index(model, section_row, group_row):
    report = model.index(0, 0)
    return model.index(group_row, 0, model.index(section_row, 0, report))


def test_labels_follow_the_printed_numbering(model):
    report = model.index(0, 0)
    assert report.data() == "เทศบาลตำบลบางรัก ๒๕๖๗"
    assert labels(model, report) == [
        "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวนทั้งหมด ๓ ข้อ ดังนี้",
        "๒. มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น จำนวน ๑ ข้อ",
    ]
    iit = group_index(model, 0, 0)
    assert iit.data() == "๑.๑ ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน ๒ ข้อ"
    assert labels(model, iit) == [
        "(๑) มาตรการเกี่ยวกับการใช้รถส่วนกลาง (ข้อ I20 และ I21 เดิม)",
        "(๒) มาตรการเกี่ยวกับงบประมาณ (ข้อ I7)",
    ]
    # A lone measure is printed without a number.
    assert labels(model, group_index(model, 0, 1)) == ["มาตรการเกี่ยวกับเว็บไซต์ (ข้อ O2)"]


def test_marker_on_measures_with_empty_parts(model):
    iit = group_index(model, 0, 0)
    complete, empty = model.index(0, 0, iit), model.index(1, 0, iit)
    assert complete.data(EMPTY_PARTS_ROLE) == []
    assert complete.data(Qt.ItemDataRole.DecorationRole) is None
    assert empty.data(EMPTY_PARTS_ROLE) == ["steps", "responsible", "summary", "outcome"]
    assert not empty.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "Responsible unit" in empty.data(Qt.ItemDataRole.ToolTipRole)


def test_numbering_and_counts_update_live_and_undo(model, document, qtmodeltester):
    iit = document.report.sections[0].groups[0]
    document.add_measure(iit.id, 0, None)
    qtmodeltester.check(model)
    assert group_index(model, 0, 0).data().endswith("จำนวน ๓ ข้อ")
    assert labels(model, group_index(model, 0, 0))[1].startswith("(๒) มาตรการเกี่ยวกับการใช้รถส่วนกลาง")
    document.move_measure(iit.measures[2].id, iit.id, 0)
    assert labels(model, group_index(model, 0, 0))[0].startswith("(๑) มาตรการเกี่ยวกับงบประมาณ")
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert labels(model, group_index(model, 0, 0))[0].startswith("(๑) มาตรการเกี่ยวกับการใช้รถส่วนกลาง")


def test_a_title_edit_changes_only_its_row(model, document, qtbot):
    measure = document.report.sections[0].groups[0].measures[1]
    with qtbot.waitSignal(model.dataChanged):
        document.set_measure_field(measure.id, "title", "มาตรการใหม่")
    assert labels(model, group_index(model, 0, 0))[1] == "(๒) มาตรการใหม่ (ข้อ I7)"


def test_drag_a_measure_into_another_group(model, document, qtmodeltester):
    iit = group_index(model, 0, 0)
    dragged = model.mimeData([model.index(0, 0, iit)])
    oit = group_index(model, 0, 1)
    assert model.canDropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, oit)
    assert not model.canDropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, model.index(0, 0))
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, oit)
    qtmodeltester.check(model)
    assert labels(model, group_index(model, 0, 1))[0].startswith("(๑) มาตรการเกี่ยวกับการใช้รถส่วนกลาง")
    assert labels(model, group_index(model, 0, 0)) == ["มาตรการเกี่ยวกับงบประมาณ (ข้อ I7)"]
    document.undo_stack.undo()
    assert len(labels(model, group_index(model, 0, 0))) == 2


def test_drag_down_within_a_group_lands_where_dropped(model, document):
    iit = group_index(model, 0, 0)
    dragged = model.mimeData([model.index(0, 0, iit)])
    model.dropMimeData(dragged, Qt.DropAction.MoveAction, 2, 0, iit)  # below the last row
    assert [m.title for m in document.report.sections[0].groups[0].measures] == [
        "มาตรการเกี่ยวกับงบประมาณ", "มาตรการเกี่ยวกับการใช้รถส่วนกลาง"]


def test_search_keeps_matches_and_their_ancestors(model, qtmodeltester):
    proxy = TreeSearchProxy()
    proxy.setSourceModel(model)
    proxy.set_search("สำนักปลัด")  # text of a part, not of the title
    qtmodeltester.check(proxy)
    report = proxy.index(0, 0)
    section = proxy.index(0, 0, report)
    group = proxy.index(0, 0, section)
    assert proxy.rowCount(report) == 1 and proxy.rowCount(section) == 1
    assert [proxy.index(r, 0, group).data(KIND_ROLE) for r in range(proxy.rowCount(group))] == ["measure"]
    assert proxy.index(0, 0, group).data().startswith("(๑) มาตรการเกี่ยวกับการใช้รถส่วนกลาง")
    proxy.set_search("")
    assert proxy.rowCount(report) == 2


def test_report_header_typing_touches_only_the_report_row_but_the_digit_switch_all(model, document, qtbot):
    changed = []
    model.dataChanged.connect(lambda first, last: changed.append((model.node(first).kind, first.row(), last.row())))
    document.set_report_field("agency", "เทศบาลเมืองใหม่")
    assert changed == [("report", 0, 0)]
    assert model.index(0, 0).data().startswith("เทศบาลเมืองใหม่")
    changed.clear()
    document.set_report_field("thai_digits", False)
    assert len(changed) > 3  # every level, since every label carries numbers
    section = model.index(0, 0, model.index(0, 0))
    assert section.data().startswith("1. ")


@pytest.mark.parametrize(("language", "label"), [
    ("en", "1 measure, no group heading"),
    ("th", "มาตรการ จำนวน ๑ ข้อ (ไม่มีหัวข้อกลุ่ม)"),
])
def test_a_group_printed_without_a_heading_is_named_in_the_uis_language(model, language, label):
    """The English tree read "Measures จำนวน ๑ ข้อ": half the UI's word, half the printed count."""
    from ita_desktop import i18n

    previous = i18n.current_language()
    i18n.set_language(language)
    try:
        assert group_index(model, 1, 0).data() == label
    finally:
        i18n.set_language(previous)


def test_the_headingless_groups_count_in_thai_follows_the_reports_digits(model, document):
    from ita_desktop import i18n

    previous = i18n.current_language()
    i18n.set_language("th")
    document.report.thai_digits = False
    try:
        assert group_index(model, 1, 0).data() == "มาตรการ จำนวน 1 ข้อ (ไม่มีหัวข้อกลุ่ม)"
    finally:
        i18n.set_language(previous)
