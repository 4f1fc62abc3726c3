"""Spell check in the editor: a misspelt Thai word underlined, its suggestion applied, words added for good."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QTextCharFormat

from ita_desktop.model import Signatory
from ita_desktop.spelling import UserWords
from ita_desktop.ui.form_pages.fields import TextField
from ita_desktop.ui.spell_check import SpellCheck
from tests.ui.test_main_window import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _checking(qtbot, document, field: TextField) -> SpellCheck:
    spelling = SpellCheck(document)
    spelling.attach(field)
    qtbot.waitUntil(spelling.ready, timeout=30_000)  # the dictionaries load on a helper thread
    return spelling


def _underlined(field: TextField, spelling: SpellCheck, qtbot) -> list[str]:
    qtbot.waitUntil(lambda: spelling.pending_count() == 0)
    words = []
    block = field.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                words.append(block.text()[fmt.start:fmt.start + fmt.length])
        block = block.next()
    return words


def _position_in(field: TextField, word: str):
    cursor = field.textCursor()
    cursor.setPosition(field.toPlainText().index(word) + 1)
    return field.cursorRect(cursor).center()


def test_a_misspelt_word_is_underlined_and_its_suggestion_applied(qtbot, window):
    measure = window.document.report.measures[0]
    window.editor.select("measure", measure.id)
    form = window.editor.measure_form
    field = next(b.widget for b in form.bindings if b.key == "summary")
    spelling = window.editor.spelling
    qtbot.waitUntil(spelling.ready, timeout=30_000)
    field.setFocus()
    field.selectAll()
    type_text(field, "ใช้งบประมาน ตามแผน")
    assert _underlined(field, spelling, qtbot) == ["งบประมาน"]
    menu = spelling.context_menu(field, _position_in(field, "งบประมาน"))
    offered = [action.text() for action in menu.actions()]
    assert offered[0] == "งบประมาณ" and any("งบประมาน" in text for text in offered[1:3])  # then "Add …"
    assert "Select All" in " ".join(offered).replace("&", "")  # the field's own menu stays below
    menu.actions()[0].trigger()
    assert measure.summary == "ใช้งบประมาณ ตามแผน"
    assert _underlined(field, spelling, qtbot) == []
    window.actions_by_name["undo"].trigger()
    assert measure.summary != "ใช้งบประมาณ ตามแผน"


def test_the_reports_own_names_are_known(qtbot, document):
    field = TextField()
    qtbot.addWidget(field)
    spelling = _checking(qtbot, document, field)
    field.setPlainText("ประสานงานกับนางสาวพรพิมล ตันฑวณิช")
    assert _underlined(field, spelling, qtbot) == ["ฑวณิช"]  # a surname no dictionary has
    signatory = Signatory(role="ผู้ตรวจสอบ", name="นางสาวพรพิมล ตันฑวณิช", position="ปลัด")
    document.set_signatories([*document.report.signatories, signatory])  # now a name of this report
    qtbot.waitUntil(lambda: _underlined(field, spelling, qtbot) == [])


def test_a_word_added_to_the_dictionary_is_not_underlined_after_a_restart(qtbot, document, tmp_path):
    text = "ตรวจสอบโดยคณะกรรมการอิมพีชเมนต์"
    field = TextField()
    qtbot.addWidget(field)
    spelling = _checking(qtbot, document, field)
    field.setPlainText(text)
    (word,) = _underlined(field, spelling, qtbot)
    assert word in text
    menu = spelling.context_menu(field, _position_in(field, word))
    add = next(a for a in menu.actions() if "dictionary" in a.text())
    add.trigger()
    assert _underlined(field, spelling, qtbot) == []
    assert word in UserWords().words  # written to the user's own list

    # Another process (the program started again) reads the word from the user's list.
    script = ("from ita_desktop.spelling import SpellChecker, UserWords; "
              f"print(len(SpellChecker(UserWords().words).misspelt({text!r})))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env=dict(os.environ))
    assert done.stdout.strip() == "0"
    restarted = TextField()  # and a new checker in this one
    qtbot.addWidget(restarted)
    again = _checking(qtbot, document, restarted)
    restarted.setPlainText(text + "\n" + text)
    assert _underlined(restarted, again, qtbot) == []
    assert again.user_words is not spelling.user_words


def test_rechecking_is_not_taken_for_typing(qtbot, document):
    field = TextField()
    qtbot.addWidget(field)
    edits = []
    field.edited.connect(edits.append)
    spelling = _checking(qtbot, document, field)
    field.set_value("\n".join(f"โครงการร ครั้งที่ {n}" for n in range(400)))
    assert len(_underlined(field, spelling, qtbot)) == 400
    spelling.add_word("โครงการร")
    assert _underlined(field, spelling, qtbot) == [] and edits == []


def test_one_line_fields_are_checked_too(qtbot, window):
    spelling = window.editor.spelling
    qtbot.waitUntil(spelling.ready, timeout=30_000)
    measure = window.document.report.measures[0]
    window.editor.select("measure", measure.id)
    title = window.editor.measure_form.bindings[2].widget
    title.setFocus()
    title.selectAll()
    type_text(title, "มาตรการด้านงบประมาน")
    underliner = next(u for u in spelling.line_underliners if u.field is title)
    qtbot.waitUntil(lambda: underliner.underlined == [(11, 19)])
    assert title.text() == measure.title == "มาตรการด้านงบประมาน"  # the marking changed no text
    menu = underliner.context_menu(title.cursorRect().center())
    assert menu.actions()[0].text() == "งบประมาณ"
    menu.actions()[0].trigger()
    assert measure.title == "มาตรการด้านงบประมาณ"
    qtbot.waitUntil(lambda: underliner.underlined == [])
