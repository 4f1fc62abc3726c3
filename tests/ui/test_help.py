"""The manual (F1): offline pages in Thai and English, opened on the page of the focused form; every image there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ita_desktop.ui.help_browser import PAGES, HelpWindow, manual_folder

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

_LINK = re.compile(r'<(?:img|a)\b[^>]*?\b(src|href)="([^"]+)"')
_ANCHOR = re.compile(r'<a name="([^"]+)"')


def _shown(manual: HelpWindow) -> tuple[str, str]:
    source = manual.browser.source()
    return Path(source.toLocalFile()).name, source.fragment()


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_image_and_link_of_the_manual_exists(language):
    folder = manual_folder(language)
    assert sorted(p.stem for p in folder.glob("*.html")) == sorted(PAGES)
    images = 0
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<title>" in text and "</html>" in text, page.name
        for kind, target in _LINK.findall(text):
            name, _sep, anchor = target.partition("#")
            path = (folder / name).resolve()
            assert path.is_file(), f"{page.name} names {target}"
            if kind == "src":
                images += 1
                assert path.stat().st_size > 1000 and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            if anchor:
                assert anchor in _ANCHOR.findall(path.read_text(encoding="utf-8")), f"{page.name} → {target}"
    assert images >= 10


def test_f1_opens_the_page_of_the_focused_form(window, qtbot):
    measure = window.document.report.measures[0]
    window.editor.select("measure", measure.id)
    field = next(b.widget for b in window.editor.measure_form.bindings if b.key == "summary")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_F1)
    manual = window.findChild(HelpWindow)
    assert manual is not None and manual.isVisible()
    assert _shown(manual) == ("editor.html", "measure")
    assert "measure form" in manual.browser.toPlainText().lower()

    window.editor.select("report", -1)
    agency = window.editor.report_form.bindings[1].widget
    assert _shown(window.show_manual(agency)) == ("editor.html", "report")
    dialog = window.find_replace()
    dialog.open_for(replace=False)
    assert _shown(window.show_manual(dialog.find_edit)) == ("writing.html", "find")
    assert _shown(window.show_manual(window.editor.measure_form.photos)) == ("photos.html", "")


def test_the_manual_follows_the_language_and_its_contents_open_pages(qtbot, window):
    from ita_desktop.ui.qt_translation import language_notifier

    manual = window.show_manual(window.editor.tree)
    assert _shown(manual) == ("editor.html", "tree")
    assert manual.contents.count() == len(PAGES) and manual.contents.item(0).text() == "Contents"
    manual.contents.setCurrentRow(PAGES.index("backups"))
    assert _shown(manual) == ("backups.html", "")
    language_notifier().switch_language("th")
    try:
        assert manual.contents.item(0).text() == "สารบัญ"
        assert manual.browser.source().toLocalFile().endswith("th/backups.html")
        assert "สำเนารายวัน" in manual.browser.toPlainText()
    finally:
        language_notifier().switch_language("en")
