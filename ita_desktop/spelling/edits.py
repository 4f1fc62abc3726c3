"""Strings one typing slip away from a word: the slips Thai typists make most, and every single edit."""

from __future__ import annotations

# Marks and vowels most often left out or added (a tone mark, sara u/uu, mai han-akat…).
_MARKS = "่้๊๋์ัิีึืุู็ํำะาเแโใไ"
# Letters that sound alike or sit side by side and are taken for one another.
_ALIKE = ("ณน", "ศษส", "ทธฒฑ", "ตฏ", "ดฎ", "ขฃ", "คฅฆ", "ลฬ", "พภ", "ซส", "ญย", "จช", "ใไ", "ะั", "ีิ", "ืึ", "ูุ")
_SIMILAR: dict[str, str] = {}
for _group in _ALIKE:
    for _letter in _group:
        _SIMILAR[_letter] = _SIMILAR.get(_letter, "") + _group.replace(_letter, "")
_THAI_ALPHABET = "".join(chr(c) for c in range(0x0E01, 0x0E4E)
                         if not 0x0E3B <= c < 0x0E40 and c not in (0x0E2F, 0x0E46))  # letters, vowels, marks


def typing_slips(word: str) -> set[str]:
    """Cheap enough to run on every word: a mark added or dropped, a look-alike letter, two letters swapped."""
    found = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            found.add(head + tail[1:])
            found.update(head + other + tail[1:] for other in _SIMILAR.get(tail[0], ""))
        if len(tail) > 1:
            found.add(head + tail[1] + tail[0] + tail[2:])
        found.update(head + mark + tail for mark in _MARKS)
    found.discard(word)
    return found


def one_edit_away(word: str) -> set[str]:
    """Every deletion, swap of neighbours, replacement or insertion of one Thai letter (for suggestions only)."""
    found = typing_slips(word)
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        found.update(head + letter + tail[1:] for letter in _THAI_ALPHABET if tail)
        found.update(head + letter + tail for letter in _THAI_ALPHABET)
    found.discard(word)
    return found
