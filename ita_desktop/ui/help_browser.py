"""The user manual (F1), offline: HTML pages shipped in ``resources/manual/<language>/``, opened on the page of
whatever the clerk is working in."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n import _, current_language
from ita_desktop.paths import resource

# The pages in the order of the clerk's year (the contents list shows them so).
PAGES = ("index", "new-report", "import-word", "editor", "writing", "photos", "preprint-check", "print-pdf",
         "new-fiscal-year", "backups", "move-file", "shortcuts")
# Where F1 was pressed → the page (and part of it) that explains it. Matched by class name, nearest
# ancestor first, so a widget moving to another module keeps its page.
CONTEXT_PAGES = {
    "FindReplacePanel": "writing.html#find",
    "PhotosPanel": "photos.html",
    "PhotoPreview": "photos.html",
    "PreprintDialog": "preprint-check.html",
    "PrintPreviewDialog": "print-pdf.html",
    "BackupDialog": "backups.html",
    "CatalogueDialog": "editor.html#catalogue",
    "ReportForm": "editor.html#report",
    "SectionForm": "editor.html#sections",
    "GroupForm": "editor.html#sections",
    "MeasureForm": "editor.html#measure",
    "ReportTreeModel": "editor.html#tree",
    "EditorView": "editor.html",
}
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def manual_folder(language: str) -> Path:
    """The folder of one language's pages (a real folder: the package is installed unzipped)."""
    return Path(str(resource(f"manual/{language if language in ('th', 'en') else 'en'}")))


def page_title(language: str, page: str) -> str:
    text = (manual_folder(language) / f"{page}.html").read_text(encoding="utf-8")
    found = _TITLE.search(text)
    return found.group(1).strip() if found else page


def context_page(widget: QWidget | None) -> str:
    """The manual page (with anchor) for ``widget``: its own, or that of the nearest form or dialog holding it."""
    if widget is not None and widget.objectName() == "reportTree":
        return "editor.html#tree"
    while widget is not None:
        for cls in type(widget).__mro__:
            if cls.__name__ in CONTEXT_PAGES:
                return CONTEXT_PAGES[cls.__name__]
        widget = widget.parentWidget()
    return "index.html"


class HelpWindow(QWidget):
    """Contents on the left, the page on the right, Back / Forward / Contents above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.language = current_language()
        self.contents = QListWidget(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.back_button, self.forward_button, self.home_button = (QPushButton(self) for _button in range(3))
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(lambda: self.show_page("index.html"))
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.browser.sourceChanged.connect(self._source_changed)
        self.contents.currentItemChanged.connect(self._contents_clicked)
        buttons = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.home_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.resize(1000, 700)
        self.retranslate()

    def retranslate(self) -> None:
        """Titles in the UI language; the page shown is reloaded in it."""
        shown = self.current_page()
        self.language = current_language()
        self.setWindowTitle(_("ITA Desktop manual"))
        self.back_button.setText(_("◀ Back"))
        self.forward_button.setText(_("Forward ▶"))
        self.home_button.setText(_("Contents"))
        self.browser.setSearchPaths([str(manual_folder(self.language))])
        self.contents.blockSignals(True)
        self.contents.clear()
        for page in PAGES:
            item = QListWidgetItem(page_title(self.language, page))
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.contents.addItem(item)
        self.contents.blockSignals(False)
        if shown:
            self.show_page(shown)

    def open_for(self, widget: QWidget | None) -> None:
        """Show the page for ``widget`` (see :data:`CONTEXT_PAGES`) in the UI language, window raised."""
        if self.language != current_language():
            self.retranslate()
        self.show_page(context_page(widget))
        self.show()
        self.raise_()
        self.activateWindow()

    def show_page(self, page: str) -> None:
        """Show ``page`` ("photos.html", "editor.html#measure") of the manual in the UI language."""
        name, _sep, anchor = page.partition("#")
        url = QUrl.fromLocalFile(str(manual_folder(self.language) / name))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)

    def current_page(self) -> str:
        source = self.browser.source()
        if source.isEmpty():
            return ""
        name = Path(source.toLocalFile()).name
        return f"{name}#{source.fragment()}" if source.fragment() else name

    def _source_changed(self, url: QUrl) -> None:
        page = Path(url.toLocalFile()).stem
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == page:
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.blockSignals(False)

    def _contents_clicked(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None:
            self.show_page(f"{item.data(Qt.ItemDataRole.UserRole)}.html")
