"""From a source to a stored report: recognise, prepare the pictures, insert into a ReportStore."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ita_desktop.errors import PhotoError
from ita_desktop.importing.patterns import SECTION_EXAMPLE
from ita_desktop.importing.recogniser import recognise
from ita_desktop.importing.source import RecognisedReport
from ita_desktop.importing.text_source import ReportTextError, paragraphs_from_text, read_report_text
from ita_desktop.importing.warning_texts import make_warning
from ita_desktop.messages import Message
from ita_desktop.paths import sample_report_text
from ita_desktop.photos import PreparedPhoto, prepare_photo

if TYPE_CHECKING:  # the store is only handed in, never opened here
    from ita_desktop.store.report_store import ReportStore


def recognise_text(text: str, name: str = "") -> RecognisedReport:
    """Recognise a report's text; refuses text in which no measure or section can be found."""
    result = recognise(paragraphs_from_text(text))
    if not result.report.sections:
        raise ReportTextError(Message("{path}: {reason}", path=name, reason=no_structure_found()))
    return result


def no_structure_found() -> Message:
    """Why a text or Word file that holds no section and no measure is refused."""
    return Message("no report structure found (no section such as “{example}” and no measure).",
                   example=SECTION_EXAMPLE)


def recognise_file(path: str | Path) -> RecognisedReport:
    """Read, decode and recognise a report .txt (the file is only read)."""
    return recognise_text(read_report_text(path), str(path))


def prepare_pictures(result: RecognisedReport) -> list[PreparedPhoto]:
    """Decode every picture once; an unreadable one is removed from its measure with a warning.

    Fills each photo's width/height (as printed, EXIF rotation applied) and
    returns the prepared pictures in the order of ``result.pictures``.
    """
    prepared, kept = [], []
    for pending in result.pictures:
        try:
            ready = prepare_photo(pending.data, pending.photo.original_name, pending.placement)
        except PhotoError as error:
            pending.measure.photos.remove(pending.photo)
            result.warnings.append(make_warning("unreadable_picture", None, text=error.text))
            continue
        pending.photo.width, pending.photo.height = ready.width, ready.height
        prepared.append(ready)
        kept.append(pending)
    result.pictures = kept
    return prepared


def save_recognised(store: ReportStore, result: RecognisedReport) -> int:
    """Insert the recognised report and its pictures into ``store``; returns the new report id."""
    prepared = prepare_pictures(result)
    report_id = store.insert_report(result.report)
    for pending, ready in zip(result.pictures, prepared, strict=True):
        stored = store.add_photo(pending.measure.id, ready, caption=pending.photo.caption,
                                 original_name=pending.photo.original_name)
        pending.photo.id = stored.id
    return report_id


def import_demo(store: ReportStore) -> int:
    """Import the built-in sample report (Ang Thong PAO, 2566) into ``store``; returns its id."""
    return save_recognised(store, recognise_text(sample_report_text(), "sample"))
