"""Above the tree: every report of the file, one click to show another, and the buttons of the Report menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.report_list_model import ReportListModel
from ita_desktop.ui.word_delegates import WordElideDelegate

MAX_ROWS_SHOWN = 4  # more reports scroll; the tree below keeps the room


class ReportSwitcher(QWidget):
    """The report list: always visible, the shown report selected."""

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportSwitcher")
        self.document = document
        self.model = ReportListModel(document, self)
        self.view = QListView(self)
        self.view.setObjectName("reportList")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # entries elide instead
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # the tree takes the rest
        self.view.setItemDelegate(WordElideDelegate(self.view))  # whole words, then "…"
        self.view.clicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view)
        layout.addLayout(self.buttons)
        self.model.modelReset.connect(self._fit)
        self.model.modelReset.connect(self.select_shown)
        document.reloaded.connect(self.select_shown)
        self._fit()
        self.select_shown()

    def add_buttons(self, actions: list[QAction]) -> None:
        """Buttons for the Report menu's actions (the window owns them; they act on the report shown)."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setIconSize(QSize(16, 16))
            self.buttons.insertWidget(self.buttons.count() - 1, button)

    def _fit(self) -> None:
        """As tall as its reports (up to MAX_ROWS_SHOWN; more scroll)."""
        rows = max(1, min(self.model.rowCount(), MAX_ROWS_SHOWN))
        row_height = max(self.view.sizeHintForRow(0), self.view.fontMetrics().lineSpacing() + 6)
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(rows * row_height + frame + 2)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PolishRequest):
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit()  # the row height is known once the view is polished

    def select_shown(self) -> None:
        row = self.model.row_of(self.document.report_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def _chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        report_id = self.model.report_id(index.row())
        if report_id != self.document.report_id:
            self.document.switch_report(report_id)
