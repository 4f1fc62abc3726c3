"""PyThaiNLP's word list as a sorted array: the same newmm segmentation, a fraction of the load time.

newmm asks its dictionary only one question, ``prefixes(text, start)``: which words
begin at ``start``. PyThaiNLP answers it with a trie of ~230,000 Python node objects
whose build takes 1-2 s at the first segmentation. A sorted list of the 62,000 words
answers it with one C-level binary search per character (all words sharing a prefix
are adjacent in sorted order) and is ready in a few tens of milliseconds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class SortedWordList:
    """A read-only dictionary for ``pythainlp`` newmm (duck-types ``pythainlp.util.Trie.prefixes``)."""

    def __init__(self, words: Iterable[str]) -> None:
        # Trie.add strips each word and never matches an empty one: do the same.
        self._words: list[str] = sorted({word.strip() for word in words} - {""})

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        index = bisect_left(self._words, word)
        return index < len(self._words) and self._words[index] == word

    def __iter__(self):
        return iter(self._words)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """Every word of the list that ``text`` has at ``start``, shortest first (as Trie.prefixes)."""
        words = self._words
        count = len(words)
        found = []
        lo = 0
        end = start + 1
        while end <= len(text):
            piece = text[start:end]
            # Words starting with ``piece`` sort after those starting with a shorter prefix
            # of it, so each search resumes where the last one stopped.
            lo = bisect_left(words, piece, lo)
            if lo == count:
                break
            candidate = words[lo]  # the smallest word that could start with ``piece``
            if not candidate.startswith(piece):
                break
            if text.startswith(candidate, start):
                # No word lies between ``piece`` and ``candidate``: skip straight past it.
                found.append(candidate)
                end = start + len(candidate) + 1
            else:
                end += 1
        return found
