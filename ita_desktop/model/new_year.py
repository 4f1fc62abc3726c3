"""Start next year's report from this year's: same structure, results cleared."""

from __future__ import annotations

from ita_desktop.model.report import Measure, MeasureGroup, Report, Section, Signatory


def next_fiscal_year(report: Report) -> Report:
    """A new report for fiscal year + 1.

    Keeps the agency, sections, groups, measures, item codes, steps and responsible
    units (the plan usually carries over); clears the summary of results, the
    outcome, photos and tracking tables, which are this year's evidence. Item codes
    now cite last year's assessment, so they are marked "เดิม".
    """
    return Report(
        title=report.title,
        agency=report.agency,
        agency_kind=report.agency_kind,
        fiscal_year=report.fiscal_year + 1,
        thai_digits=report.thai_digits,
        margins_mm=report.margins_mm,
        sections=[
            Section(title=section.title, groups=[
                MeasureGroup(kind=group.kind, title=group.title, measures=[
                    Measure(title=m.title, items=list(m.items), items_previous=bool(m.items),
                            steps=m.steps, responsible=m.responsible)
                    for m in group.measures
                ])
                for group in section.groups
            ])
            for section in report.sections
        ],
        signatories=[Signatory(role=s.role, name=s.name, position=s.position) for s in report.signatories],
    )
