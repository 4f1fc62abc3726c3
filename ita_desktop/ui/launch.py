"""Start the Qt application: fonts, translations, settings, the file to open, and the main window."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from ita_desktop.paths import user_data_dir
from ita_desktop.sample_file import sample_file


def _install_excepthook(window_getter) -> None:
    """An error in a slot shows a message and is logged; queued text is written first."""
    log_path = user_data_dir() / "ita-desktop.log"

    def hook(kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        try:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            with log_path.open("a", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError:
            pass
        if sys.stderr is not None:  # a windowed exe has none
            sys.stderr.write(text)
        window = window_getter()
        if window is not None and window.document is not None:
            window.document.flush()
        from PySide6.QtWidgets import QMessageBox

        from ita_desktop.i18n import _

        QMessageBox.critical(window, "ITA Desktop",
                             _("Something went wrong: {error}\nYour work is saved. Details: {log}").format(
                                 error=value, log=log_path))

    sys.excepthook = hook


def launch(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ita_desktop.ui.thai_line_breaks import load_bundled_libthai

    load_bundled_libthai()  # before Qt first breaks a Thai line
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ITA Desktop")
    app.setOrganizationName("ita-desktop")

    from ita_desktop import i18n
    from ita_desktop.ui.settings import AppSettings

    settings = AppSettings()
    i18n.set_language(os.environ.get("ITA_DESKTOP_LANG") or settings.get("ui/language") or None)
    from ita_desktop.ui.app_fonts import register_fonts
    from ita_desktop.ui.qt_translation import install

    register_fonts(app)
    install(app)

    from ita_desktop.ui.main_window import MainWindow

    window = MainWindow(settings)
    _install_excepthook(lambda: window)
    smoke = os.environ.get("ITA_DESKTOP_SMOKE") == "1"
    problems: list[str] = []
    if smoke:
        # No modal box in a smoke run or benchmark: it would wait forever for a click.
        def note(_title: str, text: str) -> None:
            problems.append(text)
            print(text, file=sys.stderr, flush=True)

        window.warn = note
    if getattr(args, "file", None):
        window.open_path(args.file)
    elif getattr(args, "demo", False):
        try:
            window.open_path(sample_file())
        except Exception as error:  # the sample is a convenience: the window still opens
            window.warn("ITA Desktop", str(error))
    else:
        last = settings.get("files/last")
        if last and Path(last).exists():
            window.open_path(last)
    window.show()
    if smoke:
        # Smoke test and start-up benchmark: quit as soon as the first frame is up.
        def ready() -> None:
            from ita_desktop.ui.thai_line_breaks import sample_thai_lines

            print("thai-lines: " + "|".join(sample_thai_lines()), flush=True)  # checked in built apps
            print("ready" if not problems else "failed", flush=True)
            window.close()
            app.exit(1 if problems else 0)

        QTimer.singleShot(0, ready)
    return app.exec()
