"""Qt's own file dialog (the one Linux gets) in the UI's language: a kind of file and a BE date, not the
system's English type names ("SQL…ase" for a .ita) and a Christian-era "6 12 2026"."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from ita_desktop import i18n
from ita_desktop.ui.file_dialogs import DATE_COLUMN, TYPE_COLUMN, _dialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def thai():
    previous = i18n.current_language()
    i18n.set_language("th")
    yield
    i18n.set_language(previous)


def _details_of(qtbot, folder, name: str, name_filter: str = "ITA (*.ita)") -> list[str]:
    dialog = _dialog(None, "", str(folder), name_filter)
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    proxy = dialog.proxyModel()
    source: QFileSystemModel = proxy.sourceModel()
    with qtbot.waitSignal(source.directoryLoaded, timeout=10_000):
        source.setRootPath(str(folder))
    row = proxy.mapFromSource(source.index(str(folder / name)))
    return [proxy.index(row.row(), column, row.parent()).data() for column in (TYPE_COLUMN, DATE_COLUMN)]


def test_a_report_file_shows_its_kind_and_a_be_date_in_thai(qtbot, tmp_path, thai):
    report = tmp_path / "รายงาน.ita"
    report.write_bytes(b"SQLite format 3\x00" + bytes(100))  # what makes the system call it "SQLite3 database"
    moment = dt.datetime(2026, 12, 6, 21, 1)
    os.utime(report, (moment.timestamp(), moment.timestamp()))
    assert _details_of(qtbot, tmp_path, report.name) == ["ไฟล์รายงาน ITA", "๖ ธ.ค. ๒๕๖๙ ๒๑:๐๑"]


def test_other_files_and_folders_in_english(qtbot, tmp_path):
    previous = i18n.current_language()
    i18n.set_language("en")
    try:
        (tmp_path / "photo.JPG").write_bytes(b"")
        (tmp_path / "notes.xyz").write_bytes(b"")
        (tmp_path / "old reports").mkdir()
        assert _details_of(qtbot, tmp_path, "photo.JPG", "*")[0] == "Picture"
        assert _details_of(qtbot, tmp_path, "notes.xyz", "*")[0] == "XYZ file"
        assert _details_of(qtbot, tmp_path, "old reports", "*")[0] == "Folder"
    finally:
        i18n.set_language(previous)



def test_the_english_date_is_day_month_year_and_time(monkeypatch):
    """Worded from a fixed list of months: strftime's %b is the system locale's ("ธ.ค." on a Thai PC with the
    UI in English, found in review; this machine's C locale could not show that)."""
    from ita_desktop.ui.file_dialogs import file_time

    previous = i18n.current_language()
    i18n.set_language("en")
    try:
        assert file_time(dt.datetime(2026, 12, 6, 21, 1)) == "6 Dec 2026 21:01"
        assert file_time(dt.datetime(2027, 1, 31, 9, 5)) == "31 Jan 2027 09:05"
    finally:
        i18n.set_language(previous)


def test_the_detail_columns_are_as_wide_as_what_they_hold(qtbot, tmp_path, thai):
    from PySide6.QtWidgets import QTreeView

    (tmp_path / "รายงานปีงบประมาณ.ita").write_bytes(b"")
    dialog = _dialog(None, "", str(tmp_path), "ITA (*.ita)")
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    details = dialog.findChild(QTreeView, "treeView")
    source = dialog.proxyModel().sourceModel()
    with qtbot.waitSignal(source.directoryLoaded, timeout=10_000):
        source.setRootPath(str(tmp_path))
    qtbot.wait(10)
    metrics = details.fontMetrics()
    assert details.columnWidth(TYPE_COLUMN) >= metrics.horizontalAdvance("ไฟล์รายงาน ITA")
    assert details.columnWidth(DATE_COLUMN) >= metrics.horizontalAdvance("๖ ธ.ค. ๒๕๖๙ ๒๑:๐๑")
