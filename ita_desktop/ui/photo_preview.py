"""A larger view of one photo (its print copy) with its caption, sized to the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from ita_desktop.i18n import _


class PhotoPreview(QDialog):
    """A larger view of one photo (its print copy) with its caption."""

    def __init__(self, document, photo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(photo.caption or photo.original_name or _("Photo"))
        pixmap = QPixmap()
        pixmap.loadFromData(document.photo_data(photo.id, "print"))
        self.image = QLabel()
        screen = self.screen().availableGeometry().size() * 0.8 if self.screen() else QSize(1000, 800)
        self.image.setPixmap(pixmap.scaled(screen, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)
                             if pixmap.width() > screen.width() or pixmap.height() > screen.height() else pixmap)
        area = QScrollArea()
        area.setWidget(self.image)
        area.setWidgetResizable(True)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(photo.caption)
        caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(caption)
        self.resize(min(1000, pixmap.width() + 40), min(800, pixmap.height() + 80))
