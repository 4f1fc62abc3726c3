"""The photos of one measure as a Qt list model: thumbnails read lazily, captions edited, reordered by drag."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap

from ita_desktop.i18n import _

PHOTO_ID_MIME = "application/x-ita-photo-id"
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the photo's file name, shown under its caption


class PhotoListModel(QAbstractListModel):
    """The photos of one measure; thumbnails are read from the store only when a row is painted."""

    filesDropped = Signal(list)  # noqa: N815 (Qt signal naming) — local files dropped from a file manager

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.measure_id: int | None = None
        self.photos: list = []
        self._thumbnails: dict[int, QIcon] = {}

    def set_measure(self, measure_id: int | None) -> None:
        # Look the measure up before the reset: a KeyError inside it would leave the reset half done.
        photos = list(self.document.measure(measure_id).photos) if measure_id is not None else []
        self.beginResetModel()
        self.measure_id = measure_id
        self.photos = photos
        self.endResetModel()

    def photo_changed(self, photo_id: int) -> None:
        """A caption changed: repaint that one row (a reset would lose the selection while typing)."""
        for row, photo in enumerate(self.photos):
            if photo.id == photo_id:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def reload(self) -> None:
        try:
            self.set_measure(self.measure_id)
        except KeyError:  # the measure itself is gone (deleted, or a different report)
            self.set_measure(None)

    def thumbnails_loaded(self) -> int:
        return len(self._thumbnails)

    def _thumbnail(self, photo_id: int) -> QIcon:
        icon = self._thumbnails.get(photo_id)
        if icon is None:
            pixmap = QPixmap()
            try:
                pixmap.loadFromData(self.document.photo_data(photo_id, "thumbnail"))
            except KeyError:
                pass
            icon = self._thumbnails[photo_id] = QIcon(pixmap)
        return icon

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.photos)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.photos):
            return None
        photo = self.photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.caption or _("(no caption)")
        if role == NAME_ROLE:
            return photo.original_name
        if role == Qt.ItemDataRole.EditRole:
            return photo.caption
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(photo.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{photo.original_name}\n{photo.width} × {photo.height}"
        if role == Qt.ItemDataRole.UserRole:
            return photo.id
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.document.set_photo_caption(self.photos[index.row()].id, str(value))
        return True

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [PHOTO_ID_MIME, "text/uri-list"]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        if indexes:
            mime.setData(PHOTO_ID_MIME, str(self.photos[indexes[0].row()].id).encode())
        return mime

    def canDropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:  # noqa: N802
        return self.measure_id is not None and (data.hasFormat(PHOTO_ID_MIME) or data.hasUrls())

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        if self.measure_id is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.photos)
        if data.hasFormat(PHOTO_ID_MIME):
            photo_id = int(bytes(data.data(PHOTO_ID_MIME)).decode())
            source = next((i for i, p in enumerate(self.photos) if p.id == photo_id), None)
            if source is None:
                return False
            # ``row`` counts the dragged photo itself; the document's index does not.
            self.document.move_photo(photo_id, row - 1 if row > source else row)
            return False  # the move is done: the view must not remove a row itself
        files = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        if files:
            self.filesDropped.emit(files)
            return True
        return False
