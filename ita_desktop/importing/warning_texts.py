"""The import warnings: an English msgid per warning code, translated by the catalogue when shown."""

from __future__ import annotations

from ita_desktop.importing.source import ImportWarning
from ita_desktop.messages import N_, Message

# code → English msgid (its Thai is in the catalogue); {placeholders} are filled by make_warning.
WARNING_TEXTS: dict[str, str] = {
    "unplaced_text": N_("text not placed in any part, kept in the measure's notes: “{text}”"),
    "unplaced_report_text": N_("text before any measure could not be placed and is not imported: “{text}”"),
    "truncated_heading": N_("heading cut short (“{text}”), not placed in a part; kept in the measure's notes"),
    "count_mismatch": N_(
        "“{title}” says {typed} measures but {found} are there; the count is now derived from the measures"),
    "suspect_item_code": N_("item code “{code}” of measure “{title}” looks misread; probably {suggestion}"),
    "item_code_no_letter": N_("item code “{code}” of measure “{title}” has no I/E/O letter"),
    "item_code_other_kind": N_("item code “{code}” of measure “{title}” is in a {kind} group"),
    "duplicate_signatory": N_(
        "sign-off “{role}: {name}” repeats the one before it; it looks duplicated (both kept)"),
    "signatory_without_name": N_("a signature line has no name"),
    "missing_parts": N_("measure “{title}” has no {parts}"),
    "heading_joined": N_("a measure heading continues on the next line; the two lines are joined: “{text}”"),
    "duplicate_part": N_("measure “{title}” has “{label}” twice; the texts are joined"),
    "number_mismatch": N_(
        "“{text}” is numbered {typed} but is number {found} in its place; the number is now derived"),
    "kind_guessed": N_("group “{title}” has no (IIT)/(EIT)/(OIT); taken as {kind} from its title"),
    "implicit_section": N_("a measure comes before any section heading; it is put in an untitled section"),
    "implicit_measure": N_("“{text}” comes before any measure heading; it is put in an untitled measure"),
    "table_in_part": N_("a table inside a part of measure “{title}” is stored as its tracking table"),
    "table_row_width": N_(
        "a table row of measure “{title}” has {cells} cells, more than the {columns} tracking columns"),
    "unplaced_table": N_("a table before any measure could not be placed and is not imported: “{text}”"),
    "unplaced_picture": N_("picture “{text}” before any measure could not be placed and is not imported"),
    "unreadable_picture": N_("picture not imported: {text}"),
    "linked_picture": N_("a picture linked to “{text}” is not inside the Word file and is not imported"),
    "no_title": N_("no report title line was found"),
    "no_agency": N_("no line “{example}” was found: agency and fiscal year are empty"),
    "it9_digits": N_("digits typed in {font}, which draws them as Thai digits, are imported as Thai digits"),
    "year_in_ce": N_("fiscal year {typed} looks like a Christian-era year; stored as B.E. {found}"),
}

_SHORT = 60


def shorten(text: str, limit: int = _SHORT) -> str:
    """The start of a long text for a one-line warning (the full text is kept elsewhere), cut between words:
    cut by characters, the import's warnings read "…เรื่องร้องเรีย…" and "ตรวจส…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    from ita_desktop.typesetting.segmentation import newmm_words  # the dictionary: only for a long text

    kept = ""
    for word in newmm_words(text[: 2 * limit]):  # the words at the start only: a pasted field can be 200 kB
        if len(kept) + len(word) > limit - 1:
            break
        kept += word
    return (kept.rstrip() or text[: limit - 1]) + "…"


def make_warning(warning_code: str, line: int | None = None, **values: object) -> ImportWarning:
    """The warning ``warning_code`` about source line ``line``, its msgid's placeholders filled from ``values``."""
    return ImportWarning(warning_code, Message(WARNING_TEXTS[warning_code], **values), line)
