"""Find and Replace over the whole report (Ctrl+F, Ctrl+H, F3, Shift+F3), Replace All as one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n import _
from ita_desktop.messages import Message
from ita_desktop.text_search import Hit, SearchOptions, find_hits, read_place, replaced_values, text_places
from ita_desktop.ui.find_results import HIT_ROLE, FindResultsModel, HitDelegate
from ita_desktop.ui.hit_in_editor import selected_text, show_hit

if TYPE_CHECKING:
    from ita_desktop.ui.document import ReportDocument
    from ita_desktop.ui.main_window import MainWindow

SEARCH_AFTER_MS = 200  # after the last keystroke in the Find box or the last edit of the report


def apply_writes(document: ReportDocument, writes, label: str) -> None:
    """Write (kind, id, key, value) field changes as one undo step."""
    setters = {
        "report": lambda _id, key, value: document.set_report_field(key, value),
        "signatories": lambda _id, _key, value: document.set_signatories(value),
        "section": document.set_section_field,
        "group": document.set_group_field,
        "measure": document.set_measure_field,
        "photo": lambda photo_id, _key, value: document.set_photo_caption(photo_id, value),
    }
    document.end_typing()  # the clerk's last typing stays its own step
    document.undo_stack.beginMacro(label)
    try:
        for kind, owner_id, key, value in writes:
            setters[kind](owner_id, key, value)
    finally:
        document.undo_stack.endMacro()
        document.end_typing()


class FindReplacePanel(QDockWidget):
    """A panel under the editor, as Word's navigation pane: it never covers the text a hit is shown in.

    Find box, replace box, options, and the list of every hit; F3 and Shift+F3 are the window's actions.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("findReplacePanel")
        self.window_ = window
        self.current = -1  # row of the hit shown last
        body = QWidget(self)
        self.find_edit = QLineEdit(body)
        self.replace_edit = QLineEdit(body)
        self.match_case = QCheckBox(body)
        self.whole_word = QCheckBox(body)
        self.find_label, self.replace_label = QLabel(body), QLabel(body)
        self.find_label.setBuddy(self.find_edit)
        self.replace_label.setBuddy(self.replace_edit)
        self.next_button, self.previous_button = QPushButton(body), QPushButton(body)
        self.replace_button, self.replace_all_button = QPushButton(body), QPushButton(body)
        self.count_label = QLabel(body)
        self.model = FindResultsModel(self)
        self.results = QTableView(body)
        self.results.setModel(self.model)
        self.results.setItemDelegateForColumn(1, HitDelegate(self.results))
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().setVisible(False)
        self.results.setWordWrap(False)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)  # the labels say the part first
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 380)

        boxes = QHBoxLayout()
        for label, edit in ((self.find_label, self.find_edit), (self.replace_label, self.replace_edit)):
            boxes.addWidget(label)
            boxes.addWidget(edit, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.match_case)
        controls.addWidget(self.whole_word)
        controls.addStretch(1)
        controls.addWidget(self.count_label)
        for button in (self.previous_button, self.next_button, self.replace_button, self.replace_all_button):
            controls.addWidget(button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.addLayout(boxes)
        layout.addLayout(controls)
        layout.addWidget(self.results, 1)
        self.setWidget(body)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_AFTER_MS)
        self._timer.timeout.connect(self.search)
        self.find_edit.textChanged.connect(self._timer.start)
        self.find_edit.returnPressed.connect(self.find_next)  # Enter: the next hit, as in Word
        self.match_case.toggled.connect(self.search)
        self.whole_word.toggled.connect(self.search)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.results.activated.connect(self._result_activated)
        self.results.clicked.connect(self._result_activated)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._document = None
        self._stale = False  # the report changed while the panel was closed
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Find and replace"))
        self.find_label.setText(_("Find &what:"))
        self.replace_label.setText(_("Re&place with:"))
        self.match_case.setText(_("Match &case"))
        self.whole_word.setText(_("Whole w&ords only"))
        self.next_button.setText(_("Find &next (F3)"))
        self.previous_button.setText(_("Find pre&vious (Shift+F3)"))
        self.replace_button.setText(_("&Replace"))
        self.replace_all_button.setText(_("Replace &all"))
        self._show_count()

    # -- opening -------------------------------------------------------------------
    def open_for(self, replace: bool) -> None:
        """Show the dialog with the selected text (if any) as the query, focus in Find or Replace."""
        self._follow_document()
        selected = selected_text()
        if selected:
            self.find_edit.setText(selected)
        self.show()
        self.raise_()
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus()
        target.selectAll()
        self.search()

    def _report_edited(self, *_args) -> None:
        # Listed hits follow the text while the panel is open; closed, it searches again only when used.
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def _follow_document(self) -> None:
        document = self.window_.document
        if document is self._document:
            return
        if self._document is not None:
            for signal in _change_signals(self._document):
                signal.disconnect(self._report_edited)
        self._document = document
        if document is not None:
            for signal in _change_signals(document):
                signal.connect(self._report_edited)

    # -- searching -------------------------------------------------------------------
    def options(self) -> SearchOptions:
        return SearchOptions(self.find_edit.text(), self.match_case.isChecked(), self.whole_word.isChecked())

    def search(self) -> list[Hit]:
        """Find every hit now and list them; the hit shown before stays current if it is still there."""
        self._timer.stop()
        self._stale = False
        self._follow_document()
        document = self.window_.document
        previous = self.model.hits[self.current] if 0 <= self.current < len(self.model.hits) else None
        if document is None:
            hits = []
            self.model.set_hits(None, hits)
        else:
            hits = find_hits(text_places(document.report), self.options())
            self.model.set_hits(document.report, hits)
        self.current = hits.index(previous) if previous in hits else -1
        if self.current >= 0:
            self.results.selectRow(self.current)
        self._show_count()
        return hits

    def _show_count(self) -> None:
        count = len(self.model.hits)
        if not self.find_edit.text():
            self.count_label.setText("")
        else:
            self.count_label.setText(Message("Matches: {count}", count=count).text())
        for button in (self.next_button, self.previous_button, self.replace_button, self.replace_all_button):
            button.setEnabled(count > 0)

    def find_next(self) -> Hit | None:
        return self._step(1)

    def find_previous(self) -> Hit | None:
        return self._step(-1)

    def _step(self, direction: int) -> Hit | None:
        if not self.find_edit.text():  # F3 before any search: ask what to find, as Word does
            self.open_for(replace=False)
            return None
        if self._stale or self._timer.isActive() or not self.model.hits:
            self.search()
        hits = self.model.hits
        if not hits:
            return None
        if self.current < 0:
            self.current = 0 if direction > 0 else len(hits) - 1
        else:
            self.current = (self.current + direction) % len(hits)  # wraps round, as Word asks to
        return self._show(self.current)

    def _show(self, row: int) -> Hit:
        hit = self.model.hits[row]
        self.results.selectRow(row)
        if self.window_.editor is not None:
            show_hit(self.window_.editor, hit)
        return hit

    def _result_activated(self, index) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.current = index.row()
            self._show(index.row())

    # -- replacing -------------------------------------------------------------------
    def replace_current(self) -> None:
        """Replace the hit shown (the first one if none is) and show the next."""
        document = self.window_.document
        if document is None or not self.model.hits:
            return
        row = self.current if 0 <= self.current < len(self.model.hits) else 0
        hit = self.model.hits[row]
        text = read_place(document.report, hit.place)
        new_text = text[:hit.start] + self.replace_edit.text() + text[hit.end:]
        apply_writes(document, replaced_values(document.report, {hit.place: new_text}), _("Replace"))
        self.current = -1
        if self.search():
            self.current = row - 1  # the replaced hit is gone: the next one took its row
            self.find_next()

    def replace_all(self) -> int:
        """Replace every hit as one undo step; returns how many were replaced."""
        document = self.window_.document
        if document is None:
            return 0
        hits = self.search()
        new_texts: dict = {}
        replacement = self.replace_edit.text()
        for hit in reversed(hits):  # from the end: earlier offsets stay valid
            text = new_texts.get(hit.place, read_place(document.report, hit.place))
            new_texts[hit.place] = text[:hit.start] + replacement + text[hit.end:]
        if new_texts:
            apply_writes(document, replaced_values(document.report, new_texts), _("Replace all"))
        self.current = -1
        self.search()
        self.count_label.setText(Message("Replaced: {count}", count=len(hits)).text())
        return len(hits)


def _change_signals(document: ReportDocument) -> list:
    return [document.reportChanged, document.sectionChanged, document.groupChanged, document.measureChanged,
            document.photoChanged, document.structureChanged, document.reloaded]
