"""ReportDocument: the open report, its undo stack and autosave — the only way widgets change data."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ita_desktop.i18n import _
from ita_desktop.model import Measure, MeasureGroup, Photo, Report, ReportSummary, Section, Signatory
from ita_desktop.store.backup_copies import BackupCopy, list_backups
from ita_desktop.store.report_store import ReportStore
from ita_desktop.ui import undo_commands
from ita_desktop.ui.autosave import AutosaveQueue, describe_write_error
from ita_desktop.ui.daily_backup import DailyBackupRunner
from ita_desktop.ui.report_commands import DeleteReportCommand

if TYPE_CHECKING:
    from ita_desktop.importing.source import RecognisedReport

# kind → how its queued fields reach the store
_WRITERS = {
    "report": lambda store, report, fields: store.update_report(report.id, **fields),
    "section": lambda store, section, fields: store.update_section(section.id, **fields),
    "group": lambda store, group, fields: store.update_group(group.id, **fields),
    "measure": lambda store, measure, fields: store.update_measure(measure.id, **fields),
    "photo": lambda store, photo, fields: store.update_photo(photo.id, **fields),
    "signatories": lambda store, report, fields: store.set_signatories(report.id, copy.deepcopy(fields["list"])),
}


class ReportDocument(QObject):
    """One report of one open .ita file, edited through undoable commands and saved automatically."""

    structureChanged = Signal()  # sections, groups or measures added, removed or moved
    reloaded = Signal()  # a different report (or file) is now shown: everything must be re-read
    reportChanged = Signal()  # header fields or signatories
    sectionChanged = Signal(int)
    groupChanged = Signal(int)
    measureChanged = Signal(int)
    photosChanged = Signal(int)  # measure id: photos added, removed or moved
    photoChanged = Signal(int)  # photo id: its caption changed
    saved = Signal(object)  # datetime
    saveFailed = Signal(str)
    noticesChanged = Signal()  # store.notices grew (today's backup copy failed)
    reportsChanged = Signal()  # the file's list of reports: added, renamed, deleted, moved

    def __init__(self, store: ReportStore, report_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report_id = report_id
        self.report: Report = store.load_report(report_id)
        self.undo_stack = QUndoStack(self)
        self.typing_generation = 0
        self._autosave = AutosaveQueue(self)
        self._autosave.saved.connect(self.saved)
        self._autosave.saveFailed.connect(self.saveFailed)
        self.daily_backup: DailyBackupRunner | None = None
        self.last_measure_id: int | None = store.last_measure_of(report_id)  # where the editor opens

    # -- opening, switching, closing ---------------------------------------------
    @classmethod
    def open(cls, path: str | Path, report_id: int | None = None, parent: QObject | None = None) -> ReportDocument:
        """Open a file on the report last edited (or ``report_id``); a file without a report gets an empty one."""
        store = ReportStore.open(path, defer_daily_backup=True)
        try:
            if report_id is None:
                report_id = store.last_edited()[0] or store.insert_report(Report())
            document = cls(store, report_id, parent)
        except Exception:
            store.close()
            raise
        document.start_daily_backup()
        return document

    @classmethod
    def create(cls, path: str | Path, report: Report, parent: QObject | None = None) -> ReportDocument:
        """A new file at ``path`` holding ``report``."""
        store = ReportStore.open(path, create=True, defer_daily_backup=True)
        try:
            document = cls(store, store.insert_report(report), parent)
        except Exception:
            store.close()
            raise
        document.start_daily_backup()
        return document

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        """The file is open for reading and printing only (read-only file, folder or medium)."""
        return self.store.read_only

    def add_report(self, report: Report) -> int:
        """Store ``report`` as a new report of this file (the next fiscal year); its id. Not undoable."""
        self.flush()
        return self.store.insert_report(report)

    def import_recognised(self, result: RecognisedReport) -> int:
        """Store an imported report (text read by ``importing.report_import``) with its pictures; its id."""
        from ita_desktop.importing.report_import import save_recognised

        self.flush()
        return save_recognised(self.store, result)

    def open_worker_store(self) -> ReportStore:
        """A connection of its own to this file for a worker thread (thread-safe: it only reads the path)."""
        return ReportStore.open_worker(self.path)

    def open_reader(self) -> ReportStore:
        """A read-only connection of its own to this file for a worker thread (it only reads the path)."""
        return ReportStore.open_reader(self.path)

    def photo_data(self, photo_id: int, kind: str = "print") -> bytes:
        """A photo's pixels: "print", "thumbnail" or "original" (read on demand, never kept here)."""
        return self.store.photo_data(photo_id, kind)

    @property
    def notices(self) -> tuple:
        """What the clerk should be told about the file (read-only, a backup copy not made)."""
        return tuple(self.store.notices)

    def backup_copies(self) -> list[BackupCopy]:
        """The file's backup copies (daily, before an upgrade, before a restore), newest first."""
        return list_backups(self.path)

    def restore_backup(self, backup: Path) -> bool:
        """Replace the file's content with the copy ``backup``, the current content kept as a copy first.

        Queued typing is written first (so the safety copy has it): False, and
        nothing restored, if the disk refuses it. Raises UserError when the copy
        is refused (damaged, another program's) or there is no room for the safety copy.
        """
        if not self.flush():
            return False
        self.store.restore_from(backup)
        reports = [summary.id for summary in self.store.list_reports()]
        report_id = self.report_id if self.report_id in reports else (reports or [None])[0]
        if report_id is not None:
            self.switch_report(report_id)
        return True

    def switch_report(self, report_id: int) -> None:
        """Show another report of the same file (e.g. the new fiscal year); history starts afresh."""
        self.flush()
        self.report = self.store.load_report(report_id)
        self.report_id = report_id
        self.last_measure_id = self.store.last_measure_of(report_id)
        self.undo_stack.clear()
        self.reloaded.emit()
        self.reportsChanged.emit()

    def flush(self) -> bool:
        """Write queued typing now (before render, print, export, close); False if the disk refused."""
        return self._autosave.flush()

    def has_unsaved_changes(self) -> bool:
        return self._autosave.has_pending()

    def close(self) -> bool:
        """Flush and close the file; False (and the file left open) if the last write failed."""
        if not self.flush():
            return False
        if self.daily_backup is not None:
            self.daily_backup.finish()  # before the file closes: a whole copy, or no partial one
        self.undo_stack.clear()
        self.store.close()
        return True

    def start_daily_backup(self) -> None:
        """Take today's backup copy on a worker thread, if opening left it to be taken."""
        if self.store.daily_backup_due and self.daily_backup is None:
            snapshot, self.store.daily_snapshot = self.store.daily_snapshot, None  # the runner's now
            self.daily_backup = DailyBackupRunner(self.store.path, self, snapshot=snapshot)
            self.daily_backup.failed.connect(self._add_notice)
            self.daily_backup.start()

    def _add_notice(self, notice: object) -> None:
        self.store.notices = (*self.store.notices, notice)
        self.noticesChanged.emit()

    def end_typing(self) -> None:
        """Start a new undo step for the next keystroke (called when a field loses focus)."""
        self.typing_generation += 1

    def report_write_failure(self, error: BaseException) -> None:
        self.saveFailed.emit(describe_write_error(error))

    # -- finding things -----------------------------------------------------------
    def section(self, section_id: int) -> Section:
        for section in self.report.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"section {section_id} is not in this report")

    def group(self, group_id: int) -> MeasureGroup:
        for section in self.report.sections:
            for group in section.groups:
                if group.id == group_id:
                    return group
        raise KeyError(f"group {group_id} is not in this report")

    def section_of_group(self, group: MeasureGroup) -> Section:
        for section in self.report.sections:
            if any(g is group for g in section.groups):
                return section
        raise KeyError("group is not in this report")

    def locate_measure(self, measure_id: int) -> tuple[MeasureGroup, int]:
        """The group holding a measure and its index there."""
        for section in self.report.sections:
            for group in section.groups:
                for index, measure in enumerate(group.measures):
                    if measure.id == measure_id:
                        return group, index
        raise KeyError(f"measure {measure_id} is not in this report")

    def measure(self, measure_id: int) -> Measure:
        group, index = self.locate_measure(measure_id)
        return group.measures[index]

    def locate_photo(self, photo_id: int) -> tuple[Measure, Photo]:
        for measure in self.report.measures:
            for photo in measure.photos:
                if photo.id == photo_id:
                    return measure, photo
        raise KeyError(f"photo {photo_id} is not in this report")

    # -- field edits (typing) -----------------------------------------------------------
    def apply_field(self, kind: str, target: Any, key: str, value: Any) -> None:
        """Set a field in memory, queue its write and announce it (called by the undo commands)."""
        if kind == "signatories":
            self.report.signatories = value
            key = "list"
        else:
            setattr(target, key, value)
        self._autosave.queue(kind, target, lambda t, fields: _WRITERS[kind](self.store, t, fields), key, value)
        if kind in ("report", "signatories"):
            self.reportChanged.emit()
        elif kind == "section":
            self.sectionChanged.emit(target.id)
        elif kind == "group":
            self.groupChanged.emit(target.id)
        elif kind == "measure":
            self.measureChanged.emit(target.id)
        elif kind == "photo":
            self.photoChanged.emit(target.id)

    def _set(self, kind: str, target: Any, key: str, value: Any, label: str) -> None:
        old = self.report.signatories if kind == "signatories" else getattr(target, key)
        if old == value:
            return
        self.undo_stack.push(undo_commands.SetFieldCommand(self, kind, target, key, old, value, label))

    def set_report_field(self, key: str, value: Any) -> None:
        """title, agency, agency_kind, fiscal_year, report_date, thai_digits, margins_mm."""
        self._set("report", self.report, key, value, _("Edit report"))

    def set_signatories(self, signatories: list[Signatory]) -> None:
        self._set("signatories", self.report, "signatories", copy.deepcopy(signatories), _("Edit signatories"))

    def set_section_field(self, section_id: int, key: str, value: Any) -> None:
        self._set("section", self.section(section_id), key, value, _("Edit section"))

    def set_group_field(self, group_id: int, key: str, value: Any) -> None:
        """kind (GroupKind or None) or title."""
        self._set("group", self.group(group_id), key, value, _("Edit group"))

    def set_group_kind(self, group_id: int, kind: Any) -> None:
        """The group's instrument; a group still without a title of its own takes the instrument's standard one."""
        from ita_desktop.forms import GROUP_TITLES

        group = self.group(group_id)
        untitled = group.title.strip() in ("", _("New group"), "New group", *GROUP_TITLES.values())
        standard = GROUP_TITLES.get(str(kind), "") if kind else ""
        if not untitled or not standard or group.title == standard:
            self.set_group_field(group_id, "kind", kind)
            return
        self.undo_stack.beginMacro(_("Edit group"))
        self.set_group_field(group_id, "kind", kind)
        self.set_group_field(group_id, "title", standard)
        self.undo_stack.endMacro()

    def set_measure_field(self, measure_id: int, key: str, value: Any) -> None:
        """title, items, items_previous, steps, responsible, summary, outcome, table, notes."""
        self._set("measure", self.measure(measure_id), key, value, _("Edit measure"))

    def set_photo_caption(self, photo_id: int, caption: str) -> None:
        self._set("photo", self.locate_photo(photo_id)[1], "caption", caption, _("Edit caption"))

    # -- structure -------------------------------------------------------------------
    def add_measure(self, group_id: int, index: int | None = None, measure: Measure | None = None) -> Measure:
        """Insert a (new, empty) measure; returns it (its ``id`` is set once stored)."""
        group = self.group(group_id)
        index = len(group.measures) if index is None else max(0, min(index, len(group.measures)))
        measure = measure or Measure()
        self.undo_stack.push(undo_commands.AddMeasureCommand(self, group, index, measure, _("Add measure")))
        return measure

    def duplicate_measure(self, measure_id: int) -> Measure | None:
        command = undo_commands.DuplicateMeasureCommand(self, self.measure(measure_id), _("Duplicate measure"))
        self.undo_stack.push(command)
        return command.measure

    def delete_measure(self, measure_id: int) -> None:
        self.undo_stack.push(undo_commands.delete_measure(self, self.measure(measure_id), _("Delete measure")))

    def move_measure(self, measure_id: int, group_id: int, index: int) -> None:
        """Move to ``index`` of ``group_id`` (counted without the measure itself), also across groups."""
        measure, target = self.measure(measure_id), self.group(group_id)
        source, source_index = self.locate_measure(measure_id)
        size = len(target.measures) - (1 if source is target else 0)
        index = max(0, min(index, size))
        if source is target and index == source_index:
            return
        self.undo_stack.push(undo_commands.MoveMeasureCommand(self, measure, target, index, _("Move measure")))

    def add_section(self, title: str = "", index: int | None = None) -> Section:
        """A section with one ungrouped group, so measures can be added at once."""
        sections = self.report.sections
        index = len(sections) if index is None else max(0, min(index, len(sections)))
        section = Section(title=title)
        self.undo_stack.beginMacro(_("Add section"))
        self.undo_stack.push(undo_commands.AddSectionCommand(self, section, index, _("Add section")))
        if section.id is not None:
            self.undo_stack.push(undo_commands.AddGroupCommand(self, section, MeasureGroup(), 0, _("Add group")))
        self.undo_stack.endMacro()
        return section

    def delete_section(self, section_id: int) -> None:
        """Delete a section with its groups, measures and photos (undo brings them all back)."""
        self.undo_stack.push(undo_commands.delete_section(self, self.section(section_id), _("Delete section")))

    def move_section(self, section_id: int, index: int) -> None:
        section = self.section(section_id)
        index = max(0, min(index, len(self.report.sections) - 1))
        if self.report.sections.index(section) != index:
            self.undo_stack.push(undo_commands.MoveSectionCommand(self, section, index, _("Move section")))

    def add_group(self, section_id: int, kind: Any = None, title: str = "", index: int | None = None) -> MeasureGroup:
        """A new group; a new section's nameless, empty first group is the one given the name (it is ๑.๑)."""
        section = self.section(section_id)
        placeholder = section.groups[0] if len(section.groups) == 1 else None
        if placeholder is not None and not (placeholder.kind or placeholder.title.strip() or placeholder.measures):
            self.undo_stack.beginMacro(_("Add group"))
            self.set_group_field(placeholder.id, "title", title)
            self.set_group_kind(placeholder.id, kind)
            self.undo_stack.endMacro()
            return placeholder
        index = len(section.groups) if index is None else max(0, min(index, len(section.groups)))
        group = MeasureGroup(kind=kind, title=title)
        self.undo_stack.push(undo_commands.AddGroupCommand(self, section, group, index, _("Add group")))
        return group

    def delete_group(self, group_id: int) -> None:
        """Delete a group with its measures and photos (undo brings them all back)."""
        self.undo_stack.push(undo_commands.delete_group(self, self.group(group_id), _("Delete group")))

    def move_group(self, group_id: int, section_id: int, index: int) -> None:
        group, section = self.group(group_id), self.section(section_id)
        source = self.section_of_group(group)
        size = len(section.groups) - (1 if source is section else 0)
        index = max(0, min(index, size))
        if source is section and source.groups.index(group) == index:
            return
        self.undo_stack.push(undo_commands.MoveGroupCommand(self, group, section, index, _("Move group")))

    # -- photos -------------------------------------------------------------------------
    def add_photos(self, measure_id: int, prepared: list, captions: list[str] | None = None,
                   names: list[str] | None = None) -> list[Photo]:
        """Attach prepared pictures (``ita_desktop.photos.PreparedPhoto``) as one undoable step."""
        if not prepared:
            return []
        captions = list(captions) if captions is not None else [""] * len(prepared)
        names = list(names) if names is not None else [""] * len(prepared)
        command = undo_commands.AddPhotosCommand(self, self.measure(measure_id), list(prepared), captions, names,
                                            _("Add photos"))
        self.undo_stack.push(command)
        return list(command.photos)

    def remove_photo(self, photo_id: int) -> None:
        measure, photo = self.locate_photo(photo_id)
        self.undo_stack.push(undo_commands.remove_photo(self, measure, photo, _("Remove photo")))

    def move_photo(self, photo_id: int, index: int) -> None:
        measure, photo = self.locate_photo(photo_id)
        index = max(0, min(index, len(measure.photos) - 1))
        if measure.photos.index(photo) != index:
            self.undo_stack.push(undo_commands.MovePhotoCommand(self, measure, photo, index, _("Move photo")))

    # -- item catalogue (data, not undoable) -------------------------------------------------
    def catalogue(self, fiscal_year: int | None = None) -> list[tuple[str, str]]:
        return self.store.catalogue(self.report.fiscal_year if fiscal_year is None else fiscal_year)

    def set_catalogue(self, fiscal_year: int, items: list[tuple[str, str]]) -> None:
        try:
            self.store.set_catalogue(fiscal_year, items)
        except undo_commands.WRITE_ERRORS as error:
            self.report_write_failure(error)

    # -- the file's reports (years, agencies) -------------------------------------------------
    def reports(self) -> list[ReportSummary]:
        """Every report of the file, in the clerk's order; the one shown as typed, even before its autosave."""
        shown = self.report
        return [dataclasses.replace(r, title=shown.title, agency=shown.agency, fiscal_year=shown.fiscal_year,
                                    measure_count=len(shown.measures)) if r.id == self.report_id else r
                for r in self.store.list_reports()]

    def _insert_and_show(self, report: Report) -> int | None:
        """Store a new report first in the file's list and show it; None if the disk refused."""
        self.flush()
        try:
            new_id = self.store.insert_report(report)
        except undo_commands.WRITE_ERRORS as error:
            self.report_write_failure(error)
            return None
        self.switch_report(new_id)
        return new_id

    def duplicate_as_next_year(self, report_id: int) -> int | None:
        """Next fiscal year's report made from ``report_id`` (plan kept, results cleared), shown at once."""
        from ita_desktop.model.new_year import next_fiscal_year

        self.flush()
        source = self.report if report_id == self.report_id else self.store.load_report(report_id)
        return self._insert_and_show(next_fiscal_year(source))

    def rename_report(self, report_id: int, title: str) -> None:
        """A report's title; the one shown is renamed through its undo history, like typing in its form."""
        if report_id == self.report_id:
            self.set_report_field("title", title)
            return
        try:
            self.store.update_report(report_id, title=title)
        except undo_commands.WRITE_ERRORS as error:
            self.report_write_failure(error)
            return
        self.reportsChanged.emit()

    def delete_report(self, report_id: int) -> bool:
        """Delete a report (undoable); the one shown gives way to its neighbour. The last one stays."""
        ids = [summary.id for summary in self.reports()]
        if report_id not in ids or len(ids) < 2:
            return False
        if report_id == self.report_id:
            index = ids.index(report_id)
            self.switch_report(ids[index + 1] if index + 1 < len(ids) else ids[index - 1])
        self.undo_stack.push(DeleteReportCommand(self, report_id, _("Delete report")))
        return report_id not in [summary.id for summary in self.reports()]

    @staticmethod
    def remove_new_file(path: str | Path) -> None:
        """Remove a file made for an import that brought nothing in (closed by now), with its lock side file."""
        from ita_desktop.store.locking import lock_path

        for leftover in (Path(path), lock_path(Path(path))):
            leftover.unlink(missing_ok=True)

    def discard_report(self, report_id: int) -> None:
        """Remove, for good, a report the clerk never saw (the empty one a new file for an import began with)."""
        if report_id == self.report_id:
            raise ValueError("the report shown cannot be discarded")
        self.store.discard_report(report_id)
        self.reportsChanged.emit()

    def move_report(self, report_id: int, index: int) -> None:
        """Reorder the file's list of reports."""
        try:
            self.store.place_report(report_id, index)
        except undo_commands.WRITE_ERRORS as error:
            self.report_write_failure(error)
            return
        self.reportsChanged.emit()
