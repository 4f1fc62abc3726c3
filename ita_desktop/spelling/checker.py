"""Which words of a line look misspelt, read the way Thai is written: without spaces between words.

newmm cuts a line into dictionary words. A slip shows in two ways:
- a piece newmm cannot place is not in the dictionary at all: it is underlined, with a
  short known piece glued to either side (newmm often leaves a stray "กา" beside it);
- the slip spells pieces that are words by themselves ("งบประมาน" = งบ + ประ + มาน,
  "โปรงใส" = โปรง + ใส): one to three neighbouring pieces, one of them short, are
  joined and compared with the real words one typing slip away. The joined pieces are
  underlined when the real word, times the chance of the slip, is likelier than the
  pieces as separate words (Norvig's rule, with Phupha's frequencies): "เขามา" stays
  ("he came" is far commoner than a slip for "เข้ามา"), "ประชม" goes to "ประชุม".

Names no dictionary has (the report's agency, units and people; words the clerk added)
are cut out of the line before it is segmented, so they are never split nor flagged.
English and numbers are left alone: no English dictionary ships offline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ita_desktop.spelling.edits import typing_slips
from ita_desktop.spelling.lexicon import lexicon

_THAI_WORD = re.compile("^[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]+$")  # no ฯ, ๆ, digits
_HAS_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
SLIP_LOG_PROBABILITY = math.log(1e-2)  # how often a word is typed with one slip
_GLUE_LENGTH = 2
_SHORT_PIECE = 3  # a window of pieces is checked only if one of them is this short
_MIN_CORRECTION = 4


@dataclass(frozen=True)
class Misspelling:
    """Characters ``start:end`` of a line, and the likeliest real word if the check found one."""

    start: int
    end: int
    correction: str = ""


class SpellChecker:
    """Misspellings of one line at a time; knows the report's words and the user's besides the dictionaries."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self.lexicon = lexicon()
        self.extra_words: frozenset[str] = frozenset()
        self._extra_pattern: re.Pattern[str] | None = None
        self.set_extra_words(extra_words)

    def set_extra_words(self, words: Iterable[str]) -> bool:
        """Words known besides the dictionaries; True if they changed (what was checked must be checked again)."""
        words = frozenset(w for w in words if w)
        if words == self.extra_words:
            return False
        self.extra_words = words
        # Longest first: "องค์การบริหารส่วนจังหวัดอ่างทอง" before "อ่างทอง".
        alternatives = sorted(words, key=len, reverse=True)
        self._extra_pattern = re.compile("|".join(map(re.escape, alternatives))) if alternatives else None
        return True

    def is_known(self, word: str) -> bool:
        return (word in self.lexicon.segmenter_words or word in self.extra_words
                or not _HAS_THAI_LETTER.search(word))

    def pieces(self, line: str) -> list[tuple[int, int, bool]]:
        """(start, end, is_extra) for every piece of ``line``: extra words whole, the rest as newmm cuts it."""
        pieces: list[tuple[int, int, bool]] = []
        position = 0
        for match in self._extra_pattern.finditer(line) if self._extra_pattern is not None else ():
            pieces += self._segment(line, position, match.start())
            pieces.append((match.start(), match.end(), True))
            position = match.end()
        return pieces + self._segment(line, position, len(line))

    @staticmethod
    def _segment(line: str, start: int, end: int) -> list[tuple[int, int, bool]]:
        from ita_desktop.typesetting.segmentation import newmm_words  # imported with the typesetting package

        pieces = []
        for word in newmm_words(line[start:end]) if end > start else ():
            pieces.append((start, start + len(word), False))
            start += len(word)
        return pieces

    def misspelt(self, line: str) -> list[Misspelling]:
        """What to underline in ``line``, in order, none overlapping."""
        pieces = self.pieces(line)
        words = [line[s:e] for s, e, _extra in pieces]
        found = self._unknown(line, pieces, words) + self._slips(pieces, words)
        found.sort(key=lambda m: (m.start, -m.end))
        merged: list[Misspelling] = []
        for misspelling in found:
            # Two flags with one short Thai piece between are one strange word ("อิม|พีช|เมนต์").
            gap = line[merged[-1].end:misspelling.start] if merged else " "
            if merged and (misspelling.start < merged[-1].end or (len(gap) <= _SHORT_PIECE and _THAI_WORD.match(gap))):
                last = merged[-1]
                merged[-1] = Misspelling(last.start, max(last.end, misspelling.end), last.correction)
            else:
                merged.append(misspelling)
        return merged

    def _unknown(self, line: str, pieces, words: list[str]) -> list[Misspelling]:
        found = []
        for index, (start, end, extra) in enumerate(pieces):
            word = words[index]
            if extra or self.is_known(word) or not _THAI_WORD.match(word) or not self._worth_flagging(line, start, end):
                continue
            if index > 0 and self._glue(words[index - 1], pieces[index - 1]):
                start = pieces[index - 1][0]
            if index + 1 < len(pieces) and self._glue(words[index + 1], pieces[index + 1]):
                end = pieces[index + 1][1]
            found.append(Misspelling(start, end))
        return found

    def _slips(self, pieces, words: list[str]) -> list[Misspelling]:
        lexicon = self.lexicon
        found = []
        for index in range(len(pieces)):
            for size in (1, 2, 3):
                window = words[index:index + size]
                if len(window) < size or any(p[2] for p in pieces[index:index + size]):
                    continue
                if any(w in lexicon.names for w in window):
                    break  # a name is spelt as its owner spells it
                if not all(_THAI_WORD.match(w) for w in window):
                    break
                if size == 1 and (len(window[0]) < _SHORT_PIECE or window[0] in lexicon.real_words):
                    continue
                if size > 1 and min(map(len, window)) > _SHORT_PIECE:
                    continue
                correction = self._likelier_word("".join(window), sum(map(lexicon.log_probability, window)))
                if correction:
                    found.append(Misspelling(pieces[index][0], pieces[index + size - 1][1], correction))
        return found

    def _likelier_word(self, joined: str, as_pieces: float) -> str:
        """The real word one slip from ``joined`` that is likelier than the pieces are, or ""."""
        best, best_score = "", as_pieces
        for candidate in typing_slips(joined):
            if len(candidate) >= _MIN_CORRECTION and candidate in self.lexicon.real_words:
                score = self.lexicon.log_probability(candidate) + SLIP_LOG_PROBABILITY
                if score > best_score:
                    best, best_score = candidate, score
        return best

    @staticmethod
    def _glue(word: str, piece: tuple[int, int, bool]) -> bool:
        return not piece[2] and len(word) <= _GLUE_LENGTH and bool(_THAI_WORD.match(word))

    @staticmethod
    def _worth_flagging(line: str, start: int, end: int) -> bool:
        """A lone letter between spaces or punctuation is a list mark ("ก." "ข)"), not a word."""
        if end - start > 1:
            return True
        before = line[start - 1] if start > 0 else ""
        after = line[end] if end < len(line) else ""
        return bool(_HAS_THAI_LETTER.match(before) or _HAS_THAI_LETTER.match(after))
