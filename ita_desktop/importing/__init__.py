"""Bring reports in: plain text (and Word) through one structure recogniser.

A source turns its file into :class:`SourceParagraph` objects; :func:`recognise`
turns any such stream into a :class:`~ita_desktop.model.Report` plus
:class:`ImportWarning` objects; :func:`save_recognised` stores the result.
"""

from ita_desktop.importing.recogniser import recognise
from ita_desktop.importing.report_import import (
    import_demo,
    prepare_pictures,
    recognise_file,
    recognise_text,
    save_recognised,
)
from ita_desktop.importing.source import (
    ImportWarning,
    PendingPicture,
    RecognisedReport,
    SourceParagraph,
    SourcePicture,
)
from ita_desktop.importing.text_source import (
    ReportTextError,
    decode_report_bytes,
    paragraphs_from_text,
    read_report_text,
)

__all__ = [
    "ImportWarning",
    "PendingPicture",
    "RecognisedReport",
    "ReportTextError",
    "SourceParagraph",
    "SourcePicture",
    "decode_report_bytes",
    "import_demo",
    "paragraphs_from_text",
    "prepare_pictures",
    "read_report_text",
    "recognise",
    "recognise_file",
    "recognise_text",
    "save_recognised",
]
