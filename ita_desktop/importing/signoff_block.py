"""Collect sign-offs into the report: one-line ones, and "ลงชื่อ" blocks whose name and position follow."""

from __future__ import annotations

import re
from collections.abc import Callable

from ita_desktop.importing import patterns
from ita_desktop.importing.signoff import (
    read_bracketed_name,
    read_role_signoff,
    read_signature_line,
    split_name_position,
    strip_position_label,
)
from ita_desktop.model import Report, Signatory

_PERSON = re.compile(r"^(?:นาย|นาง|น\.ส\.|ว่าที่|ดร\.)")
Warn = Callable[..., None]


class SignOffCollector:
    """Adds signatories to ``report``; a "ลงชื่อ" block stays open until its name and position arrive."""

    def __init__(self, report: Report, warn: Warn) -> None:
        self.report = report
        self.warn = warn
        self.open: Signatory | None = None
        self.needs = ""  # "name" or "position"
        self.open_line: int | None = None

    def start(self, text: str, line: int | None) -> bool:
        """Take ``text`` if it begins a sign-off ("อนุมัติโดย: …", "ลงชื่อ …")."""
        signatory = read_role_signoff(text)
        block = signatory is None
        if block:
            signatory = read_signature_line(text)
        if signatory is None:
            return False
        self.close()
        previous = self.report.signatories[-1] if self.report.signatories else None
        self.report.signatories.append(signatory)
        if not signatory.name:
            self.open, self.needs = signatory, "name"
        elif not signatory.position and block:
            self.open, self.needs = signatory, "position"
        self.open_line = line
        if previous is not None and signatory.name and (previous.role, previous.name, previous.position) == (
                signatory.role, signatory.name, signatory.position):
            self.warn("duplicate_signatory", line, role=signatory.role, name=signatory.name)
        return True

    def continue_block(self, text: str) -> bool:
        """Take the name or position line of an open "ลงชื่อ" block; False when the line is something else."""
        signatory = self.open
        if signatory is None:
            return False
        if self.needs == "name":
            bracketed = read_bracketed_name(text)
            if bracketed is not None:
                signatory.name, position = bracketed
                signatory.position = signatory.position or position
            elif _PERSON.match(text):
                signatory.name, signatory.position = split_name_position(text)
            else:
                self.close()
                return False
            self.needs = "" if signatory.position else "position"
        elif is_structural(text):
            self.close()
            return False
        else:
            signatory.position = strip_position_label(text)
            self.needs = ""
        if not self.needs:
            self.open = None
        return True

    def close(self) -> None:
        if self.open is not None and not self.open.name:
            self.warn("signatory_without_name", self.open_line)
        self.open, self.needs = None, ""


def is_structural(text: str) -> bool:
    """A line with a meaning of its own, which no sign-off block may swallow as a position."""
    numbered = patterns.read_paren_number(text)
    body = numbered.body if numbered else text
    return bool(
        read_role_signoff(text) or read_signature_line(text) or patterns.read_section_heading(text)
        or patterns.read_group_heading(text) or numbered or patterns.read_part(body, False)
        or patterns.looks_like_measure(body) or patterns.is_note_line(text)
    )
