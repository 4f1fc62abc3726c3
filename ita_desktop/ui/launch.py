"""Start the Qt application and show the main window (placeholder until the editor lands)."""

from __future__ import annotations

import argparse
import sys


def launch(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("ITA Desktop")
    label.setWindowTitle("ITA Desktop")
    label.resize(640, 400)
    label.show()
    return app.exec()
