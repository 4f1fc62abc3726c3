"""Thai on screen breaks and elides between words: table cells, headers, form labels, tree titles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from ita_desktop.ui import word_breaks
from ita_desktop.ui.form_pages.table_field import TableField
from ita_desktop.ui.word_breaks import elide_words, fit_lines, with_break_hints, wrap_words
from ita_desktop.ui.word_label import WordLabel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
WORDS = ["ปรับปรุง", "เว็บไซต์", "และ", "การ", "จัดซื้อจัดจ้าง", "ของ", "หน่วยงาน"]
TEXT = "".join(WORDS)


@pytest.fixture(scope="module")
def dictionary():
    word_breaks.load_dictionary()  # what the window's helper thread does once it is up
    assert word_breaks.dictionary_ready()


@pytest.fixture
def metrics(qapp):
    return QFontMetrics(QApplication.font())


def whole_words(lines: list[str]) -> bool:
    """Every line is a run of whole words of WORDS."""
    for line in lines:
        rest = line.replace("…", "")
        while rest:
            word = next((w for w in WORDS if rest.startswith(w)), None)
            if word is None:
                return False
            rest = rest[len(word):]
    return True


def test_lines_break_between_words_at_any_width(dictionary, metrics):
    for width in (40, 70, 100, 160, 260):
        lines = wrap_words(TEXT, metrics, width)
        assert "".join(lines) == TEXT and whole_words(lines), (width, lines)
        assert all(metrics.horizontalAdvance(line) <= width for line in lines if line not in WORDS)


def test_elided_titles_lose_whole_words(dictionary, metrics):
    title = "(๑) " + TEXT + " (ข้อ I20, I21)"
    width = metrics.horizontalAdvance(title) // 2
    middle = elide_words(title, metrics, width, Qt.TextElideMode.ElideMiddle)
    assert middle.startswith("(๑) ปรับปรุง") and middle.endswith("(ข้อ I20, I21)") and "…" in middle
    assert metrics.horizontalAdvance(middle) <= width
    right = elide_words(TEXT, metrics, metrics.horizontalAdvance(TEXT) // 2)
    assert right.endswith("…") and whole_words([right])
    lines = fit_lines(TEXT, metrics, metrics.horizontalAdvance(TEXT) // 4, 2)
    assert len(lines) == 2 and lines[1].endswith("…") and whole_words(lines)


def test_break_hints_are_for_display_only(dictionary):
    hinted = with_break_hints("เว็บไซต์จัดซื้อจัดจ้าง")
    assert hinted == "เว็บไซต์\u200bจัดซื้อจัดจ้าง" and hinted.replace("\u200b", "") == "เว็บไซต์จัดซื้อจัดจ้าง"


def test_a_form_label_wraps_between_compound_words(dictionary, qtbot, metrics):
    label = WordLabel()
    qtbot.addWidget(label)
    label.set_words("หน่วยงานผู้รับผิดชอบ")
    assert label.words() == "หน่วยงานผู้รับผิดชอบ"
    assert "\n" not in label.text()  # short enough for one line
    lines = wrap_words("หน่วยงานผู้รับผิดชอบ", metrics, metrics.horizontalAdvance("หน่วยงานผู้รับ"))
    assert lines == ["หน่วยงาน", "ผู้รับผิดชอบ"]


def test_tracking_table_numbers_narrow_headers_whole_cells_unbroken(dictionary, qtbot):
    field = TableField(6, narrow=(0,))
    qtbot.addWidget(field)
    field.resize(520, 300)
    field.show()
    field.set_headers(["ที่", "ปัญหา/ข้อบกพร่อง", "รายละเอียดการดำเนินการ", "ระยะเวลาแก้ไข", "สถานะ/ผลการดำเนินงาน",
                       "หมายเหตุ"])
    field.set_value([["1", "ปรับปรุงเว็บไซต์", "จัดซื้อจัดจ้างผ่านระบบ", "ทันที", "ดำเนินการแล้ว", ""]])
    header = field.table.horizontalHeader()
    assert header.sectionSize(0) < header.sectionSize(1) / 2  # "ที่" is not as wide as the text columns
    metrics = header.fontMetrics()
    for column in range(1, 6):
        lines = field.table.horizontalHeaderItem(column).text().split("\n")
        assert "".join(lines).replace(" ", "") == field._headers[column].replace(" ", "")
        assert all(metrics.horizontalAdvance(line) <= header.sectionSize(column) for line in lines
                   if len(wrap_words(line, metrics, 1)) > 1), (column, lines)
    delegate = field.table.itemDelegate()
    cell_lines = wrap_words("ปรับปรุงเว็บไซต์", field.table.fontMetrics(), field.table.columnWidth(1) - 8)
    assert type(delegate).__name__ == "WordWrapDelegate" and "เว็บ" not in [line[-4:] for line in cell_lines]
    assert field.value()[0][1] == "ปรับปรุงเว็บไซต์"  # the stored text has no break marks


def test_adding_a_row_puts_the_cursor_in_its_first_cell(qtbot):
    field = TableField(3)
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitActive(field)
    field.add_button.setFocus()
    field.add_button.click()
    qtbot.waitUntil(lambda: field.table.isAncestorOf(QApplication.focusWidget()))
    assert field.table.state() == field.table.State.EditingState
    assert field.table.currentRow() == 0 and field.table.currentColumn() == 0
