"""Print preview of the exact PDF (QtPdf), printing through QPrintDialog, and Export PDF."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QSize, QSizeF, QTemporaryDir
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.atomic_file import atomic_output
from ita_desktop.errors import ReportFileError
from ita_desktop.i18n import _
from ita_desktop.messages import Message
from ita_desktop.ui.file_dialogs import ask_save, clerk_folder
from ita_desktop.ui.qt_translation import language_notifier
from ita_desktop.ui.render_worker import Renderer, render_pdf
from ita_desktop.ui.screen_fit import ScreenPlacement
from ita_desktop.ui.settings import AppSettings

ZOOM_STEP = 1.25
PREVIEW_SIZE = QSize(900, 1180)  # an A4 page at a readable size, on a screen tall enough
BAND_ROWS = 1024  # a page is painted in bands: a 600 dpi A4 page at once would need ~140 MB


def _printer_pixels(points: float, dpi: int) -> int:
    return max(1, round(points / 72.0 * dpi))


def print_pdf(pdf_path: str | Path, printer: QPrinter,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Paint each page of the PDF onto ``printer`` at its resolution; returns the number of pages printed.

    Pages follow the printer's page range (From/To in the dialog); the PDF keeps its own margins,
    so the printer is set to full-page mode.
    """
    pdf = QPdfDocument()
    pdf.load(str(pdf_path))
    count = pdf.pageCount()
    first = max(printer.fromPage(), 1) - 1
    last = min(printer.toPage() or count, count) - 1
    printer.setFullPage(True)
    dpi = printer.resolution()
    painter = QPainter()
    if not painter.begin(printer):
        pdf.close()
        raise OSError(_("The printer could not be started."))
    printed = 0
    try:
        for index in range(first, last + 1):
            if printed:
                printer.newPage()
            size_pt = pdf.pagePointSize(index)
            full = QSize(_printer_pixels(size_pt.width(), dpi), _printer_pixels(size_pt.height(), dpi))
            paper = printer.pageLayout().fullRectPixels(dpi)
            # Centre the page on the paper (A4 on Letter) without scaling it.
            offset = QPoint(max(0, (paper.width() - full.width()) // 2), max(0, (paper.height() - full.height()) // 2))
            for top in range(0, full.height(), BAND_ROWS):
                band = QRect(0, top, full.width(), min(BAND_ROWS, full.height() - top))
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(full)
                options.setScaledClipRect(band)
                image: QImage = pdf.render(index, band.size(), options)
                painter.drawImage(offset + band.topLeft(), image)
            printed += 1
            if progress is not None:
                progress(printed, last - first + 1)
    finally:
        painter.end()
        pdf.close()
    return printed


def fit_zoom(viewport: QSize, page_points: QSizeF, pixels_per_point: float, margin: int,
             whole_page: bool) -> float:
    """QPdfView's zoom factor that shows a page's whole width (or, with ``whole_page``, the whole page)."""
    page_width = max(1.0, page_points.width() * pixels_per_point)
    page_height = max(1.0, page_points.height() * pixels_per_point)
    zoom = (viewport.width() - 2 * margin) / page_width
    if whole_page:
        zoom = min(zoom, (viewport.height() - 2 * margin) / page_height)
    return max(0.05, zoom)


class PrintPreviewDialog(QDialog):
    """Shows the rendered PDF page by page; Print… and Export PDF… act on exactly this PDF."""

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None, suggested_name: str = "",
                 settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.suggested_name = suggested_name or self.pdf_path.name
        self.pdf = QPdfDocument(self)
        self.pdf.load(str(self.pdf_path))
        self._page_count = self.pdf.pageCount()
        self.temporary_folder: QTemporaryDir | None = None  # the preview's own PDF, removed when it closes
        self.finished.connect(self._let_go_of_the_pdf)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        # Fitting is computed here: QPdfView's own FitInView left half a page out of sight.
        self.fitting: str | None = "width"  # "width", "page", or None once the clerk zooms
        self.view.viewport().installEventFilter(self)
        self.page_label = QLabel()
        self.zoom_in_button, self.zoom_out_button = QPushButton(), QPushButton()
        self.fit_width_button, self.fit_page_button = QPushButton(), QPushButton()
        self.print_button, self.export_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.zoom_in_button.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        self.fit_width_button.clicked.connect(lambda: self.fit("width"))
        self.fit_page_button.clicked.connect(lambda: self.fit("page"))
        self.print_button.clicked.connect(self.print_)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.accept)
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        bar = QHBoxLayout()
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button, self.fit_page_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        for button in (self.export_button, self.print_button, self.close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.placement = ScreenPlacement(settings or AppSettings(), "preview/placements", PREVIEW_SIZE)
        self.placement.apply(self)
        language_notifier().languageChanged.connect(self.retranslate)
        self.retranslate()

    def fit(self, how: str | None) -> None:
        """Zoom so the page's width ("width") or the whole page ("page") fits the view; None: leave the zoom."""
        self.fitting = how
        if how is None or self.pdf is None or self.page_count() == 0:
            return
        page = self.view.pageNavigator().currentPage()
        pixels_per_point = self.view.logicalDpiY() / 72.0
        margins = self.view.documentMargins()
        margin = max(margins.left(), margins.top(), margins.right(), margins.bottom())
        viewport = self.view.viewport().size()
        if how == "page":  # a page and the spacing under it
            viewport = QSize(viewport.width(), viewport.height() - self.view.pageSpacing())
        self.view.setZoomFactor(fit_zoom(viewport, self.pdf.pagePointSize(page), pixels_per_point, margin,
                                         how == "page"))
        if how == "page":
            self.view.pageNavigator().jump(page, QPointF(), 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize and self.fitting:
            self.fit(self.fitting)
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.placement.remember(self)
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.placement.remember(self)
        super().done(result)

    def page_count(self) -> int:
        return self._page_count

    def _let_go_of_the_pdf(self) -> None:
        """Close the PDF file and remove the preview's temporary copy as soon as the preview closes.

        QPdfDocument keeps its file open until the document itself is deleted (close() does not),
        and Windows cannot delete an open file: the copies would pile up in the temporary folder.
        """
        if self.pdf is None:
            return
        self.view.setDocument(QPdfDocument(self.view))  # an empty one: None makes Qt warn
        shiboken6.delete(self.pdf)
        self.pdf = None
        if self.temporary_folder is not None:
            self.temporary_folder.remove()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Print preview"))
        self.zoom_in_button.setText(_("Zoom in"))
        self.zoom_out_button.setText(_("Zoom out"))
        self.fit_width_button.setText(_("Fit width"))
        self.fit_page_button.setText(_("Whole page"))
        self.print_button.setText(_("Print…"))
        self.export_button.setText(_("Export PDF…"))
        self.close_button.setText(_("Close"))
        self._show_page_number()

    def _show_page_number(self, *_args) -> None:
        current = self.view.pageNavigator().currentPage() + 1
        # Thai digits in the Thai UI, as in the tree and the forms
        self.page_label.setText(Message("Page {page} of {count}", page=current, count=self.page_count()).text())

    def _zoom(self, factor: float) -> None:
        self.fitting = None
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    def print_(self) -> int:
        """Ask for a printer and print; returns the number of pages sent (0 when cancelled)."""
        return print_with_dialog(self, self.pdf_path)

    def export(self) -> Path | None:
        """Save a copy of this very PDF where the clerk chooses."""
        target = ask_pdf_path(self, self.suggested_name)
        if target is None:
            return None
        try:
            # Written aside and put in place like every PDF: a copy of it open in a viewer
            # (Windows will not replace it) gets "close it in the other program".
            with self.pdf_path.open("rb") as source, atomic_output(target) as output:
                shutil.copyfileobj(source, output)
        except ReportFileError as error:
            QMessageBox.warning(self, _("Export PDF"), error.message())
            return None
        except OSError as exc:
            QMessageBox.warning(self, _("Export PDF"), _("{path}: could not save ({error}).").format(
                path=target, error=exc.strerror))
            return None
        return target


def print_with_dialog(parent: QWidget | None, pdf_path: str | Path) -> int:
    """QPrintDialog, then :func:`print_pdf`; returns pages printed (0 if cancelled or failed)."""
    pdf = QPdfDocument()
    pdf.load(str(pdf_path))
    count = pdf.pageCount()
    pdf.close()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(Path(pdf_path).stem)
    printer.setFromTo(1, count)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, count)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    try:
        return print_pdf(pdf_path, printer)
    except OSError as exc:
        QMessageBox.warning(parent, _("Print"), str(exc))
        return 0


def suggested_pdf_name(document) -> str:
    """"<file name>.pdf" next to the .ita file (in Documents for the sample, not the hidden data folder)."""
    return str(Path(clerk_folder(Path(document.path))) / (Path(document.path).stem + ".pdf"))


def ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    path = ask_save(parent, _("Export PDF"), suggested, _("PDF files (*.pdf)"))
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else path + ".pdf")


# -- what the main window calls ------------------------------------------------------------
def preview_dialog(parent: QWidget | None, document, renderer: Renderer | None = None) -> PrintPreviewDialog | None:
    """Render the report (worker thread, progress) and build the preview dialog; None if cancelled."""
    folder = QTemporaryDir()
    if not folder.isValid():
        QMessageBox.warning(parent, _("Print preview"), _("No room for a temporary file."))
        return None
    pdf_path = render_pdf(parent, document, Path(folder.path()) / "preview.pdf", renderer)
    if pdf_path is None:
        return None
    dialog = PrintPreviewDialog(pdf_path, parent, suggested_pdf_name(document), getattr(parent, "settings", None))
    dialog.temporary_folder = folder  # removed when the dialog closes
    return dialog


def show_print_preview(parent: QWidget | None, document, renderer: Renderer | None = None) -> PrintPreviewDialog | None:
    """Ctrl+P: render, then show the preview (modal); returns the dialog after it closed."""
    dialog = preview_dialog(parent, document, renderer)
    if dialog is not None:
        dialog.exec()
    return dialog


def print_report(parent: QWidget | None, document, renderer: Renderer | None = None) -> int:
    """Render and print straight away through the print dialog; returns pages printed."""
    folder = QTemporaryDir()
    pdf_path = render_pdf(parent, document, Path(folder.path()) / "print.pdf", renderer)
    if pdf_path is None:
        return 0
    return print_with_dialog(parent, pdf_path)


def export_pdf(parent: QWidget | None, document, target: str | Path | None = None,
               renderer: Renderer | None = None) -> Path | None:
    """Ctrl+Shift+E: ask where (unless ``target`` is given) and render the PDF there."""
    path = Path(target) if target else ask_pdf_path(parent, suggested_pdf_name(document))
    if path is None:
        return None
    return render_pdf(parent, document, path, renderer)
