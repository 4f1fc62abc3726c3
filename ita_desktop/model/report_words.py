"""The report's own words: names a dictionary cannot know (agency, units, people, places), taken from the report.

The line breaker keeps them whole and the spell check accepts them, for this report only.
"""

from __future__ import annotations

import re

from ita_desktop.model.report import Report

# Titles written glued to a Thai name ("นายสมชาย"): the name alone is the word.
_NAME_TITLES = ("นางสาว", "นาง", "นาย", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ดร.")
_THAI_RUN = re.compile(r"[\u0E00-\u0E7F.]+")
_MIN_LENGTH = 2


def report_words(report: Report) -> frozenset[str]:
    """Runs of Thai letters (with their dots: "อบต.") from the fields that hold names, titles stripped."""
    fields = [report.agency, report.agency_kind]
    for signatory in report.signatories:
        fields += [signatory.name, signatory.position]
    for section in report.sections:
        for group in section.groups:
            fields += [measure.responsible for measure in group.measures]
    words: set[str] = set()
    for text in fields:
        for run in _THAI_RUN.findall(text or ""):
            word = _without_title(run.lstrip("."))
            if len(word) >= _MIN_LENGTH:
                words.add(word)
    return frozenset(words)


def _without_title(word: str) -> str:
    for title in _NAME_TITLES:
        if word.startswith(title) and len(word) > len(title) + 1:
            return word[len(title):]
    return word
