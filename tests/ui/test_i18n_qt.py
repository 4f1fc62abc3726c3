"""Qt's own strings through the gettext catalogue, live language switching, the shipped catalogues."""

from __future__ import annotations

import gettext
import io

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit

from ita_desktop import i18n
from ita_desktop.paths import resource
from ita_desktop.ui import qt_translation
from ita_desktop.ui.qt_translation import language_notifier

PO = "translations/th/LC_MESSAGES/ita_desktop.po"
MO = "translations/th/LC_MESSAGES/ita_desktop.mo"


@pytest.fixture
def notifier(qapp):
    qt_translation.install(qapp)
    notifier = language_notifier()
    yield notifier
    notifier.switch_language("en")


def _menu_texts(widget) -> list[str]:
    menu = widget.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return texts


def test_translator_translates_cancel_in_thai(notifier):
    notifier.switch_language("th")
    assert QCoreApplication.translate("QGnomeTheme", "&Cancel") == "ยกเลิก(&C)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ยกเลิก"
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "ตกลง"


def test_translator_leaves_english_and_unknown_strings(notifier):
    notifier.switch_language("en")
    assert QCoreApplication.translate("QGnomeTheme", "&Cancel") == "&Cancel"
    notifier.switch_language("th")
    assert QCoreApplication.translate("QNoSuchContext", "Cancel") == "Cancel"
    # Qt asks this to choose the layout direction: it must stay untranslated (left to right).
    assert QCoreApplication.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == "QT_LAYOUT_DIRECTION"


def test_button_box_retranslates_live(qtbot, notifier):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Cancel"
    notifier.switch_language("th")
    assert cancel.text() == "ยกเลิก"
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "ตกลง"
    notifier.switch_language("en")
    assert cancel.text() == "Cancel"


def test_text_field_context_menus_in_thai(qtbot, notifier):
    notifier.switch_language("th")
    line, text = QLineEdit("ก"), QPlainTextEdit("ข")
    qtbot.addWidget(line)
    qtbot.addWidget(text)
    for texts in (_menu_texts(line), _menu_texts(text)):
        assert "เลิกทำ(&U)" in texts
        assert "วาง(&P)" in texts
        assert "เลือกทั้งหมด" in texts


class _Retranslating(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def retranslate(self) -> None:
        self.seen.append(i18n.current_language())


def test_switch_emits_language_changed_and_widgets_retranslate(qtbot, notifier):
    widget = _Retranslating()
    notifier.languageChanged.connect(widget.retranslate)
    with qtbot.waitSignal(notifier.languageChanged) as blocker:
        assert notifier.switch_language("th") == "th"
    assert blocker.args == ["th"]
    assert widget.seen == ["th"]
    assert i18n.current_language() == "th"
    notifier.switch_language("en")
    assert widget.seen == ["th", "en"]
    assert language_notifier() is notifier


def test_every_thai_message_is_translated():
    with resource(PO).open("rb") as handle:
        catalogue = read_po(handle, locale="th")
    untranslated = [m.id for m in catalogue if m.id and (m.fuzzy or not (m.string if isinstance(m.string, str)
                                                                          else all(m.string)))]
    assert untranslated == []
    assert len(catalogue) > 100


def test_compiled_catalogue_matches_po():
    compiled = gettext.GNUTranslations(io.BytesIO(resource(MO).read_bytes()))
    with resource(PO).open("rb") as handle:
        messages = [m for m in read_po(handle, locale="th") if m.id and isinstance(m.id, str)]
    for message in messages:
        found = (compiled.pgettext(message.context, message.id) if message.context
                 else compiled.gettext(message.id))
        assert found == message.string, message.id
