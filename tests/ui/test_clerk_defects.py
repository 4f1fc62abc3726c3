"""Defects a clerk hit (issue 15), each checked where it showed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.settings import AppSettings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_empty_windows_hint_is_centred(qtbot, tmp_path):
    window = MainWindow(AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.placeholder.alignment() & Qt.AlignmentFlag.AlignHCenter
    assert window.placeholder.wordWrap()


def test_dialogs_from_the_sample_start_outside_the_hidden_data_folder(tmp_path, monkeypatch):
    from ita_desktop.paths import user_data_dir
    from ita_desktop.ui.file_dialogs import clerk_folder

    sample = user_data_dir() / "sample" / "ang-thong-2566.ita"
    assert not clerk_folder(sample).startswith(str(user_data_dir()))
    own = tmp_path / "work" / "report.ita"
    own.parent.mkdir()
    assert clerk_folder(own) == str(own.parent.resolve())


def test_new_report_from_the_sample_proposes_the_clerks_folder(window, monkeypatch):
    from ita_desktop.paths import user_data_dir
    from ita_desktop.ui import file_actions

    proposed = []
    monkeypatch.setattr(file_actions, "ask_save", lambda parent, title, start, name_filter: proposed.append(start)
                        or "")
    monkeypatch.setattr(type(window.document), "path", property(lambda self: user_data_dir() / "demo.ita"))
    window.file_ops.new_report()
    assert proposed and not proposed[0].startswith(str(user_data_dir()))


def test_pdf_export_says_where_the_file_went(window, tmp_path, monkeypatch):
    from ita_desktop.ui import print_preview
    from tests.ui.test_print_preview import one_page_per_measure

    target = tmp_path / "out.pdf"
    monkeypatch.setattr(print_preview, "ask_pdf_path", lambda parent, suggested: target)
    real = print_preview.render_pdf
    monkeypatch.setattr(print_preview, "render_pdf",
                        lambda parent, document, path, renderer=None: real(parent, document, path,
                                                                          one_page_per_measure))
    window.file_ops.export_pdf()
    assert target.is_file() and str(target) in window.statusBar().currentMessage()


def test_the_precheck_counts_in_thai_digits_in_thai(document, qtbot):
    from ita_desktop import i18n
    from ita_desktop.ui.preprint_dialog import PreprintDialog

    previous = i18n.current_language()
    i18n.set_language("th")
    try:
        dialog = PreprintDialog(document)
        qtbot.addWidget(dialog)
        text = dialog.summary.text()
    finally:
        i18n.set_language(previous)
    assert dialog.problems and not any(ch.isascii() and ch.isdigit() for ch in text), text


def _mnemonics(menu) -> list[str]:
    import re

    letters = []
    for action in menu.actions():
        found = re.search(r"&(\w)", action.text().replace("&&", ""))
        if found and not action.isSeparator():
            letters.append(found.group(1).lower())
    return letters


@pytest.mark.parametrize("language", ["en", "th"])
def test_no_two_items_of_a_menu_share_a_mnemonic(window, language):
    window.switch_language(language)
    try:
        for menu in [*window.menus.values(), window.report_menu.menu]:
            letters = _mnemonics(menu)
            assert len(letters) == len(set(letters)), (menu.title(), letters)
    finally:
        window.switch_language("en")


def test_undo_and_redo_icons_are_not_back_and_forward_arrows(window):
    from PySide6.QtWidgets import QStyle

    undo = window.actions_by_name["undo"].icon().pixmap(16, 16).toImage()
    back = window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack).pixmap(16, 16).toImage()
    redo = window.actions_by_name["redo"].icon().pixmap(16, 16).toImage()
    assert not undo.isNull() and undo != back and undo != redo


def test_a_file_refused_at_start_up_is_reported_over_the_window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    window = MainWindow(AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(parent.isVisible()))
    assert not window.open_path(tmp_path / "missing.ita")  # as launch() does, before window.show()
    assert shown == []
    window.show()
    qtbot.waitUntil(lambda: shown == [True])
