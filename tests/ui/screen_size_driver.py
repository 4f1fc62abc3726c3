"""Run in a subprocess on an offscreen screen of a given size: how the window and the preview fit it (JSON)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.print_preview import PrintPreviewDialog
from ita_desktop.ui.settings import AppSettings
from tests.helpers import small_report
from tests.ui.test_print_preview import one_page_per_measure


def rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main(folder: Path) -> None:
    app = QApplication.instance() or QApplication([])
    report_file = folder / "r.ita"
    if not report_file.exists():
        ReportDocument.create(report_file, small_report()).close()
    settings = AppSettings(folder / "settings.ini")
    window = MainWindow(settings)
    window.open_path(report_file)
    window.show()
    app.processEvents()
    status = window.statusBar()
    out = {"screen": rect(window.screen().availableGeometry()), "window": rect(window.frameGeometry()),
           "status_bar_bottom": status.mapTo(window, status.rect().bottomLeft()).y(),
           "window_height": window.height(), "minimum": [window.minimumSizeHint().width(),
                                                        window.minimumSizeHint().height()]}
    one_page_per_measure(report_file, window.document.report_id, folder / "p.pdf")
    dialog = PrintPreviewDialog(folder / "p.pdf", window, settings=settings)
    dialog.show()
    app.processEvents()
    out["preview"] = rect(dialog.frameGeometry())
    for how in ("page", "width"):
        dialog.fit(how)
        app.processEvents()
        page = dialog.pdf.pagePointSize(0)
        scale = dialog.view.zoomFactor() * dialog.view.logicalDpiY() / 72.0
        out[f"fit_{how}"] = {"page": [page.width() * scale, page.height() * scale],
                             "viewport": [dialog.view.viewport().width(), dialog.view.viewport().height()]}
    dialog.close()
    window.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
