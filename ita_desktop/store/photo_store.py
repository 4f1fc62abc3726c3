"""Photos in a .ita file: their rows (caption, size, order) and their pixels, kept in tables of their own.

Pixels (the print copy, a thumbnail and the original) are read only when asked
for by id, so loading a report never reads them. ``PhotoStorage`` is part of
ReportStore, whose ``db``, ``path``, ``_edit``, ``_report_of``, ``_soft_delete``
and ``_restore`` it uses.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message
from ita_desktop.model import Photo
from ita_desktop.store import rows
from ita_desktop.store.ordering import SiblingList

if TYPE_CHECKING:
    from ita_desktop.photos import PreparedPhoto

PHOTOS = SiblingList("photos", "measure_id", soft_delete=True)
PHOTO_KINDS = {"print": ("photo_blobs", "print_copy"), "thumbnail": ("photo_blobs", "thumbnail"),
               "original": ("photo_originals", "data")}


class PhotoStorage:
    """The photo operations of a ReportStore."""

    def add_photo(self, measure_id: int, prepared: PreparedPhoto, caption: str = "",
                  original_name: str = "", index: int | None = None, *, remember_place: bool = False) -> Photo:
        """Attach a prepared picture (see :func:`ita_desktop.photos.prepare_photo`).

        ``remember_place``: the clerk added it in the editor, which then reopens on this measure (an import's
        photos do not move the place: a new report opens on its header)."""
        with self._edit(self._report_of("measures", measure_id)):
            photo_id = self.db["photos"].insert(
                {"measure_id": measure_id, "position_index": PHOTOS.next_index(self.db, measure_id),
                 "caption": caption, "width": prepared.width, "height": prepared.height,
                 "sha256": prepared.sha256, "original_name": original_name}).last_pk
            self.db["photo_blobs"].insert(
                {"photo_id": photo_id, "print_copy": prepared.print_copy,
                 "print_format": prepared.print_format, "thumbnail": prepared.thumbnail})
            self.db["photo_originals"].insert({"photo_id": photo_id, "data": prepared.original})
            PHOTOS.place(self.db, photo_id, measure_id, index)
            if remember_place:
                self._note_measure_edited(measure_id)
        return Photo(id=photo_id, caption=caption, width=prepared.width, height=prepared.height,
                     sha256=prepared.sha256, original_name=original_name)

    def update_photo(self, photo_id: int, **fields: Any) -> None:
        rows.check_fields(fields, rows.PHOTO_FIELDS)
        with self._edit(self._report_of("photos", photo_id)):
            self.db["photos"].update(photo_id, fields)
            self._note_measure_edited(PHOTOS.parent_of(self.db, photo_id))

    def move_photo(self, photo_id: int, index: int) -> None:
        measure_id = PHOTOS.parent_of(self.db, photo_id)
        with self._edit(self._report_of("photos", photo_id)):
            PHOTOS.place(self.db, photo_id, measure_id, index)
            self._note_measure_edited(measure_id)

    def delete_photo(self, photo_id: int) -> None:
        """Remove a photo; :meth:`restore_photo` brings it back until the file is closed."""
        self._soft_delete(PHOTOS, photo_id)

    def restore_photo(self, photo_id: int, index: int) -> None:
        self._restore(PHOTOS, photo_id, None, index)

    def _copy_photos(self, photos: list[Photo], measure_id: int) -> None:
        """Copies of ``photos`` (rows and pixels, inside the caller's edit) at the end of ``measure_id``."""
        for photo in photos:
            new_id = self.db["photos"].insert(
                {"measure_id": measure_id, "position_index": PHOTOS.next_index(self.db, measure_id),
                 "caption": photo.caption, "width": photo.width, "height": photo.height,
                 "sha256": photo.sha256, "original_name": photo.original_name}).last_pk
            self.db.execute("INSERT INTO photo_blobs (photo_id, print_copy, print_format, thumbnail) "
                            "SELECT ?, print_copy, print_format, thumbnail FROM photo_blobs "
                            "WHERE photo_id = ?", [new_id, photo.id])
            self.db.execute("INSERT INTO photo_originals (photo_id, data) "
                            "SELECT ?, data FROM photo_originals WHERE photo_id = ?", [new_id, photo.id])

    def photo_data(self, photo_id: int, kind: str = "print") -> bytes:
        """Pixels of one photo: "print" (upright, print resolution), "thumbnail" or "original"."""
        table, column = PHOTO_KINDS[kind]
        try:
            row = self.db.execute(f"SELECT {column} FROM {table} WHERE photo_id = ?",
                                  [photo_id]).fetchone()
        except sqlite3.DatabaseError as exc:  # pixels are not checked at open (see store.opening)
            name = self.db.execute("SELECT original_name FROM photos WHERE id = ?", [photo_id]).fetchone()
            label = (name[0] if name and name[0] else f"#{photo_id}")
            raise ReportFileError(Message("{path}: photo {label} cannot be read ({reason}).",
                                          path=self.path, label=label, reason=exc)) from None
        if row is None:
            raise KeyError(f"photo {photo_id} does not exist")
        return row[0]

    def photo_format(self, photo_id: int) -> str:
        """"JPEG" or "PNG": the encoding of the print copy."""
        row = self.db.execute("SELECT print_format FROM photo_blobs WHERE photo_id = ?", [photo_id]).fetchone()
        if row is None:
            raise KeyError(f"photo {photo_id} does not exist")
        return row[0]
