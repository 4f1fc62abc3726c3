"""Item delegates that elide (tree, report list) or wrap (table cells) Thai text between words."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ita_desktop.ui.word_breaks import elide_words, readiness, wrap_words

AnyIndex = QModelIndex | QPersistentModelIndex
CELL_PADDING = 4


def _repaint_when_ready(view: QAbstractItemView) -> None:
    readiness().ready.connect(view.viewport().update)


class WordElideDelegate(QStyledItemDelegate):
    """One line per item; a title too long for the column loses whole words, at the end or the middle."""

    def __init__(self, view: QAbstractItemView, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(view)
        self.mode = mode
        _repaint_when_ready(view)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None or not opt.text:
            return super().paint(painter, option, index)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        # The style keeps a few pixels of margin inside the text rectangle.
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        opt.text = elide_words(opt.text, opt.fontMetrics, text_rect.width() - 2 * margin, self.mode)
        opt.textElideMode = Qt.TextElideMode.ElideNone
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)


class WordWrapDelegate(QStyledItemDelegate):
    """Table cells whose text wraps between words, never inside one (เว็บไซต์, จัดซื้อจัดจ้าง stay whole)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        _repaint_when_ready(view)

    def _lines(self, option: QStyleOptionViewItem, text: str, width: int) -> list[str]:
        return wrap_words(text, option.fontMetrics, max(10, width - 2 * CELL_PADDING))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return super().paint(painter, option, index)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # background, selection
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        line_height = opt.fontMetrics.lineSpacing()
        top = opt.rect.top() + CELL_PADDING
        for line in self._lines(opt, text, opt.rect.width()):
            painter.drawText(QRect(opt.rect.left() + CELL_PADDING, top, opt.rect.width() - 2 * CELL_PADDING,
                                   line_height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            top += line_height
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802 (Qt's name)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        natural = max((opt.fontMetrics.horizontalAdvance(line) for line in opt.text.split("\n")), default=0)
        natural += 2 * CELL_PADDING + 2
        # A row's height follows its column's width; a column sized to its contents, the text's own width.
        header = self.view.horizontalHeader() if isinstance(self.view, QTableView) else None
        fitted = QHeaderView.ResizeMode.ResizeToContents
        resizing = header is not None and header.sectionResizeMode(index.column()) == fitted
        width = natural if header is None or resizing else self.view.columnWidth(index.column())
        lines = self._lines(opt, opt.text, width) if opt.text else [""]
        return QSize(min(width, natural), len(lines) * opt.fontMetrics.lineSpacing() + 2 * CELL_PADDING)
