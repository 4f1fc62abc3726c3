"""Undo and redo icons that look like undo and redo (curved arrows), not like back and forward."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

SIZES = (16, 22, 32, 48)


def _curved_arrow(size: int, color: QColor, mirrored: bool) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if mirrored:  # redo: the same arrow turning the other way
        painter.translate(size, 0)
        painter.scale(-1, 1)
    unit = size / 16.0
    pen = QPen(color, 1.8 * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    # An arc over the top, from the right going back to the left, ending in an arrow head.
    path = QPainterPath(QPointF(13 * unit, 12 * unit))
    path.arcTo(QRectF(4 * unit, 4 * unit, 9 * unit, 9 * unit), 0, 180)
    painter.drawPath(path)
    head = QPolygonF([QPointF(1.5 * unit, 7 * unit), QPointF(7 * unit, 7 * unit), QPointF(4.3 * unit, 11.5 * unit)])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(head)
    painter.end()
    return pixmap


def edit_icon(name: str, color: QColor) -> QIcon:
    """"edit-undo" or "edit-redo": the desktop theme's icon, else a drawn curved arrow."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_curved_arrow(size, color, mirrored=name == "edit-redo"))
    return icon


def apply_edit_icons(actions: dict[str, QAction], color: QColor) -> None:
    """Give the window's undo and redo actions their icons."""
    for key, name in (("undo", "edit-undo"), ("redo", "edit-redo")):
        if key in actions:
            actions[key].setIcon(edit_icon(name, color))
