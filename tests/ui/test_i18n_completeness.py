"""The Thai catalogue covers every UI string in the source, and the Thai main window shows no English."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from ita_desktop.forms.labels import extract_labels
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget

import ita_desktop
from ita_desktop.paths import resource
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.qt_translation import language_notifier
from ita_desktop.ui.settings import AppSettings
from tests.helpers import small_report

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

PACKAGE = ita_desktop.__path__[0]  # the source folder the catalogue is extracted from
# Latin words a Thai UI may show: names of things, formats, assessment instruments, item codes.
# Also accelerators "(&F)" / "(F)", shortcuts "(Ctrl+F)" and file paths.
ALLOWED_LATIN = re.compile(r"\b(ITA|PDF|JSON|Word|IIT|EIT|OIT|English|Desktop|[IEO]\d+)\b|\(&?[A-Z]\)"
                           r"|\b(?:(?:Ctrl|Shift|Alt)\+)+\w+|\bF\d{1,2}\b|\S+\.(ita|docx|txt|json|pdf)\b")


def _messages(path: str) -> dict:
    with resource(path).open("rb") as handle:
        # a plural message is keyed by its singular msgid, as the extractor reports it
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m
                for m in read_po(handle, locale="th") if m.id}


def _translated(message) -> bool:
    """Every form filled in (a plural's msgstr is a tuple: ("",) is not empty to Python) and not fuzzy."""
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(forms) and not message.fuzzy


def test_every_msgid_of_the_template_has_a_thai_translation():
    template = _messages("translations/ita_desktop.pot")
    thai = _messages("translations/th/LC_MESSAGES/ita_desktop.po")
    missing = [key for key in template if key not in thai or not _translated(thai[key])]
    assert missing == []


def _source_msgids() -> set[tuple[str | None, str]]:
    """Every msgid of the code (as `make i18n` extracts it) and of the form definitions."""
    keywords = dict(DEFAULT_KEYWORDS, qt_string=((1, "c"), 2), Message=(1,), plural=(1, 2))
    found = {(context, message if isinstance(message, str) else message[0])
             for _file, _line, message, _comments, context in extract_from_dir(
                 str(PACKAGE), method_map=[("**.py", "python")], keywords=keywords)}
    forms = resources.files("ita_desktop.forms")
    for name in [entry.name for entry in forms.iterdir() if entry.name.endswith(".json")]:
        with forms.joinpath(name).open("rb") as handle:
            found |= {(None, message) for _line, _func, message, _comments in extract_labels(handle, {}, [], {})}
    return found


def test_the_template_holds_every_string_of_the_source():
    template = set(_messages("translations/ita_desktop.pot"))
    assert sorted(_source_msgids() - template, key=str) == []  # run `make i18n` and translate the new strings


def test_every_message_of_the_code_is_translated_into_thai():
    thai = _messages("translations/th/LC_MESSAGES/ita_desktop.po")
    found = _source_msgids()
    assert {msgid for _context, msgid in found} >= {"Empty parts: {parts}.", "Steps or method",
                                                   "line {line}: {text}"}  # Message(), forms, N_() all seen
    untranslated = sorted((key for key in found if key not in thai or not _translated(thai[key])),
                          key=str)
    assert untranslated == []  # run `make i18n`, then fill the empty msgstr


def _english_left(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip()]
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        texts.append(widget.text() if not isinstance(widget, QLineEdit) else "")
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        texts.append(widget.placeholderText())
    for action in widget.actions():
        texts += [action.text(), action.toolTip()]
    return [t for t in texts if re.search("[A-Za-z]", ALLOWED_LATIN.sub("", t.replace("&", "")))]


def test_the_thai_main_window_shows_no_english(qtbot, tmp_path):
    path = tmp_path / "report.ita"
    ReportDocument.create(path, small_report()).close()
    notifier = language_notifier()
    notifier.switch_language("th")
    try:
        window = MainWindow(AppSettings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        assert window.open_path(path)
        window.show()
        report = window.document.report
        group = report.sections[0].groups[0]
        for kind, row_id in [("section", report.sections[0].id), ("group", group.id),
                             ("measure", group.measures[0].id), ("report", -1)]:
            window.editor.select(kind, row_id)
        for menu in window.menus.values():
            menu.aboutToShow.emit()  # the recent-files menu fills itself on show
        english = {text for child in [window, *window.findChildren(QWidget)] for text in _english_left(child)}
        model = window.editor.model
        window.document.add_section("หัวข้อใหม่")  # an ungrouped group: "มาตรการ จำนวน … ข้อ"
        labels, pending = [], [model.index(0, 0)]
        while pending:
            index = pending.pop()
            labels.append(index.data())
            pending += [model.index(r, 0, index) for r in range(model.rowCount(index))]
        english |= {label for label in labels if re.search("[A-Za-z]", ALLOWED_LATIN.sub("", label))}
        assert sorted(english) == []
        window.close()
    finally:
        notifier.switch_language("en")
