"""Import a Word report: recognise its paragraphs, then stream its photos into the store in batches.

The text is recognised first (only the document XML is read), so a file that
is not a report is refused before the .ita file is opened. Photos are then
read from the zip one by one, prepared on every core by
:func:`ita_desktop.photos.batch.prepare_many` (a bounded window in flight) and
written a batch per transaction (through a rollback journal, see
``ReportStore.bulk_writes``), so memory stays flat however many photos the
report holds. An unreadable photo is skipped with a warning naming it.

An import that is stopped (``should_stop`` answers True, Ctrl-C, or any error
while the photos go in) reads no further pictures and removes the half-imported
report at once, so the .ita file holds exactly the rows it held before.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ita_desktop.errors import UserError
from ita_desktop.importing.docx_package import PictureReadError, docx_error
from ita_desktop.importing.docx_source import DocxSource
from ita_desktop.importing.odt_source import OdtSource
from ita_desktop.importing.recogniser import recognise
from ita_desktop.importing.report_import import no_structure_found
from ita_desktop.importing.source import ImportWarning, PendingPicture, RecognisedReport
from ita_desktop.importing.warning_texts import shorten
from ita_desktop.importing.word_formats import open_word_source
from ita_desktop.messages import Message
from ita_desktop.photos.batch import PhotoResult, prepare_many

if TYPE_CHECKING:  # the store is only handed in, never opened here
    from ita_desktop.store.report_store import ReportStore

Progress = Callable[[int, int], None]
StopRequest = Callable[[], bool]  # asked from the photo workers too: must be thread-safe (Event.is_set is)
BATCH_SIZE = 8  # photos per transaction: few fsyncs, a small write-ahead log
READ_AHEAD = 8  # prepared photos waiting for the writer (~6 MB each): workers never wait for a commit


class ImportCancelled(UserError):
    """The import was stopped on request; nothing of it is left in the .ita file."""

    def __init__(self) -> None:
        super().__init__(Message("Import cancelled."))


@dataclass
class RecognisedDocx:
    """A recognised Word report whose photos are still in the .docx, waiting to be prepared."""

    path: Path
    result: RecognisedReport
    source: DocxSource | OdtSource

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
    source = open_word_source(path)
    result = recognise(source.paragraphs())
    if not result.report.sections:
        raise docx_error(path, no_structure_found())
    result.warnings[:0] = source.warnings  # what the source could not read comes first
    return RecognisedDocx(path, result, source)


def _picture_warning(pending: PendingPicture, reason: Message) -> ImportWarning:
    title = shorten(pending.measure.title, 40)
    return ImportWarning("unreadable_picture", Message("picture not imported: {text} (measure “{title}”)",
                                                       text=reason, title=title))


def _read_ahead(results: Iterator[PhotoResult], depth: int) -> Iterator[PhotoResult]:
    """Pull ``results`` on a helper thread, so the workers keep preparing while the caller writes and commits.

    When the caller stops early (a cancel, an error while writing), closing this
    generator stops the helper and waits for it: the pictures being decoded finish,
    no other starts, and no thread of the import outlives it.
    """
    waiting: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    end = object()

    def hand_over(item: object) -> bool:
        while not stop.is_set():
            try:
                waiting.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def pump() -> None:
        try:
            for result in results:
                if not hand_over(result):
                    return
            hand_over(end)
        except BaseException as error:  # handed to the caller's thread, raised there
            hand_over(error)
        finally:
            results.close()  # shuts the worker pool down here, not in whichever thread collects it

    thread = threading.Thread(target=pump, name="photo-read-ahead", daemon=True)
    thread.start()
    try:
        while (item := waiting.get()) is not end:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


class _PhotoWriter:
    """Writes prepared photos to the store a batch per transaction, in the order the report gives them."""

    def __init__(self, store: ReportStore, recognised: RecognisedDocx, progress: Progress | None,
                 should_stop: StopRequest | None = None) -> None:
        self.store = store
        self.recognised = recognised
        self.progress = progress
        self.should_stop = should_stop
        self.stopping = threading.Event()  # set once: on request, or when the writer fails
        self.read_errors: dict[str, PictureReadError] = {}
        self.outcome = DocxImport(report_id=0)

    def stopped(self) -> bool:
        """Has a stop been asked for? Remembered, so the request is seen by every worker alike."""
        if not self.stopping.is_set() and self.should_stop is not None and self.should_stop():
            self.stopping.set()
        return self.stopping.is_set()

    def sources(self) -> Iterator[tuple[str, Callable[[], bytes]]]:
        """The pictures to prepare, handed out one at a time until a stop is asked for."""
        for pending in self.recognised.result.pictures:
            if self.stopped():
                return
            yield pending.photo.original_name, self.loader(pending.photo.original_name), pending.placement

    def loader(self, name: str) -> Callable[[], bytes]:
        picture = self.recognised.source.pictures[name]

        def load() -> bytes:
            if self.stopped():  # queued before the stop: neither read nor decoded
                raise ImportCancelled
            try:
                return picture.load()
            except PictureReadError as error:
                self.read_errors[name] = error  # worded in both languages, unlike the batch's message
                raise
        return load

    def write(self, pending: PendingPicture, result: PhotoResult) -> None:
        if result.prepared is None:
            error = self.read_errors.get(pending.photo.original_name)
            reason = Message("{path}: {reason}", path=result.name, reason=error.text) if error else result.error.text
            self.outcome.warnings.append(_picture_warning(pending, reason))
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
        results = _read_ahead(prepare_many(self.sources(), workers=workers), READ_AHEAD)
        done = 0
        try:
            while done < total:
                # One transaction per batch (nested add_photo edits become savepoints).
                with self.store.db.atomic():
                    for pending_picture in pending[done:done + BATCH_SIZE]:
                        if self.stopped():
                            raise ImportCancelled
                        self.write(pending_picture, next(results))
                        done += 1
                        if self.progress:
                            self.progress(done, total)
        except BaseException:
            self.stopping.set()  # before the pool is shut down: queued pictures are then not decoded
            raise
        finally:
            results.close()


def save_docx(store: ReportStore, recognised: RecognisedDocx, progress: Progress | None = None,
              workers: int | None = None, *, should_stop: StopRequest | None = None) -> DocxImport:
    """Insert the recognised report, then its photos (prepared on ``workers`` threads); returns what was stored.

    Raises :class:`ImportCancelled` once ``should_stop()`` answers True. Then, as on
    Ctrl-C or any other error, the half-imported report is removed before the error
    is passed on: the file is left as it was.
    """
    writer = _PhotoWriter(store, recognised, progress, should_stop)
    if writer.stopped():
        raise ImportCancelled
    report_id = None
    try:
        report_id = writer.outcome.report_id = store.insert_report(recognised.result.report)
        with store.bulk_writes():  # hundreds of MB of photos: written once, not WAL + checkpoint
            writer.run(workers)
    except BaseException as error:
        writer.stopping.set()  # the photo workers read no further pictures
        if report_id is not None:
            _discard(store, report_id, error)
        raise
    recognised.result.pictures = [p for p in recognised.result.pictures if p.photo.id is not None]
    writer.outcome.warnings[:0] = recognised.warnings
    return writer.outcome


def _discard(store: ReportStore, report_id: int, cause: BaseException) -> None:
    """Remove the half-imported report; the batches of photos already committed go with it."""
    try:
        store.discard_report(report_id)
    except Exception as failure:  # the disk refused even that: the first error is still the one to show
        cause.add_note(f"the half-imported report {report_id} could not be removed: {failure}")


def import_docx(store: ReportStore, path: str | Path, progress: Progress | None = None,
                workers: int | None = None, *, should_stop: StopRequest | None = None) -> DocxImport:
    """Read the Word report at ``path`` into ``store``; ``progress(done, total)`` is called per photo."""
    return save_docx(store, recognise_docx(path), progress, workers, should_stop=should_stop)
