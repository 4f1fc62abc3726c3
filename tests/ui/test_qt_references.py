"""Guard against the PySide6 6.12.0 bug that loses a reference to None per value returned to C++.

On Python 3.11 that aborts the interpreter ("deallocating None") after a few
thousand tree lookups or keystrokes; setup.cfg keeps that release out.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.tree_model import ReportTreeModel
from tests.helpers import small_report


def test_empty_lookups_through_cpp_keep_none_references(tmp_path, qtbot):
    document = ReportDocument.create(tmp_path / "n.ita", small_report())
    model = ReportTreeModel(document)
    index = model.index(0, 0)
    index.data(Qt.ItemDataRole.DecorationRole)  # warm caches before counting
    before = sys.getrefcount(None)
    for _ in range(2_000):
        assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert sys.getrefcount(None) >= before - 10
    document.close()
