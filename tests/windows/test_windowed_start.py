"""The windowed program has no stdout/stderr (pythonw, a windowed .exe): what it says reaches a message box."""

from __future__ import annotations

import sys

import pytest

from ita_desktop import windowed


@pytest.fixture
def no_console(monkeypatch):
    """The message boxes shown by :func:`run_without_console`."""
    boxes: list[tuple[str, bool]] = []
    monkeypatch.setattr(windowed, "show_message", lambda text, *, error: boxes.append((text, error)))
    return boxes


def run_without_console(argv: list[str]) -> int:
    """windowed.main with no stdout/stderr, as in a windowed executable (set here: pytest's capture
    puts its own streams back after fixtures run)."""
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = None
    try:
        return windowed.main(argv)
    finally:
        sys.stdout, sys.stderr = saved


def test_a_wrong_argument_is_shown_in_a_box(no_console):
    assert run_without_console(["--no-such-option"]) == 2
    [(text, error)] = no_console
    assert error and "unrecognized arguments: --no-such-option" in text


def test_version_is_shown_in_a_box(no_console):
    from ita_desktop import __version__

    assert run_without_console(["--version"]) == 0
    assert no_console == [(__version__, False)]


def test_a_clerk_error_at_start_is_shown_in_a_box(no_console, tmp_path):
    missing = tmp_path / "ไม่มีไฟล์นี้.ita"
    assert run_without_console(["render", str(missing), "-o", str(tmp_path / "out.pdf")]) == 2
    [(text, error)] = no_console
    assert error and str(missing) in text


def test_a_crash_at_start_is_shown_and_logged(no_console, monkeypatch, tmp_path):
    def broken_launch(_args):
        raise RuntimeError("no Qt platform plugin could be initialized")

    monkeypatch.setattr("ita_desktop.ui.launch.launch", broken_launch)
    assert run_without_console([]) == 1
    [(text, error)] = no_console
    assert error and "could not start: RuntimeError: no Qt platform plugin" in text
    log = tmp_path / "user-data" / "ita-desktop.log"
    assert str(log) in text
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_a_warning_printed_during_a_session_that_ended_well_shows_no_box(no_console, monkeypatch):
    def session(_args):
        print("DeprecationWarning: something a library said", file=sys.stderr)
        return 0

    monkeypatch.setattr("ita_desktop.ui.launch.launch", session)
    assert run_without_console([]) == 0
    assert no_console == []


def test_with_a_console_nothing_is_captured(monkeypatch, capsys):
    monkeypatch.setattr(windowed, "show_message", lambda text, *, error: pytest.fail("no box with a console"))
    with pytest.raises(SystemExit):
        windowed.main(["--version"])
    assert capsys.readouterr().out.strip()
