"""The report as plain Python objects: no Qt, no SQL."""

from ita_desktop.model.report import (
    TRACKING_COLUMNS,
    GroupKind,
    Measure,
    MeasureGroup,
    Photo,
    Report,
    ReportSummary,
    Section,
    Signatory,
)

__all__ = [
    "GroupKind",
    "Measure",
    "MeasureGroup",
    "Photo",
    "Report",
    "ReportSummary",
    "Section",
    "Signatory",
    "TRACKING_COLUMNS",
]
