"""The pre-print dialog lists the report's problems, jumps to them and re-checks as the clerk edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ita_desktop.ui.preprint_dialog import PreprintDialog, show_preprint_check

# The offscreen platform says so whenever a top-level window is shown; harmless.
SHOWN_WINDOW = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _rows(dialog):
    return [(dialog.tree.topLevelItem(i).text(0), dialog.tree.topLevelItem(i).text(1))
            for i in range(dialog.tree.topLevelItemCount())]


def test_lists_problems_and_jumps_to_the_measure(document, qtbot):
    dialog = PreprintDialog(document)
    qtbot.addWidget(dialog)
    second = document.report.sections[0].groups[0].measures[1]
    rows = _rows(dialog)
    assert len(rows) == len(dialog.problems) > 0
    index = next(i for i, p in enumerate(dialog.problems) if p.node_id == second.id and p.code == "empty-parts")
    assert "(๒) มาตรการเกี่ยวกับงบประมาณ" in rows[index][0]
    assert rows[index][1].startswith("Empty parts")
    with qtbot.waitSignal(dialog.jumpTo) as jumped:
        dialog.tree.itemActivated.emit(dialog.tree.topLevelItem(index), 0)
    assert jumped.args == ["measure", second.id]


@SHOWN_WINDOW
def test_rechecks_after_an_edit(document, qtbot):
    dialog = show_preprint_check(None, document)
    qtbot.addWidget(dialog)
    second = document.report.sections[0].groups[0].measures[1]
    assert any(p.node_id == second.id and p.code == "no-responsible-unit" for p in dialog.problems)
    document.set_measure_field(second.id, "responsible", "กองคลัง")
    qtbot.waitUntil(lambda: not any(p.node_id == second.id and p.code == "no-responsible-unit"
                                    for p in dialog.problems), timeout=2000)


@SHOWN_WINDOW
def test_jump_callback_and_report_header_rows(document, qtbot):
    document.set_report_field("agency", "")
    seen = []
    dialog = show_preprint_check(None, document, jump_to=lambda kind, node: seen.append((kind, node)))
    qtbot.addWidget(dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    assert _rows(dialog)[0] == ("Report header", "The agency's name is empty.")
    dialog.tree.itemActivated.emit(dialog.tree.topLevelItem(0), 0)
    assert seen == [("report", document.report_id)]


def test_the_thai_summary_counts_in_thai_digits(document, qtbot):
    from ita_desktop.ui.qt_translation import language_notifier

    notifier = language_notifier()
    notifier.switch_language("th")
    try:
        dialog = PreprintDialog(document)
        qtbot.addWidget(dialog)
        text = dialog.summary.text()
        assert text.startswith("พบ ") and not any(ch.isascii() and ch.isdigit() for ch in text), text
    finally:
        notifier.switch_language("en")


# The offscreen platform has no window stacking: it says so for raise() and size hints.
OFFSCREEN_ONLY = pytest.mark.qt_log_ignore("This plugin does not support")


def _open_checks(window) -> list[PreprintDialog]:
    return [dialog for dialog in window.findChildren(PreprintDialog) if dialog.isVisible()]


@OFFSCREEN_ONLY
def test_f7_again_brings_back_the_same_check_window(window, qtbot):
    window.file_ops.preprint_check()
    window.file_ops.preprint_check()
    assert len(_open_checks(window)) == 1


@OFFSCREEN_ONLY
def test_exporting_a_pdf_puts_the_check_window_away_for_good(window, tmp_path, monkeypatch, qtbot):
    """Seen as a clerk: the check window, left open, came back over the file dialog and the progress."""
    from ita_desktop.ui import print_preview
    from tests.ui.test_print_preview import one_page_per_measure

    window.file_ops.preprint_check()
    assert _open_checks(window)
    open_while_rendering = []

    def renderer(*args, **kwargs):
        open_while_rendering.append(len(_open_checks(window)))
        return one_page_per_measure(*args, **kwargs)

    target = tmp_path / "out.pdf"
    monkeypatch.setattr(print_preview, "ask_pdf_path", lambda parent, suggested: target)
    real = print_preview.render_pdf
    monkeypatch.setattr(print_preview, "render_pdf",
                        lambda parent, document, path, _renderer=None: real(parent, document, path, renderer))
    window.file_ops.export_pdf()
    qtbot.wait(10)
    assert target.is_file() and open_while_rendering == [0] and _open_checks(window) == []


@OFFSCREEN_ONLY
def test_opening_another_file_closes_the_check_of_the_one_closed(window, tmp_path, qtbot):
    """Reusing the open check after another file was opened read the closed file (a review found it)."""
    from ita_desktop.ui.document import ReportDocument
    from tests.helpers import small_report

    other = tmp_path / "other.ita"
    ReportDocument.create(other, small_report()).close()
    window.file_ops.preprint_check()
    assert window.open_path(other)
    assert _open_checks(window) == []
    window.file_ops.preprint_check()  # F7 on the new file: a check of it, not of the closed one
    [check] = _open_checks(window)
    assert check.document is window.document and check.problems is not None
