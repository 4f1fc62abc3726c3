"""The PySide6 reference-count workaround: many None-returning data() calls leave None alive."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

import ita_desktop.ui  # noqa: F401 (applies the workaround)
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.tree_model import ReportTreeModel
from tests.helpers import small_report


def test_twenty_thousand_empty_lookups_keep_none_alive(tmp_path, qtbot):
    document = ReportDocument.create(tmp_path / "n.ita", small_report())
    model = ReportTreeModel(document)
    index = model.index(0, 0)
    for _ in range(20_000):  # more than None's ordinary reference count
        assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert sys.getrefcount(None) > 1000
    document.close()
