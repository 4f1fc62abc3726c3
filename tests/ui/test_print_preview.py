"""Rendering off the UI thread, the preview's page count, printing at printer resolution, Export PDF."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter

from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message
from ita_desktop.store.report_store import ReportStore
from ita_desktop.ui.print_preview import export_pdf, preview_dialog, print_pdf
from ita_desktop.ui.render_worker import RenderWorker, render_pdf

SHOWN_WINDOW = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def one_page_per_measure(ita_path, report_id, output, *, progress=None):
    """A stand-in renderer: one black-framed A4 page per measure, title as page text."""
    with ReportStore.open_reader(ita_path) as reader:
        report = reader.load_report(report_id)
    pdf = FPDF(format="A4")
    for index in range(len(report.measures)):
        pdf.add_page()
        pdf.rect(20, 20, 170, 257, style="F")
        if progress:
            progress(index + 1, len(report.measures))
    pdf.set_title("|".join(m.notes for m in report.measures))
    Path(output).write_bytes(bytes(pdf.output()))
    return len(report.measures)


def test_worker_runs_off_the_ui_thread_and_reports_progress(document, qtbot, tmp_path):
    threads, steps = [], []

    def renderer(*args, progress=None):
        threads.append(threading.current_thread())
        return one_page_per_measure(*args, progress=progress)

    worker = RenderWorker(document.path, document.report_id, tmp_path / "out.pdf", renderer)
    worker.progress.connect(lambda done, total: steps.append((done, total)))
    worker.run()  # synchronously here: the signals' content is what is checked
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert len(PdfReader(tmp_path / "out.pdf").pages) == 4
    assert render_pdf(None, document, tmp_path / "again.pdf", renderer) == tmp_path / "again.pdf"
    assert threads[-1] is not threading.main_thread()


@SHOWN_WINDOW
def test_preview_shows_the_right_page_count(document, qtbot):
    dialog = preview_dialog(None, document, one_page_per_measure)
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 4
    assert dialog.page_label.text() == "Page 1 of 4"
    assert dialog.pdf_path.is_file()


def test_typing_is_flushed_before_rendering(document, tmp_path):
    measure = document.report.measures[0]
    document.set_measure_field(measure.id, "notes", "พิมพ์ล่าสุด")  # still only queued for autosave
    export_pdf(None, document, tmp_path / "flushed.pdf", one_page_per_measure)
    assert PdfReader(tmp_path / "flushed.pdf").metadata.title.startswith("พิมพ์ล่าสุด|")


def test_cancel_stops_the_render_and_leaves_no_file(document, qtbot, tmp_path):
    started = threading.Event()

    def slow(ita_path, report_id, output, *, progress=None):
        started.set()
        for step in range(500):
            time.sleep(0.01)
            progress(step, 500)
        Path(output).write_bytes(b"%PDF-1.4")

    def press_cancel():
        from PySide6.QtWidgets import QApplication, QProgressDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                widget.canceled.emit()  # what its Cancel button does

    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: started.is_set() and press_cancel())
    timer.start()
    try:
        assert render_pdf(None, document, tmp_path / "never.pdf", slow) is None
    finally:
        timer.stop()
    assert not (tmp_path / "never.pdf").exists()


def test_a_failed_render_returns_none_with_the_clerks_message(document, tmp_path):
    def broken(*args, **kwargs):
        raise ReportFileError(Message("disk gone"))

    worker = RenderWorker(document.path, document.report_id, tmp_path / "x.pdf", broken)
    messages = []
    worker.failed.connect(messages.append)
    worker.run()
    assert messages == ["disk gone"]
    assert render_pdf(None, document, tmp_path / "x.pdf", broken, show_errors=False) is None


def test_print_paints_every_page_at_printer_resolution(document, tmp_path, qtbot):
    source = export_pdf(None, document, tmp_path / "source.pdf", one_page_per_measure)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(300)
    done = []
    assert print_pdf(source, printer, progress=lambda n, total: done.append((n, total))) == 4
    assert done[-1] == (4, 4)
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 4
    # The page arrives as an image of the printer's resolution (A4 at 300 dpi: 2480 px wide), in bands.
    images = printed.pages[0].images
    assert images and sum(image.image.height for image in images) >= 3500
    assert max(image.image.width for image in images) == 2480


def test_print_honours_the_page_range(document, tmp_path):
    source = export_pdf(None, document, tmp_path / "source.pdf", one_page_per_measure)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setResolution(150)
    printer.setFromTo(2, 3)
    assert print_pdf(source, printer) == 2
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 2


@SHOWN_WINDOW
def test_preview_of_the_real_pdf_has_the_rendered_page_count(document, qtbot, tmp_path):
    from ita_desktop.pdf import render_to_file

    stats = []

    def real(*args, progress=None):
        stats.append(render_to_file(*args, progress=progress))

    dialog = preview_dialog(None, document, real)
    qtbot.addWidget(dialog)
    assert stats[0].pages >= 1
    assert dialog.page_count() == stats[0].pages == len(PdfReader(dialog.pdf_path).pages)
    assert dialog.page_label.text() == f"Page 1 of {stats[0].pages}"


def _open_files_under(folder: Path) -> list[str]:
    """The files under ``folder`` this process holds open (Linux: /proc/self/fd)."""
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # the descriptor listdir itself used
        if target.startswith(str(folder)):
            held.append(target)
    return held


@SHOWN_WINDOW
@pytest.mark.posix  # /proc/self/fd
def test_closing_the_preview_closes_its_pdf_and_removes_the_temporary_copy(document, qtbot):
    """Windows cannot delete an open file: the preview must let go of its PDF before the copy is removed."""
    dialog = preview_dialog(None, document, one_page_per_measure)
    qtbot.addWidget(dialog)
    folder = dialog.pdf_path.parent
    assert _open_files_under(folder) == [str(dialog.pdf_path)]  # QPdfDocument reads it while shown
    dialog.accept()
    assert _open_files_under(folder) == []
    assert not folder.exists()
    assert dialog.page_count() == 4


@SHOWN_WINDOW
def test_export_over_a_pdf_open_in_a_viewer_asks_to_close_it(document, qtbot, tmp_path, monkeypatch):
    """Windows will not replace a PDF a viewer holds: the clerk is told to close it there, the old one stays."""
    dialog = preview_dialog(None, document, one_page_per_measure)
    qtbot.addWidget(dialog)
    target = tmp_path / "รายงาน.pdf"
    target.write_bytes(b"the copy the viewer shows")

    def held(_source, _target):
        error = PermissionError(13, "The process cannot access the file because it is being used")
        error.winerror = 32
        raise error

    warnings = []
    monkeypatch.setattr("ita_desktop.ui.print_preview.ask_pdf_path", lambda *_args: target)
    monkeypatch.setattr("ita_desktop.atomic_file.os.replace", held)
    monkeypatch.setattr("ita_desktop.atomic_file.REPLACE_RETRY_DELAYS_S", (0,))
    monkeypatch.setattr("ita_desktop.ui.print_preview.QMessageBox.warning", lambda *args: warnings.append(args[2]))
    assert dialog.export() is None
    assert len(warnings) == 1 and "Close it in the other program" in warnings[0]
    assert target.read_bytes() == b"the copy the viewer shows"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no .part left


@SHOWN_WINDOW
def test_export_copies_this_very_pdf(document, qtbot, tmp_path, monkeypatch):
    dialog = preview_dialog(None, document, one_page_per_measure)
    qtbot.addWidget(dialog)
    monkeypatch.setattr("ita_desktop.ui.print_preview.ask_pdf_path", lambda *_args: tmp_path / "copy.pdf")
    assert dialog.export() == tmp_path / "copy.pdf"
    assert (tmp_path / "copy.pdf").read_bytes() == dialog.pdf_path.read_bytes()
