"""A small editable table of text cells with add/remove row buttons (tracking table, signatories)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n import _
from ita_desktop.ui.word_breaks import readiness, wrap_words
from ita_desktop.ui.word_delegates import WordWrapDelegate

MAX_ROWS_HEIGHT_LINES = 14  # a taller table scrolls inside the form


class TableField(QWidget):
    """Rows of strings; ``edited(rows)`` fires after each change the clerk makes."""

    edited = Signal(list)

    def __init__(self, columns: int, parent: QWidget | None = None, narrow: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self._loading = False
        self._headers: list[str] = []
        self.table = QTableWidget(0, columns, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(WordWrapDelegate(self.table))  # cells wrap between words
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in narrow:  # "ที่": as wide as its numbers, not as a text column
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.sectionResized.connect(self._wrap_headers)
        readiness().ready.connect(self._wrap_headers)
        # Wrapped cells need more lines when their column narrows: rows are measured again after a resize.
        self._rows_to_fit = QTimer(self, singleShot=True, interval=0)
        self._rows_to_fit.timeout.connect(self._fit_rows)
        header.sectionResized.connect(self._rows_to_fit.start)
        readiness().ready.connect(self._rows_to_fit.start)
        self.table.verticalHeader().setVisible(False)
        # Rows follow their wrapped text at the table's real width (a one-off resize at load
        # time measured the text before the form was laid out and made rows far too tall).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._changed)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        # As tall as its rows: a form with room to spare leaves it below, not around the table.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.retranslate()

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text, the table as tall as its rows (a long one scrolls)."""
        self.table.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        line = self.table.fontMetrics().lineSpacing() + 8
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        chrome = self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(chrome + max(2 * line, min(rows + line // 2, MAX_ROWS_HEIGHT_LINES * line)))

    def retranslate(self) -> None:
        self.add_button.setText(_("Add row"))
        self.remove_button.setText(_("Remove row"))

    def set_headers(self, headers: list[str]) -> None:
        self._headers = list(headers)
        self._wrap_headers()

    def _wrap_headers(self, *_args: object) -> None:
        """Header texts on as many lines as their column needs, broken between words (none clipped)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column, text in enumerate(self._headers):
            width = header.sectionSize(column) - 12
            # "Problem/deficiency", "ปัญหา/ข้อบกพร่อง": a header may also break after its slash.
            wrapped = "\n".join(wrap_words(text, metrics, width, break_after="/")) if width > 0 else text
            item = self.table.horizontalHeaderItem(column)
            if item is None:
                self.table.setHorizontalHeaderItem(column, QTableWidgetItem(wrapped))
            elif item.text() != wrapped:
                item.setText(wrapped)

    def value(self) -> list[list[str]]:
        return [[(self.table.item(r, c).text() if self.table.item(r, c) else "")
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def set_value(self, rows: list[list[str]]) -> None:
        if rows == self.value():
            return
        self._loading = True
        try:
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c in range(self.table.columnCount()):
                    self.table.setItem(r, c, QTableWidgetItem(row[c] if c < len(row) else ""))
        finally:
            self._loading = False
        self._rows_to_fit.start()

    def _changed(self) -> None:
        if not self._loading:
            self._rows_to_fit.start()
            self.edited.emit(self.value())

    def add_row(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self._loading = True
        self.table.insertRow(row)
        for c in range(self.table.columnCount()):
            self.table.setItem(row, c, QTableWidgetItem(""))
        self._loading = False
        self._rows_to_fit.start()
        self.table.setCurrentCell(row, 0)
        self.edited.emit(self.value())
        # Straight into the new row's first cell: what the clerk types next belongs there, not to the button.
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._rows_to_fit.start()
            self.edited.emit(self.value())
