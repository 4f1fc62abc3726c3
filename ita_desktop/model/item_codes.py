"""Assessment item codes ("I7", "E3", "O21"): their usual ranges, and the code behind a misread one.

Used by the Word/text import (to warn about a code as it comes in) and by the
pre-print check (to suggest a fix), so both read a code the same way.
"""

from __future__ import annotations

import re

from ita_desktop.model.numbering import arabic_digits
from ita_desktop.model.report import GroupKind

# Item numbers per instrument in the FY2565–2566 NACC lists (domain notes); later years may differ,
# which is why a code outside these ranges is only ever a warning.
ITEM_RANGES = {"I": range(1, 31), "E": range(1, 16), "O": range(1, 44)}
KIND_LETTER = {GroupKind.IIT: "I", GroupKind.EIT: "E", GroupKind.OIT: "O"}
CODE_PATTERN = re.compile(r"^([IEO])(\d+)$")
_LOOKS_LIKE_I = re.compile(r"^[l|](\d+)$")  # a lowercase L or a bar typed for "I"
# OCR and hurried typing turn the letter "I" into the digit "1" and "O" into "0": "112" was "I12".
_DIGIT_FOR_LETTER = {"I": "1", "O": "0"}


def _plain(code: str) -> str:
    return arabic_digits(code.strip().replace(" ", ""))


def misread_code(code: str, kind: GroupKind | None) -> str | None:
    """The code a mistyped or misread one stands for ("17" in an IIT group → "I7"), else None.

    In a section without IIT/EIT/OIT groups (``kind`` None) a leading "1" may be
    an "I" and a leading "0" an "O".
    """
    text = _plain(code)
    if like_i := _LOOKS_LIKE_I.match(text):
        return f"I{int(like_i.group(1))}"
    if CODE_PATTERN.match(text.upper()):
        return text.upper() if text.upper() != code else None  # lower case or Thai digits
    if not text.isdigit() or len(text) < 2:
        return None
    letters = [KIND_LETTER[kind]] if kind else list(_DIGIT_FOR_LETTER)
    for letter in letters:
        digit = _DIGIT_FOR_LETTER.get(letter)
        if digit and text.startswith(digit) and int(text[1:]) in ITEM_RANGES[letter]:
            return f"{letter}{int(text[1:])}"
    return None


def suggest_item_codes(code: str, kind: GroupKind | None) -> list[str]:
    """Likely intended codes for an odd one, likeliest first: "12" in an IIT group → ["I2", "I12"]."""
    guesses = [guess] if (guess := misread_code(code, kind)) else []
    text = _plain(code)
    if kind and text.isdigit() and int(text) in ITEM_RANGES[KIND_LETTER[kind]]:
        guesses.append(f"{KIND_LETTER[kind]}{int(text)}")  # the letter left out
    return list(dict.fromkeys(guesses))
