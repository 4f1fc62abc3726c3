"""ReportStore: every read and write of a .ita file goes through this one object.

One logical edit is one transaction (``db.atomic()``), so a crash or a power
cut leaves either the whole edit or none of it. Photos (their rows and pixels)
are stored by ``store.photo_store``, whose methods ReportStore has.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ita_desktop.errors import ReportFileError
from ita_desktop.messages import Message
from ita_desktop.model import Measure, MeasureGroup, Report, Signatory
from ita_desktop.store import rows
from ita_desktop.store.backup import write_backup
from ita_desktop.store.file_reports import FileReports
from ita_desktop.store.opening import open_database, open_read_only, open_report_file, read_only_reason
from ita_desktop.store.ordering import SiblingList
from ita_desktop.store.photo_store import PhotoStorage
from ita_desktop.store.restoring import restore_into

if TYPE_CHECKING:
    from sqlite_utils import Database

SECTIONS = SiblingList("sections", "report_id", soft_delete=True)
GROUPS = SiblingList("measure_groups", "section_id", soft_delete=True)
MEASURES = SiblingList("measures", "group_id", soft_delete=True)
# Tables whose deletes are soft (undoable until the file is reopened), children first.
_SOFT_DELETED = ("photos", "measures", "measure_groups", "sections", "reports")


class ReportStore(PhotoStorage, FileReports):
    """One open report file; may hold several reports (years, agencies)."""

    # Set by open(): a file this process may not write opens read-only (and unlocked);
    # notices are things the clerk should be told (read-only, a failed daily backup).
    read_only = False
    notices: tuple = ()
    daily_backup_due = False  # opened with defer_daily_backup and today's copy not yet taken
    daily_snapshot = None  # the file as opened, for that copy (handed to whoever takes it)
    _opened = None

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path

    # -- opening and closing -------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, defer_daily_backup: bool = False) -> ReportStore:
        """Open ``path`` (creating it only with ``create``); raises ReportFileError with a clear message.

        Today's backup copy is taken before this returns, unless ``defer_daily_backup``:
        then ``daily_backup_due`` tells the caller to take it (``store.backup.take_daily_backup``).
        """
        path = Path(path)
        opened = open_report_file(path, create=create, defer_daily_backup=defer_daily_backup)
        store = cls(opened.db, path)
        store.read_only, store.notices, store._opened = opened.read_only, tuple(opened.notices), opened
        store.daily_backup_due, store.daily_snapshot = opened.daily_backup_due, opened.daily_snapshot
        if not store.read_only:
            store._purge_deleted()
        return store

    @classmethod
    def open_worker(cls, path: str | Path) -> ReportStore:
        """A second writable connection to a file this process has open, for a worker thread (a Word import).

        Unlike :meth:`open` it neither purges the soft-deleted rows (the editor's
        undo history still needs them) nor takes a daily copy; the file's lock is
        the editor's (shared within the process).
        """
        path = Path(path)
        return cls(open_database(path), path)

    @classmethod
    def open_reader(cls, path: str | Path) -> ReportStore:
        """A read-only second view of a file another ReportStore edits; usable from a worker thread."""
        path = Path(path)
        return cls(open_read_only(path), path)

    def close(self) -> None:
        if self.daily_snapshot is not None:  # opened, but today's copy was never started
            self.daily_snapshot.close()
            self.daily_snapshot = None
        self.db.close()
        if self._opened is not None:
            self._opened.release()

    def __enter__(self) -> ReportStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _edit(self, report_id: int | None = None) -> Iterator[Database]:
        """One logical edit: one transaction, and the report's updated_at touched."""
        if self.read_only:
            raise read_only_reason(self.path)
        try:
            with self.db.atomic():
                yield self.db
                if report_id is not None:
                    self.db.execute(
                        "UPDATE reports SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                        [report_id],
                    )
        except sqlite3.OperationalError as exc:
            raise ReportFileError(Message("{path}: could not save ({reason}).", path=self.path, reason=exc)) from exc

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Many large writes (a Word report's photos): through a rollback journal, each page written once.

        In WAL mode every page goes to the -wal and again into the file at each
        checkpoint: 1.3 GB written for 650 MB of photos. A rollback journal keeps
        only the old content of the pages a transaction changes (pages added at the
        end of the file not at all), and is as crash-safe: opening rolls a killed
        transaction back. Leaving WAL needs the file to itself, so while another
        connection has it open nothing changes. TRUNCATE keeps the (empty) -journal
        beside the file throughout, so other processes inspect it with locking.
        """
        switched = False
        if not self.read_only:
            try:
                switched = self.db.execute("PRAGMA journal_mode = TRUNCATE").fetchone()[0] == "truncate"
            except sqlite3.OperationalError:  # "database is locked": a reader has the file open
                switched = False
        try:
            yield
        finally:
            if switched:
                try:
                    self.db.execute("PRAGMA journal_mode = WAL")
                except sqlite3.OperationalError:  # a reader came meanwhile: the next opening sets WAL
                    pass

    def _purge_deleted(self) -> None:
        # Undo history does not outlive the session that deleted the rows.
        # Asked first, so an ordinary opening writes nothing (and needs no sqlite-utils).
        if not self.db.execute("SELECT " + " OR ".join(
                f"EXISTS (SELECT 1 FROM {table} WHERE deleted = 1)" for table in _SOFT_DELETED)).fetchone()[0]:
            return
        with self.db.atomic():
            for table in _SOFT_DELETED:  # children first; foreign keys cascade the rest
                self.db.execute(f"DELETE FROM {table} WHERE deleted = 1")

    def _soft_delete(self, siblings: SiblingList, row_id: int) -> None:
        """Delete a section, group, measure or photo until the file is reopened (see :meth:`_purge_deleted`)."""
        with self._edit(self._report_of(siblings.table, row_id)):
            siblings.delete(self.db, row_id)

    def _restore(self, siblings: SiblingList, row_id: int, parent_id: int | None, index: int) -> None:
        """Undo :meth:`_soft_delete`: the same rows come back at ``index`` (under ``parent_id``)."""
        with self._edit(self._report_of(siblings.table, row_id)):
            siblings.restore(self.db, row_id, parent_id, index)

    def _report_of(self, table: str, row_id: int) -> int:
        joins = {
            "sections": "SELECT report_id FROM sections WHERE id = ?",
            "measure_groups": "SELECT s.report_id FROM measure_groups g JOIN sections s ON s.id = g.section_id "
                              "WHERE g.id = ?",
            "measures": "SELECT s.report_id FROM measures m JOIN measure_groups g ON g.id = m.group_id "
                        "JOIN sections s ON s.id = g.section_id WHERE m.id = ?",
            "photos": "SELECT s.report_id FROM photos p JOIN measures m ON m.id = p.measure_id "
                      "JOIN measure_groups g ON g.id = m.group_id JOIN sections s ON s.id = g.section_id "
                      "WHERE p.id = ?",
        }
        row = self.db.execute(joins[table], [row_id]).fetchone()
        if row is None:
            raise KeyError(f"{table} {row_id} does not exist")
        return row[0]

    # -- reports ---------------------------------------------------------------
    def load_report(self, report_id: int) -> Report:
        """The whole tree of one report (photo rows, never photo pixels)."""
        found = self._rows("SELECT * FROM reports WHERE id = ?", [report_id])
        if not found:
            raise KeyError(f"report {report_id} does not exist")
        report = rows.report_from_row(found[0])
        report.signatories = [rows.signatory_from_row(r) for r in self._rows(
            "SELECT * FROM signatories WHERE report_id = ? ORDER BY position_index, id", [report_id])]
        sections = {r["id"]: rows.section_from_row(r) for r in self._rows(
            "SELECT * FROM sections WHERE report_id = ? AND deleted = 0 ORDER BY position_index, id", [report_id])}
        report.sections = list(sections.values())
        groups: dict[int, MeasureGroup] = {}
        for r in self._rows("SELECT g.* FROM measure_groups g JOIN sections s ON s.id = g.section_id "
                            "WHERE s.report_id = ? AND s.deleted = 0 AND g.deleted = 0 "
                            "ORDER BY g.position_index, g.id", [report_id]):
            groups[r["id"]] = group = rows.group_from_row(r)
            sections[r["section_id"]].groups.append(group)
        measures: dict[int, Measure] = {}
        for r in self._rows("SELECT m.* FROM measures m JOIN measure_groups g ON g.id = m.group_id "
                            "JOIN sections s ON s.id = g.section_id WHERE s.report_id = ? AND m.deleted = 0 "
                            "AND g.deleted = 0 AND s.deleted = 0 ORDER BY m.position_index, m.id", [report_id]):
            measures[r["id"]] = measure = rows.measure_from_row(r)
            groups[r["group_id"]].measures.append(measure)
        for r in self._rows("SELECT p.* FROM photos p JOIN measures m ON m.id = p.measure_id "
                            "JOIN measure_groups g ON g.id = m.group_id JOIN sections s ON s.id = g.section_id "
                            "WHERE s.report_id = ? AND p.deleted = 0 AND m.deleted = 0 "
                            "AND g.deleted = 0 AND s.deleted = 0 "
                            "ORDER BY p.position_index, p.id", [report_id]):
            measures[r["measure_id"]].photos.append(rows.photo_from_row(r))
        return report

    def _rows(self, sql: str, params: list[Any]) -> Iterable[dict]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def insert_report(self, report: Report) -> int:
        """Store a whole new report tree (without photos), first in the file's list; sets ``id`` on every object."""
        with self._edit():
            fields = {name: getattr(report, name) for name in rows.REPORT_FIELDS}
            report.id = self.db["reports"].insert(rows.report_columns(fields)).last_pk
            self._place(report.id, 0)
            self._insert_signatories(report.id, report.signatories)
            for s_index, section in enumerate(report.sections):
                section.id = self.db["sections"].insert(
                    {"report_id": report.id, "position_index": s_index, "title": section.title}).last_pk
                for g_index, group in enumerate(section.groups):
                    group.id = self.db["measure_groups"].insert(rows.group_columns(
                        {"section_id": section.id, "position_index": g_index, "kind": group.kind,
                         "title": group.title})).last_pk
                    for m_index, measure in enumerate(group.measures):
                        measure.id = self._insert_measure(group.id, m_index, measure)
        return report.id

    def update_report(self, report_id: int, **fields: Any) -> None:
        rows.check_fields(fields, rows.REPORT_FIELDS)
        with self._edit(report_id):
            self.db["reports"].update(report_id, rows.report_columns(fields))

    def delete_report(self, report_id: int) -> None:
        with self._edit():
            self.db.execute("DELETE FROM reports WHERE id = ?", [report_id])
            self._renumber_reports(self._report_ids())  # the others back where they were

    def discard_report(self, report_id: int) -> None:
        """Delete a report no one has seen yet (a cancelled import), pixels included, at once.

        The schema's foreign keys (on for every connection) cascade to every row under it.
        Builds with secure_delete on would zero every freed page: 270 MB of zeros (2.2 s) for
        60 discarded photos, which are still in the clerk's .docx anyway; FAST zeroes only
        pages written regardless.
        """
        secure_delete = self.db.execute("PRAGMA secure_delete").fetchone()[0]
        self.db.execute("PRAGMA secure_delete = FAST")
        try:
            self.delete_report(report_id)
        finally:
            self.db.execute(f"PRAGMA secure_delete = {('OFF', 'ON', 'FAST')[secure_delete]}")

    def set_signatories(self, report_id: int, signatories: list[Signatory]) -> None:
        with self._edit(report_id):
            self.db.execute("DELETE FROM signatories WHERE report_id = ?", [report_id])
            self._insert_signatories(report_id, signatories)

    def _insert_signatories(self, report_id: int, signatories: list[Signatory]) -> None:
        for index, person in enumerate(signatories):
            person.id = self.db["signatories"].insert(
                {"report_id": report_id, "position_index": index, "role": person.role,
                 "name": person.name, "position": person.position}).last_pk

    # -- sections and groups -----------------------------------------------------
    def add_section(self, report_id: int, title: str = "", index: int | None = None) -> int:
        with self._edit(report_id):
            section_id = self.db["sections"].insert(
                {"report_id": report_id, "position_index": SECTIONS.next_index(self.db, report_id),
                 "title": title}).last_pk
            SECTIONS.place(self.db, section_id, report_id, index)
        return section_id

    def update_section(self, section_id: int, **fields: Any) -> None:
        rows.check_fields(fields, rows.SECTION_FIELDS)
        with self._edit(self._report_of("sections", section_id)):
            self.db["sections"].update(section_id, fields)

    def move_section(self, section_id: int, index: int) -> None:
        report_id = self._report_of("sections", section_id)
        with self._edit(report_id):
            SECTIONS.place(self.db, section_id, report_id, index)

    def delete_section(self, section_id: int) -> None:
        self._soft_delete(SECTIONS, section_id)

    def restore_section(self, section_id: int, index: int) -> None:
        """Undo :meth:`delete_section` (until the file is reopened): the same rows come back."""
        self._restore(SECTIONS, section_id, None, index)

    def add_group(self, section_id: int, kind: Any = None, title: str = "", index: int | None = None) -> int:
        with self._edit(self._report_of("sections", section_id)):
            group_id = self.db["measure_groups"].insert(rows.group_columns(
                {"section_id": section_id, "position_index": GROUPS.next_index(self.db, section_id),
                 "kind": kind, "title": title})).last_pk
            GROUPS.place(self.db, group_id, section_id, index)
        return group_id

    def update_group(self, group_id: int, **fields: Any) -> None:
        rows.check_fields(fields, rows.GROUP_FIELDS)
        with self._edit(self._report_of("measure_groups", group_id)):
            self.db["measure_groups"].update(group_id, rows.group_columns(fields))

    def move_group(self, group_id: int, section_id: int, index: int | None = None) -> None:
        with self._edit(self._report_of("measure_groups", group_id)):
            GROUPS.place(self.db, group_id, section_id, index)

    def delete_group(self, group_id: int) -> None:
        self._soft_delete(GROUPS, group_id)

    def restore_group(self, group_id: int, section_id: int, index: int) -> None:
        """Undo :meth:`delete_group` (until the file is reopened): the same rows come back."""
        self._restore(GROUPS, group_id, section_id, index)

    # -- measures ----------------------------------------------------------------
    def _insert_measure(self, group_id: int, index: int, measure: Measure) -> int:
        columns = rows.measure_columns(rows.measure_fields_of(measure))
        return self.db["measures"].insert({"group_id": group_id, "position_index": index, **columns}).last_pk

    def add_measure(self, group_id: int, measure: Measure | None = None, index: int | None = None) -> int:
        measure = measure or Measure()
        with self._edit(self._report_of("measure_groups", group_id)):
            measure.id = self._insert_measure(group_id, MEASURES.next_index(self.db, group_id), measure)
            MEASURES.place(self.db, measure.id, group_id, index)
            self._note_measure_edited(measure.id)
        return measure.id

    def load_measure(self, measure_id: int) -> Measure:
        found = self._rows("SELECT * FROM measures WHERE id = ?", [measure_id])
        if not found:
            raise KeyError(f"measure {measure_id} does not exist")
        measure = rows.measure_from_row(found[0])
        measure.photos = [rows.photo_from_row(r) for r in self._rows(
            "SELECT * FROM photos WHERE measure_id = ? AND deleted = 0 ORDER BY position_index, id", [measure_id])]
        return measure

    def update_measure(self, measure_id: int, **fields: Any) -> None:
        """Change some of a measure's fields (title, items, steps, … table, notes)."""
        rows.check_fields(fields, rows.MEASURE_FIELDS)
        with self._edit(self._report_of("measures", measure_id)):
            self.db["measures"].update(measure_id, rows.measure_columns(fields))
            self._note_measure_edited(measure_id)

    def move_measure(self, measure_id: int, group_id: int, index: int | None = None) -> None:
        """Reorder a measure, also into another group (of any section of the same report)."""
        with self._edit(self._report_of("measures", measure_id)):
            MEASURES.place(self.db, measure_id, group_id, index)

    def delete_measure(self, measure_id: int) -> None:
        """Remove a measure from the report; :meth:`restore_measure` brings it back until the file is closed."""
        self._soft_delete(MEASURES, measure_id)

    def restore_measure(self, measure_id: int, group_id: int, index: int) -> None:
        self._restore(MEASURES, measure_id, group_id, index)

    def duplicate_measure(self, measure_id: int) -> int:
        """A copy (photos included) right after the original."""
        original = self.load_measure(measure_id)
        group_id = MEASURES.parent_of(self.db, measure_id)
        index = MEASURES.ids(self.db, group_id).index(measure_id) + 1
        with self._edit(self._report_of("measures", measure_id)):
            copy_id = self.add_measure(group_id, Measure(**{f: getattr(original, f) for f in rows.MEASURE_FIELDS}),
                                       index)
            self._copy_photos(original.photos, copy_id)
        return copy_id

    # -- item catalogue and whole-file operations ----------------------------------
    def catalogue(self, fiscal_year: int) -> list[tuple[str, str]]:
        """(code, title) of the assessment items known for ``fiscal_year``."""
        return [tuple(r) for r in self.db.execute(
            "SELECT code, title FROM item_catalogue WHERE fiscal_year = ? ORDER BY code", [fiscal_year]).fetchall()]

    def set_catalogue(self, fiscal_year: int, items: Iterable[tuple[str, str]]) -> None:
        with self._edit():
            self.db.execute("DELETE FROM item_catalogue WHERE fiscal_year = ?", [fiscal_year])
            self.db["item_catalogue"].insert_all(
                [{"fiscal_year": fiscal_year, "code": code, "title": title} for code, title in items])

    def backup_to(self, target: str | Path) -> Path:
        """A consistent copy of the whole file (SQLite backup API), safe while editing."""
        return write_backup(self.db.conn, Path(target))

    def restore_from(self, backup: str | Path) -> Path:
        """Replace this file's content with the copy ``backup``; returns the copy of the content it replaced.

        The copy is checked like any file being opened and upgraded if older; the
        caller reloads what it shows. Raises ReportFileError (read-only, a refused
        copy, no room for the safety copy: then nothing changed).
        """
        if self.read_only:
            raise read_only_reason(self.path)
        return restore_into(self.db.conn, self.path, Path(backup))
