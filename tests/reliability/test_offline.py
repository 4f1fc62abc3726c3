"""Offline, proven: no socket is opened during start, import, render and print preview; the suite runs in a
network namespace without any network (``unshare -n``)."""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys

import pytest

from tests.reliability.conftest import REPO


@pytest.fixture
def socket_attempts(monkeypatch):
    """Every way Python code reaches the network raises, and is recorded even if someone catches it."""
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network use during an offline test: {name}")
        return blocked

    monkeypatch.setattr(socket.socket, "__init__", refuse("socket()"))
    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform's own note
def test_no_socket_during_start_import_render_and_preview(socket_attempts, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ita_desktop.importing import recognise_text, save_recognised
    from ita_desktop.paths import sample_report_text
    from ita_desktop.pdf.render import render_to_file
    from ita_desktop.sample_file import sample_file
    from ita_desktop.store.report_store import ReportStore
    from ita_desktop.ui.launch import launch
    from ita_desktop.ui.print_preview import PrintPreviewDialog

    # Start: the real entry point (imports the sample on first start), quitting once the window is up.
    monkeypatch.setenv("ITA_DESKTOP_SMOKE", "1")
    QTimer.singleShot(20_000, QApplication.instance().quit)  # never hang the suite
    assert launch(argparse.Namespace(file=None, demo=True)) == 0
    assert sample_file().exists()
    # Import: the text importer into a new file.
    path = tmp_path / "imported.ita"
    with ReportStore.open(path, create=True) as store:
        report_id = save_recognised(store, recognise_text(sample_report_text(), "sample"))
    # Render and print preview.
    pdf = tmp_path / "report.pdf"
    stats = render_to_file(path, report_id, pdf)
    dialog = PrintPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    assert stats.pages >= 2 and dialog.page_count() == stats.pages
    assert socket_attempts == []


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.no_network  # the subset run again in a namespace without network: left out of `make test-fast`
@pytest.mark.skipif(os.environ.get("ITA_NO_NETWORK") == "1", reason="already inside the network namespace")
@pytest.mark.skipif(not _unshare_works(), reason="unshare -n is not permitted here (needs root or user namespaces)")
def test_tests_pass_without_any_network():
    """A chosen subset (store, importer, this offline test with its render, bad files) with no network at all."""
    probe = subprocess.run(["unshare", "-n", sys.executable, "-c",
                            "import socket\ns = socket.socket()\ns.settimeout(2)\n"
                            "print(s.connect_ex(('192.0.2.1', 80)))"], capture_output=True, text=True)
    assert probe.stdout.strip() == "101", probe  # ENETUNREACH: there is really no network in there
    subset = ["tests/store", "tests/importing", "tests/reliability/test_offline.py",
              "tests/reliability/test_bad_report_files.py"]
    env = {**os.environ, "ITA_NO_NETWORK": "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(["unshare", "-n", sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             *[s for s in subset if (REPO / s).exists()]],
                            capture_output=True, text=True, cwd=REPO, env=env, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
