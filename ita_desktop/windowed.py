"""Entry point of the windowed program (``ita-desktop.exe``, pythonw): what it would print reaches a message box.

A windowed Windows executable has no console: ``sys.stdout`` and ``sys.stderr`` are
None, so a start-up error, a wrong argument or ``--version`` would vanish without a
word. Here they are caught and shown in a message box (and a traceback is logged);
the command line's messages come from the console program, ``ita-desktop-cli``.
"""

from __future__ import annotations

import io
import sys
import traceback

APP_TITLE = "ITA Desktop"
_MB_ICONERROR = 0x10
_MB_ICONINFORMATION = 0x40


def has_console() -> bool:
    """True when something reads what this process writes to stdout and stderr."""
    return sys.stdout is not None and sys.stderr is not None


def show_message(text: str, *, error: bool) -> None:
    """A message box with ``text``: Qt's if it starts, else the Windows one (Qt itself may be what failed)."""
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - a box needs one
        (QMessageBox.critical if error else QMessageBox.information)(None, APP_TITLE, text)
    except Exception:  # noqa: BLE001 - the last way left to say anything
        if sys.platform == "win32":
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, text, APP_TITLE, _MB_ICONERROR if error else _MB_ICONINFORMATION)


def _log_crash(text: str) -> str:
    """Append ``text`` to the log in the user's data folder; returns the log's path ('' if unwritable)."""
    from ita_desktop.paths import user_data_dir

    log_path = user_data_dir() / "ita-desktop.log"
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError:
        return ""
    return str(log_path)


def main(argv: list[str] | None = None) -> int:
    """Run the program; without a console, anything it printed is shown in a box at the end."""
    from ita_desktop.__main__ import main as program_main

    if has_console():
        return program_main(argv)
    captured = io.StringIO()
    sys.stdout = sys.stderr = captured
    answered = False  # --help or --version: their text is the answer, shown even though all went well
    try:
        code = program_main(argv)
    except SystemExit as leaving:  # argparse: a usage error, --help, --version
        answered = True
        code = leaving.code if isinstance(leaving.code, int) else (0 if leaving.code is None else 1)
        if not isinstance(leaving.code, int | None):
            captured.write(str(leaving.code))
    except BaseException as error:  # noqa: BLE001 - nobody else would ever see it
        from ita_desktop.messages import Message

        log_path = _log_crash(traceback.format_exc())
        what = type(error).__name__ + ": " + str(error)
        captured.write(Message("ITA Desktop could not start: {error}\nDetails: {log}",
                               error=what, log=log_path or "-").text())
        code = 1
    text = captured.getvalue().strip()
    # After a window session that ended well, what was printed (a library's warning) is no news.
    if text and (code != 0 or answered):
        show_message(text, error=code != 0)
    return code
