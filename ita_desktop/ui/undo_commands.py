"""Undo commands: one per domain operation, each writes the store and mirrors the change in memory.

Commands hold model objects, not ids: a section that is deleted and brought back
gets a new row id, and every older command still finds it.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from ita_desktop.model import Measure, MeasureGroup, Photo, Section
from ita_desktop.ui.autosave import WRITE_ERRORS

if TYPE_CHECKING:
    from ita_desktop.photos import PreparedPhoto
    from ita_desktop.ui.document import ReportDocument

log = logging.getLogger(__name__)

# Keystrokes in one field within this many seconds of each other undo as one step.
MERGE_SECONDS = 2.0


class SetFieldCommand(QUndoCommand):
    """Change one field of one object; consecutive typing in the same field merges into one step."""

    ID = 4001

    def __init__(self, document: ReportDocument, kind: str, target: Any, key: str, old: Any, new: Any,
                 text: str) -> None:
        super().__init__(text)
        self.document, self.kind, self.target, self.key = document, kind, target, key
        self.old, self.new = copy.deepcopy(old), copy.deepcopy(new)
        self.generation = document.typing_generation
        self.last_time = time.monotonic()

    def id(self) -> int:
        return self.ID

    def redo(self) -> None:
        self.document.apply_field(self.kind, self.target, self.key, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.apply_field(self.kind, self.target, self.key, copy.deepcopy(self.old))

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand):
            return False
        # Identity, not equality: two measures with the same text are still two measures.
        same_field = other.kind == self.kind and other.target is self.target and other.key == self.key
        if not same_field or other.generation != self.generation or other.last_time - self.last_time > MERGE_SECONDS:
            return False
        self.new, self.last_time = other.new, other.last_time
        if self.new == self.old:
            self.setObsolete(True)  # typed and erased again: no step at all
        return True


class StoreCommand(QUndoCommand):
    """A structural edit: the store is written first, memory follows only if the write worked."""

    def __init__(self, document: ReportDocument, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.store = document.store

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step) -> None:
        self.document.flush()
        try:
            step()
        except WRITE_ERRORS as error:
            self.setObsolete(True)  # a command that never happened must not sit on the stack
            self.document.report_write_failure(error)
            return
        except Exception as error:  # never let an exception cross into Qt's C++ undo stack
            log.exception("undo command %s failed", type(self).__name__)
            self.setObsolete(True)
            self.document.report_write_failure(error)
            return
        self.notify()

    def notify(self) -> None:
        self.document.structureChanged.emit()

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddMeasureCommand(StoreCommand):
    def __init__(self, document: ReportDocument, group: MeasureGroup, index: int, measure: Measure, text: str):
        super().__init__(document, text)
        self.group, self.index, self.measure = group, index, measure

    def do(self) -> None:
        if self.measure.id is None:
            self.store.add_measure(self.group.id, self.measure, self.index)
        else:
            self.store.restore_measure(self.measure.id, self.group.id, self.index)
        self.group.measures.insert(self.index, self.measure)

    def revert(self) -> None:
        self.store.delete_measure(self.measure.id)
        self.group.measures.remove(self.measure)


class DuplicateMeasureCommand(AddMeasureCommand):
    def __init__(self, document: ReportDocument, original: Measure, text: str):
        group, index = document.locate_measure(original.id)
        super().__init__(document, group, index + 1, Measure(), text)
        self.original = original
        self.measure = None

    def do(self) -> None:
        if self.measure is None:
            copy_id = self.store.duplicate_measure(self.original.id)
            self.measure = self.store.load_measure(copy_id)
            self.group.measures.insert(self.index, self.measure)
        else:
            super().do()


class MoveMeasureCommand(StoreCommand):
    def __init__(self, document: ReportDocument, measure: Measure, group: MeasureGroup, index: int, text: str):
        super().__init__(document, text)
        self.measure, self.target, self.target_index = measure, group, index
        self.source, self.source_index = document.locate_measure(measure.id)

    def _move(self, group: MeasureGroup, index: int) -> None:
        current, _ = self.document.locate_measure(self.measure.id)
        self.store.move_measure(self.measure.id, group.id, index)
        current.measures.remove(self.measure)
        group.measures.insert(min(index, len(group.measures)), self.measure)

    def do(self) -> None:
        self._move(self.target, self.target_index)

    def revert(self) -> None:
        self._move(self.source, self.source_index)


class AddSectionCommand(StoreCommand):
    def __init__(self, document: ReportDocument, section: Section, index: int, text: str):
        super().__init__(document, text)
        self.section, self.index = section, index

    def do(self) -> None:
        self.section.id = self.store.add_section(self.document.report_id, self.section.title, self.index)
        self.document.report.sections.insert(self.index, self.section)

    def revert(self) -> None:
        self.store.delete_section(self.section.id)
        self.document.report.sections.remove(self.section)


class AddGroupCommand(StoreCommand):
    def __init__(self, document: ReportDocument, section: Section, group: MeasureGroup, index: int, text: str):
        super().__init__(document, text)
        self.section, self.group, self.index = section, group, index

    def do(self) -> None:
        self.group.id = self.store.add_group(self.section.id, self.group.kind, self.group.title, self.index)
        self.section.groups.insert(self.index, self.group)

    def revert(self) -> None:
        self.store.delete_group(self.group.id)
        self.section.groups.remove(self.group)


class DeleteCommand(StoreCommand):
    """Delete a section, group, measure or photo with all it holds. The store only marks the rows deleted
    (until the file is reopened), so undo brings back the same rows at the same place."""

    def __init__(self, document: ReportDocument, text: str, item: Any, siblings: list,
                 delete: Callable[[int], None], restore: Callable[[int, int], None],
                 announce: Callable[[], None] | None = None) -> None:
        super().__init__(document, text)
        self.item, self.siblings, self.index = item, siblings, siblings.index(item)
        self.delete, self.restore, self.announce = delete, restore, announce

    def do(self) -> None:
        self.delete(self.item.id)
        self.siblings.remove(self.item)

    def revert(self) -> None:
        self.restore(self.item.id, self.index)
        self.siblings.insert(self.index, self.item)

    def notify(self) -> None:
        (self.announce or super().notify)()


# Parents are read when the step runs, not now: an added-again section or group has a new row id.
def delete_measure(document: ReportDocument, measure: Measure, text: str) -> DeleteCommand:
    group, _index = document.locate_measure(measure.id)
    store = document.store
    return DeleteCommand(document, text, measure, group.measures, store.delete_measure,
                         lambda row_id, index: store.restore_measure(row_id, group.id, index))


def delete_group(document: ReportDocument, group: MeasureGroup, text: str) -> DeleteCommand:
    section = document.section_of_group(group)
    store = document.store
    return DeleteCommand(document, text, group, section.groups, store.delete_group,
                         lambda row_id, index: store.restore_group(row_id, section.id, index))


def delete_section(document: ReportDocument, section: Section, text: str) -> DeleteCommand:
    store = document.store
    return DeleteCommand(document, text, section, document.report.sections, store.delete_section,
                         store.restore_section)


def remove_photo(document: ReportDocument, measure: Measure, photo: Photo, text: str) -> DeleteCommand:
    return DeleteCommand(document, text, photo, measure.photos, document.store.delete_photo,
                         document.store.restore_photo, announce=lambda: photos_changed(document, measure))


class MoveSectionCommand(StoreCommand):
    def __init__(self, document: ReportDocument, section: Section, index: int, text: str):
        super().__init__(document, text)
        self.section, self.target = section, index
        self.source = document.report.sections.index(section)

    def _move(self, index: int) -> None:
        self.store.move_section(self.section.id, index)
        sections = self.document.report.sections
        sections.remove(self.section)
        sections.insert(index, self.section)

    def do(self) -> None:
        self._move(self.target)

    def revert(self) -> None:
        self._move(self.source)


class MoveGroupCommand(StoreCommand):
    def __init__(self, document: ReportDocument, group: MeasureGroup, section: Section, index: int, text: str):
        super().__init__(document, text)
        self.group, self.target, self.target_index = group, section, index
        self.source = document.section_of_group(group)
        self.source_index = self.source.groups.index(group)

    def _move(self, section: Section, index: int) -> None:
        self.store.move_group(self.group.id, section.id, index)
        self.document.section_of_group(self.group).groups.remove(self.group)
        section.groups.insert(min(index, len(section.groups)), self.group)

    def do(self) -> None:
        self._move(self.target, self.target_index)

    def revert(self) -> None:
        self._move(self.source, self.source_index)


class PhotoCommand(StoreCommand):
    """Base of photo edits: they announce ``photosChanged(measure_id)`` (and the tree's marker may change)."""

    def __init__(self, document: ReportDocument, measure: Measure, text: str):
        super().__init__(document, text)
        self.measure = measure

    def notify(self) -> None:
        photos_changed(self.document, self.measure)


class AddPhotosCommand(PhotoCommand):
    def __init__(self, document: ReportDocument, measure: Measure, prepared: list[PreparedPhoto],
                 captions: list[str], names: list[str], text: str):
        super().__init__(document, measure, text)
        self.prepared, self.captions, self.names = prepared, captions, names
        self.photos: list[Photo] = []
        self.first_index = len(measure.photos)

    def do(self) -> None:
        if not self.photos:
            for prepared, caption, name in zip(self.prepared, self.captions, self.names, strict=True):
                self.photos.append(self.store.add_photo(self.measure.id, prepared, caption, name, remember_place=True))
            self.prepared = []  # the store has the pixels now; do not keep them in memory too
        else:
            for offset, photo in enumerate(self.photos):
                self.store.restore_photo(photo.id, self.first_index + offset)
        self.measure.photos[self.first_index:self.first_index] = self.photos

    def revert(self) -> None:
        for photo in reversed(self.photos):
            self.store.delete_photo(photo.id)
            self.measure.photos.remove(photo)


class MovePhotoCommand(PhotoCommand):
    def __init__(self, document: ReportDocument, measure: Measure, photo: Photo, index: int, text: str):
        super().__init__(document, measure, text)
        self.photo, self.target, self.source = photo, index, measure.photos.index(photo)

    def _move(self, index: int) -> None:
        self.store.move_photo(self.photo.id, index)
        self.measure.photos.remove(self.photo)
        self.measure.photos.insert(index, self.photo)

    def do(self) -> None:
        self._move(self.target)

    def revert(self) -> None:
        self._move(self.source)


def photos_changed(document: ReportDocument, measure: Measure) -> None:
    """A measure's photos changed: its strip is redrawn, and the tree's empty-part marker may change."""
    document.photosChanged.emit(measure.id)
    document.measureChanged.emit(measure.id)
