"""The photos of one measure: thumbnail strip, add (dialog or drop), captions, reorder, remove, preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n import _
from ita_desktop.ui.file_dialogs import ask_open_many, picture_folder
from ita_desktop.ui.photo_import import IMAGE_SUFFIXES, import_photos
from ita_desktop.ui.photo_list_model import PHOTO_ID_MIME, PhotoListModel
from ita_desktop.ui.photo_preview import PhotoPreview
from ita_desktop.ui.photo_strip_delegate import THUMB_PX, PhotoStripDelegate, cell_size
from ita_desktop.ui.qt_translation import language_notifier

EMPTY_STRIP_PX = 48  # the strip's height while a measure has no photos (still a drop target)
__all__ = ["EMPTY_STRIP_PX", "PHOTO_ID_MIME", "THUMB_PX", "PhotoListModel", "PhotoPreview", "PhotosPanel"]


class PhotosPanel(QWidget):
    """Photos of the selected measure; every change goes through the document (undoable)."""

    # Where the last photos came from, for every measure's panel: the next ones most often come from there too.
    last_folder: str | None = None

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = PhotoListModel(document, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(False)
        self.view.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.view.setItemDelegate(PhotoStripDelegate(self.view))
        self.view.setGridSize(self._cell())
        self.view.setUniformItemSizes(True)  # only visible rows are asked for their thumbnail
        self.view.setMouseTracking(True)
        self.view.setMovement(QListView.Movement.Snap)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.doubleClicked.connect(lambda index: self.preview(index.row()))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.model.filesDropped.connect(self.add_files)
        self.caption = QLineEdit()
        self.caption.textEdited.connect(self._caption_edited)
        self.caption.editingFinished.connect(self._end_typing)
        self.caption_label = QLabel()
        self.caption_label.setBuddy(self.caption)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.left_button, self.right_button, self.preview_button = QPushButton(), QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_current)
        self.left_button.clicked.connect(lambda: self.move_current(-1))
        self.right_button.clicked.connect(lambda: self.move_current(+1))
        self.preview_button.clicked.connect(lambda: self.preview(self.current_row()))
        self.view.installEventFilter(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.left_button, self.right_button,
                       self.preview_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption_label)
        caption_row.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(caption_row)
        layout.addLayout(buttons)
        self.last_import = None
        document.photosChanged.connect(self._photos_changed)
        document.photoChanged.connect(self._photo_changed)
        for name in ("structureChanged", "reloaded"):
            getattr(document, name).connect(self.model.reload)
        self.model.modelReset.connect(self._update_buttons)
        language_notifier().languageChanged.connect(self.retranslate)
        self.retranslate()
        self._update_buttons()

    def _cell(self) -> QSize:
        return cell_size(self.view.font())

    def retranslate(self) -> None:
        self.add_button.setText(_("Add photos…"))
        self.remove_button.setText(_("Remove"))
        self.left_button.setText(_("Move left"))
        self.right_button.setText(_("Move right"))
        self.preview_button.setText(_("Preview"))
        self.caption_label.setText(_("Caption:"))
        self.view.setToolTip(_("Drop picture files here. Double-click a photo to see it larger."))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # Del in the strip removes the photo, not the measure: claim the key before the window's shortcut.
        if watched is self.view and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if event.matches(QKeySequence.StandardKey.Delete) and self.current_photo() is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.remove_current()
                return True
        return super().eventFilter(watched, event)

    # -- selection ------------------------------------------------------------------------
    def set_measure(self, measure_id: int | None) -> None:
        """Show the photos of ``measure_id`` (None: no measure selected)."""
        self.model.set_measure(measure_id)
        if self.model.photos:
            self.view.setCurrentIndex(self.model.index(0))

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def current_photo(self):
        row = self.current_row()
        return self.model.photos[row] if 0 <= row < len(self.model.photos) else None

    def select_photo(self, photo_id: int) -> None:
        for row, photo in enumerate(self.model.photos):
            if photo.id == photo_id:
                self.view.setCurrentIndex(self.model.index(row))

    def _current_changed(self, *_args) -> None:
        photo = self.current_photo()
        if photo is None or self.caption.text() != photo.caption:
            self.caption.setText(photo.caption if photo else "")
        self._update_buttons()

    def _fit_to_photos(self) -> None:
        # Most measures have no photos: an empty strip is one short drop area, not a tall blank box.
        empty = not self.model.photos
        scroll_bar = self.view.horizontalScrollBar().sizeHint().height()
        self.view.setFixedHeight(EMPTY_STRIP_PX if empty else self._cell().height() + scroll_bar + 6)
        self.caption_label.setVisible(not empty)
        self.caption.setVisible(not empty)

    def _update_buttons(self) -> None:
        self._fit_to_photos()
        has_measure = self.model.measure_id is not None
        row, count = self.current_row(), len(self.model.photos)
        self.add_button.setEnabled(has_measure)
        self.view.setEnabled(has_measure)
        for widget in (self.remove_button, self.preview_button, self.caption):
            widget.setEnabled(row >= 0)
        self.left_button.setEnabled(row > 0)
        self.right_button.setEnabled(0 <= row < count - 1)

    def _photo_changed(self, photo_id: int) -> None:
        self.model.photo_changed(photo_id)
        current = self.current_photo()
        if current is not None and current.id == photo_id:
            self._current_changed()  # an undone caption shows in the caption field

    def _photos_changed(self, measure_id: int) -> None:
        if measure_id != self.model.measure_id:
            return
        current = self.current_photo()
        self.model.reload()
        if current is not None and current in self.model.photos:
            self.select_photo(current.id)
        elif self.model.photos:
            self.view.setCurrentIndex(self.model.index(min(max(self.current_row(), 0), len(self.model.photos) - 1)))
        self._current_changed()

    # -- actions ----------------------------------------------------------------------------
    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
        patterns += " " + patterns.upper()
        start = picture_folder(PhotosPanel.last_folder, self.document.path)
        paths = ask_open_many(
            self, _("Add photos"), start, _("Pictures ({patterns})").format(patterns=patterns) + ";;"
            + _("All files (*)"))
        if paths:
            PhotosPanel.last_folder = str(Path(paths[0]).parent)
            self.add_files(paths)

    def add_files(self, paths: list[str | Path]):
        """Import picture files into the current measure (worker thread); returns the running import."""
        if self.model.measure_id is None or not paths:
            return None
        self.last_import = import_photos(self.document, self.model.measure_id, list(paths), self)
        self.last_import.imported.connect(self._imported)
        return self.last_import

    def _imported(self, photos: list) -> None:
        if photos:
            self.select_photo(photos[0].id)

    def remove_current(self) -> None:
        photo = self.current_photo()
        if photo is not None:
            self.document.remove_photo(photo.id)

    def move_current(self, step: int) -> None:
        photo, row = self.current_photo(), self.current_row()
        if photo is not None and 0 <= row + step < len(self.model.photos):
            self.document.move_photo(photo.id, row + step)

    def _caption_edited(self, text: str) -> None:
        photo = self.current_photo()
        if photo is not None:
            self.document.set_photo_caption(photo.id, text)

    def _end_typing(self) -> None:
        if hasattr(self.document, "end_typing"):
            self.document.end_typing()

    def preview(self, row: int) -> PhotoPreview | None:
        if not 0 <= row < len(self.model.photos):
            return None
        dialog = PhotoPreview(self.document, self.model.photos[row], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
