"""The editing area of one open report: searchable tree on the left, the selected node's form on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n import _
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.form_pages.group_form import GroupForm
from ita_desktop.ui.form_pages.measure_form import MeasureForm
from ita_desktop.ui.form_pages.page import FormPage
from ita_desktop.ui.form_pages.report_form import ReportForm
from ita_desktop.ui.form_pages.section_form import SectionForm
from ita_desktop.ui.report_switcher import ReportSwitcher
from ita_desktop.ui.spell_check import SpellCheck
from ita_desktop.ui.tree_model import ID_ROLE, KIND_ROLE, ReportTreeModel, TreeSearchProxy
from ita_desktop.ui.word_delegates import WordElideDelegate

# The forms not shown at first are built this long after the editor, when the window is already up.
PAGES_AFTER_SHOW_MS = 150
TREE_SHARE = 0.38  # of the window's width: room for "(๑๒) มาตรการเกี่ยวกับ…" without cutting it


class EditorView(QSplitter):
    """Tree | form for one ReportDocument."""

    currentChanged = Signal(str, int)  # node kind, id (-1 for the report)
    pageBuilt = Signal(object)  # a form page, built when first needed

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.document = document
        self.model = ReportTreeModel(document, self)
        self.proxy = TreeSearchProxy(self)
        self.proxy.setSourceModel(self.model)

        left = QWidget(self)
        self.switcher = ReportSwitcher(document, left)
        self.search = QLineEdit(left)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.tree = QTreeView(left)
        self.tree.setObjectName("reportTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        # Long Thai titles: keep the number at the start and the item codes at the end visible,
        # dropping whole words in between (Qt's own elision cuts words).
        self.tree.setItemDelegate(WordElideDelegate(self.tree, Qt.TextElideMode.ElideMiddle))
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.switcher)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)

        self.forms = QStackedWidget(self)
        # The report form shows first; the others are built when first needed, or once the window is up.
        self._page_classes = {"report": ReportForm, "section": SectionForm, "group": GroupForm,
                              "measure": MeasureForm}
        self._pages: dict[str, FormPage] = {}
        self.spelling = SpellCheck(document, self)
        self.report_form = self.page("report")
        self._shown: tuple[str, int] | None = None  # the node whose form is in view
        self.form_area = QScrollArea(self)
        self.form_area.setWidgetResizable(True)
        self.form_area.setWidget(self.forms)
        self.addWidget(left)
        self.addWidget(self.form_area)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        width = parent.width() if parent is not None else 1200
        self.setSizes([round(width * TREE_SHARE), round(width * (1 - TREE_SHARE))])

        self._saved_state: tuple = (set(), set(), None)
        self._known = self._container_keys()
        self.model.modelAboutToBeReset.connect(self._remember_view)
        self.model.modelReset.connect(self._restore_view)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        document.reportChanged.connect(self.report_form.load)
        document.sectionChanged.connect(lambda _i: self._reload_page("section"))
        document.groupChanged.connect(lambda _i: self._reload_page("group"))
        document.reloaded.connect(self.report_form.load)
        document.reloaded.connect(self.show_last_edited)
        self.report_form.load()
        self.tree.expandAll()
        self.show_last_edited()
        self.retranslate()
        QTimer.singleShot(PAGES_AFTER_SHOW_MS, self, self._build_all_pages)

    # -- form pages, built lazily ---------------------------------------------------------
    def page(self, kind: str) -> FormPage:
        """The form of one kind of node ("report", "section", "group", "measure"), built on first use."""
        page = self._pages.get(kind)
        if page is None:
            page = self._pages[kind] = self._page_classes[kind](self.document)
            self.forms.addWidget(page)
            self._size_by_shown_page()
            self.spelling.attach_all(page)
            self.pageBuilt.emit(page)
        return page

    @property
    def section_form(self) -> SectionForm:
        return self.page("section")

    @property
    def group_form(self) -> GroupForm:
        return self.page("group")

    @property
    def measure_form(self) -> MeasureForm:
        return self.page("measure")

    def _reload_page(self, kind: str) -> None:
        if kind in self._pages:
            self._pages[kind].load()

    def _build_all_pages(self) -> None:
        for kind in self._page_classes:
            self.page(kind)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Filter measures (Ctrl+Shift+F)"))
        for page in self._pages.values():
            page.retranslate()
        self.model.rebuild()

    # -- selection -------------------------------------------------------------------
    def current(self) -> tuple[str, int]:
        index = self.tree.currentIndex()
        if not index.isValid():
            return "report", -1
        return index.data(KIND_ROLE), index.data(ID_ROLE) if index.data(KIND_ROLE) != "report" else -1

    def select(self, kind: str, row_id: int) -> bool:
        """Select a node (also from the pre-print check); clears a search that hides it."""
        source = self.model.index_of(kind, row_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(source)
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def show_last_edited(self) -> None:
        """Select the measure the clerk last changed in this report (else the report's own form)."""
        measure_id = self.document.last_measure_id
        if measure_id is None or not self.select("measure", measure_id):
            self.select("report", -1)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.document.end_typing()
        if not current.isValid():
            return
        kind, row_id = current.data(KIND_ROLE), current.data(ID_ROLE)
        page = self.page(kind)
        if kind == "section":
            page.set_section(row_id)
        elif kind == "group":
            page.set_group(row_id)
        elif kind == "measure":
            page.set_measure(row_id)
        else:
            page.load()
        self.forms.setCurrentWidget(page)
        self._size_by_shown_page()
        if (kind, row_id) != self._shown:  # another node's form starts at its top; the same one stays put
            self._shown = (kind, row_id)
            self.form_area.verticalScrollBar().setValue(0)
        self.currentChanged.emit(kind, row_id if kind != "report" else -1)

    def _size_by_shown_page(self) -> None:
        """Only the page in view sets the form area's height. A stack is as tall as its tallest page: the
        short report form after a long measure left the area scrolled into blank space (seen under Xvfb
        at 1366x768 after switching to another report)."""
        shown = self.forms.currentWidget()
        for page in self._pages.values():
            vertical = QSizePolicy.Policy.Preferred if page is shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(page.sizePolicy().horizontalPolicy(), vertical)
        self.forms.updateGeometry()

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self.tree.expandAll()

    # -- keeping expansion and selection across a rebuild -----------------------------------
    def _keys_expanded(self, parent: QModelIndex = QModelIndex()) -> set:  # noqa: B008
        keys = set()
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if self.tree.isExpanded(index):
                keys.add((index.data(KIND_ROLE), index.data(ID_ROLE)))
                keys |= self._keys_expanded(index)
        return keys

    def _container_keys(self) -> set:
        return {key for section in self.document.report.sections
                for key in [("section", section.id)] + [("group", g.id) for g in section.groups]}

    def _remember_view(self) -> None:
        self._saved_state = (self._keys_expanded(), self._known, self.current())

    def _restore_view(self) -> None:
        expanded, known, current = self._saved_state
        now = self._container_keys()
        # New sections and groups open, so what was just added is visible; the rest keeps its state.
        for kind, row_id in (expanded | (now - known)):
            index = self.proxy.mapFromSource(self.model.index_of(kind, row_id))
            if index.isValid():
                self.tree.expand(index)
        self._known = now
        self.tree.expand(self.proxy.index(0, 0))
        if current and not self.select(*current):
            self.select("report", -1)

