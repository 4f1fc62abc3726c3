"""Import a Word report: recognise its paragraphs, then stream its photos into the store in batches.

The text is recognised first (only the document XML is read), so a file that
is not a report is refused before the .ita file is opened. Photos are then
read from the zip one by one, prepared on every core by
:func:`ita_desktop.photos.batch.prepare_many` (a bounded window in flight) and
written a batch per transaction (through a rollback journal, see
``ReportStore.bulk_writes``), so memory stays flat however many photos the
report holds. An unreadable photo is skipped with a warning naming it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ita_desktop.importing.docx_package import PictureReadError, docx_error
from ita_desktop.importing.docx_source import DocxSource
from ita_desktop.importing.recogniser import recognise
from ita_desktop.importing.source import ImportWarning, PendingPicture, RecognisedReport
from ita_desktop.importing.warning_texts import shorten
from ita_desktop.photos.batch import PhotoResult, prepare_many

if TYPE_CHECKING:  # the store is only handed in, never opened here
    from ita_desktop.store.report_store import ReportStore

Progress = Callable[[int, int], None]
BATCH_SIZE = 8  # photos per transaction: few fsyncs, a small write-ahead log
READ_AHEAD = 8  # prepared photos waiting for the writer (~6 MB each): workers never wait for a commit


@dataclass
class RecognisedDocx:
    """A recognised Word report whose photos are still in the .docx, waiting to be prepared."""

    path: Path
    result: RecognisedReport
    source: DocxSource

    @property
    def warnings(self) -> list[ImportWarning]:
        return self.result.warnings


@dataclass
class DocxImport:
    """What an import stored: the new report's id, the warnings, and how many photos came in."""

    report_id: int
    warnings: list[ImportWarning] = field(default_factory=list)
    photos_stored: int = 0
    photos_skipped: int = 0


def recognise_docx(path: str | Path) -> RecognisedDocx:
    """Read a .docx's text, tables and picture places into a report tree (photo bytes not read yet)."""
    path = Path(path)
    source = DocxSource(path)
    result = recognise(source.paragraphs())
    if not result.report.sections:
        raise docx_error(path, "no report structure found (no section such as “๑. มาตรการ…” and no measure).",
                         "ไม่พบโครงสร้างรายงาน (ไม่มีหัวข้อ เช่น “๑. มาตรการ…” และไม่มีมาตรการ)")
    result.warnings[:0] = source.warnings  # what the source could not read comes first
    return RecognisedDocx(path, result, source)


def _picture_warning(pending: PendingPicture, english: str, thai: str) -> ImportWarning:
    title = shorten(pending.measure.title, 40)
    return ImportWarning("unreadable_picture", f"picture not imported: {english} (measure “{title}”)",
                         f"ไม่ได้นำเข้าภาพ: {thai} (มาตรการ “{title}”)")


def _read_ahead(results: Iterator[PhotoResult], depth: int) -> Iterator[PhotoResult]:
    """Pull ``results`` on a helper thread, so the workers keep preparing while the caller writes and commits."""
    waiting: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    end = object()

    def pump() -> None:
        try:
            for result in results:
                while not stop.is_set():
                    try:
                        waiting.put(result, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            waiting.put(end)
        except BaseException as error:  # handed to the caller's thread, raised there
            waiting.put(error)

    thread = threading.Thread(target=pump, name="photo-read-ahead", daemon=True)
    thread.start()
    try:
        while (item := waiting.get()) is not end:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()  # the caller stopped early (an error while writing): let the pump end


class _PhotoWriter:
    """Writes prepared photos to the store a batch per transaction, in the order the report gives them."""

    def __init__(self, store: ReportStore, recognised: RecognisedDocx, progress: Progress | None) -> None:
        self.store = store
        self.recognised = recognised
        self.progress = progress
        self.read_errors: dict[str, PictureReadError] = {}
        self.outcome = DocxImport(report_id=0)

    def loader(self, name: str) -> Callable[[], bytes]:
        picture = self.recognised.source.pictures[name]

        def load() -> bytes:
            try:
                return picture.load()
            except PictureReadError as error:
                self.read_errors[name] = error  # worded in both languages, unlike the batch's message
                raise
        return load

    def write(self, pending: PendingPicture, result: PhotoResult) -> None:
        if result.prepared is None:
            error = self.read_errors.get(pending.photo.original_name)
            english = f"{result.name}: {error.english}" if error else result.error.english
            thai = f"{result.name}: {error.thai}" if error else result.error.thai
            self.outcome.warnings.append(_picture_warning(pending, english, thai))
            pending.measure.photos.remove(pending.photo)
            self.outcome.photos_skipped += 1
            return
        stored = self.store.add_photo(pending.measure.id, result.prepared, caption=pending.photo.caption,
                                      original_name=pending.photo.original_name)
        photo = pending.photo
        photo.id, photo.width, photo.height, photo.sha256 = stored.id, stored.width, stored.height, stored.sha256
        self.outcome.photos_stored += 1

    def run(self, workers: int | None) -> None:
        pending = self.recognised.result.pictures
        total = len(pending)
        if self.progress:
            self.progress(0, total)
        sources = ((p.photo.original_name, self.loader(p.photo.original_name)) for p in pending)
        results = _read_ahead(prepare_many(sources, workers=workers), READ_AHEAD)
        done = 0
        while done < total:
            # One transaction per batch (nested add_photo edits become savepoints).
            with self.store.db.atomic():
                for pending_picture in pending[done:done + BATCH_SIZE]:
                    self.write(pending_picture, next(results))
                    done += 1
                    if self.progress:
                        self.progress(done, total)


def save_docx(store: ReportStore, recognised: RecognisedDocx, progress: Progress | None = None,
              workers: int | None = None) -> DocxImport:
    """Insert the recognised report, then its photos (prepared on ``workers`` threads); returns what was stored."""
    report_id = store.insert_report(recognised.result.report)
    writer = _PhotoWriter(store, recognised, progress)
    writer.outcome.report_id = report_id
    with store.bulk_writes():  # hundreds of MB of photos: written once, not WAL + checkpoint
        writer.run(workers)
    recognised.result.pictures = [p for p in recognised.result.pictures if p.photo.id is not None]
    writer.outcome.warnings[:0] = recognised.warnings
    return writer.outcome


def import_docx(store: ReportStore, path: str | Path, progress: Progress | None = None,
                workers: int | None = None) -> DocxImport:
    """Read the Word report at ``path`` into ``store``; ``progress(done, total)`` is called per photo."""
    return save_docx(store, recognise_docx(path), progress, workers)
