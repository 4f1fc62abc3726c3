"""Opening another file never drops a document whose last edit could not be written: it stays, the clerk is told."""

from __future__ import annotations

import sqlite3

import pytest

from ita_desktop.store.report_store import ReportStore
from ita_desktop.ui.document import ReportDocument
from tests.helpers import small_report


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_failed_save_keeps_the_document_open(window, tmp_path, monkeypatch):
    other = tmp_path / "other.ita"
    ReportDocument.create(other, small_report()).close()
    kept = window.document
    warnings = []
    monkeypatch.setattr(window, "warn", lambda title, text: warnings.append(text))

    def disk_refuses(report_id, **fields):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(kept.store, "update_report", disk_refuses)
    kept.set_report_field("agency", "พิมพ์แล้วยังไม่ลงดิสก์")

    assert not window.open_path(other)
    assert window.document is kept and kept.has_unsaved_changes()
    assert kept.report.agency == "พิมพ์แล้วยังไม่ลงดิสก์"
    assert warnings and str(kept.path) in warnings[0] and "could not be written" in warnings[0]
    with ReportStore.open(other) as store:  # the other file was let go again, not left half-open
        assert store.list_reports()

    monkeypatch.undo()  # the disk takes writes again: the edit is saved, then the other file opens
    assert window.open_path(other)
    assert window.document is not kept and window.document.path == other
    with ReportStore.open(kept.path) as store:
        assert store.load_report(kept.report_id).agency == "พิมพ์แล้วยังไม่ลงดิสก์"
