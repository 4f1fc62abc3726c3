"""Fixtures shared by the editor's tests: a report document, a report file, a window with it open."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop.ui.document import ReportDocument
from tests.helpers import small_report


@pytest.fixture
def document(tmp_path, qtbot):
    """small_report() in a new file, open for editing; closed afterwards unless the test closed it."""
    doc = ReportDocument.create(tmp_path / "r.ita", small_report())
    yield doc
    if doc.store.db.conn:
        doc.close()


@pytest.fixture
def report_file(tmp_path) -> Path:
    """small_report() in a closed file."""
    path = tmp_path / "report.ita"
    ReportDocument.create(path, small_report()).close()
    return path


@pytest.fixture
def window(qtbot, report_file, tmp_path):
    """The main window, shown, with ``report_file`` open."""
    from ita_desktop.ui.main_window import MainWindow
    from ita_desktop.ui.settings import AppSettings

    win = MainWindow(AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert win.open_path(report_file)
    win.show()
    yield win
    win.close()
