"""How one photo looks in the strip: the thumbnail whole, its caption and file name under it, a clear selection."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ita_desktop.ui.photo_list_model import NAME_ROLE
from ita_desktop.ui.word_breaks import fit_lines

THUMB_PX = 120
PAD = 6
CAPTION_LINES = 2
LINE_GAP = 2  # px between caption lines: Thai marks above and below need room
SELECTION_PEN = 3  # px: which photo the caption box edits must be seen at a glance
AnyIndex = QModelIndex | QPersistentModelIndex


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    return small


def cell_size(font: QFont) -> QSize:
    """Every cell alike: a square for any thumbnail (portrait or landscape), two caption lines, the name."""
    metrics, small = QFontMetrics(font), QFontMetrics(_small(font))
    return QSize(THUMB_PX + 2 * PAD + 16,
                 PAD + THUMB_PX + PAD + CAPTION_LINES * (metrics.lineSpacing() + LINE_GAP) + small.lineSpacing() + PAD)


class PhotoStripDelegate(QStyledItemDelegate):
    """Paints a photo cell; the caption wraps between words and ends in "…" when longer than two lines."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802 (Qt's name)
        return cell_size(option.font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect = option.rect.adjusted(2, 2, -2, -2)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(50)
            painter.fillRect(rect, fill)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), SELECTION_PEN))
            half = SELECTION_PEN // 2
            painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 4, 4)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.drawRoundedRect(rect, 4, 4)
        box = QRect(rect.left() + (rect.width() - THUMB_PX) // 2, rect.top() + PAD, THUMB_PX, THUMB_PX)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon) and not icon.isNull():
            pixmap = icon.pixmap(box.size())
            size = pixmap.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(box.center())
            painter.drawPixmap(target, pixmap)
        text_width = rect.width() - 2 * PAD
        top = box.bottom() + PAD
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(option.font)
        metrics = option.fontMetrics
        for line in fit_lines(str(index.data(Qt.ItemDataRole.DisplayRole) or ""), metrics, text_width,
                              CAPTION_LINES):
            painter.drawText(QRect(rect.left() + PAD, top, text_width, metrics.lineSpacing()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, line)
            top += metrics.lineSpacing() + LINE_GAP
        name = str(index.data(NAME_ROLE) or "")
        if name:
            small = _small(option.font)
            small_metrics = QFontMetrics(small)
            painter.setFont(small)
            painter.setPen(secondary_text(palette))
            top = rect.top() + PAD + THUMB_PX + PAD + CAPTION_LINES * (metrics.lineSpacing() + LINE_GAP)
            painter.drawText(QRect(rect.left() + PAD, top, text_width, small_metrics.lineSpacing()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                             small_metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, text_width))
        painter.restore()


def secondary_text(palette: QPalette) -> QColor:
    """Grey for the file name under a caption, still easy to read: 60 % text over the background (#666 on
    white, 5.7:1). The disabled text colour it had was #bebebe, 1.8:1, hard to make out on a laptop."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(*(round(0.6 * t + 0.4 * b) for t, b in
                    ((text.red(), base.red()), (text.green(), base.green()), (text.blue(), base.blue()))))
