"""PyThaiNLP's word list as two hash sets: the same newmm segmentation, a fraction of the load time.

newmm asks its dictionary one question, ``prefixes(text, start)``: which words begin at
``start``. PyThaiNLP answers it with a trie of ~230,000 Python node objects whose build
takes 1-2 s at the first segmentation. The set of words plus the set of their proper
prefixes answers it as fast (one hash lookup per character) and is built by one set
comprehension in ~0.25-0.6 s. (A sorted list with binary search loads in 0.08 s but made
newmm ~1.8x slower: ~0.25 s more on a 40-measure report, every render.) The two sets are
kept after the first build as plain UTF-8 text, one word a line: written (join) and read
back (split, frozenset) in a few short C calls of ~10-30 ms each. (marshal sorts a set's
elements: dumping the two sets held the interpreter lock 1.1-2.6 s in one call, and the
window, which loads the list on a helper thread, froze that long on its first start.)
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ita_desktop.atomic_file import write_atomically
from ita_desktop.errors import ReportFileError

# Bump when the sets' meaning or the file's layout changes, so an old cache is never read.
_CACHE_FORMAT = 3
_DIGEST_BYTES = 32  # the file: sha256 of the payload, then the payload
_SETS_APART = "\0"  # payload: the words, NUL, the proper prefixes; one to a line (UTF-8)


class WordList:
    """A read-only dictionary for ``pythainlp`` newmm (duck-types ``pythainlp.util.Trie.prefixes``)."""

    def __init__(self, words: Iterable[str]) -> None:
        # Trie.add strips each word and never matches an empty one: do the same.
        self._words = frozenset(word.strip() for word in words) - {""}
        self._proper_prefixes = frozenset({word[:end] for word in self._words for end in range(1, len(word))})

    @classmethod
    def cached(cls, words: Callable[[], Iterable[str]], folder: Path, source_version: str) -> WordList:
        """The list of ``words()``, read from ``folder`` when an earlier process built it from the same source.

        Anything wrong with the cache (missing, unreadable, from another version,
        damaged) only means the sets are built again; a folder that cannot be
        written only means they are built every time.
        """
        key = f"{source_version}-py{sys.version_info[0]}.{sys.version_info[1]}-f{_CACHE_FORMAT}"
        path = folder / f"word-list-{key}.words"
        loaded = _read_cache(path)
        if loaded is not None:
            word_list = cls(())
            word_list._words, word_list._proper_prefixes = loaded
            return word_list
        word_list = cls(words())
        payload = _encode(word_list._words, word_list._proper_prefixes)
        try:
            write_atomically(hashlib.sha256(payload).digest() + payload, path)
        except (OSError, ReportFileError):
            pass
        return word_list

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """Every word of the list that ``text`` has at ``start``, shortest first (as Trie.prefixes)."""
        words, proper_prefixes = self._words, self._proper_prefixes
        found = []
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            if piece in words:
                found.append(piece)
            if piece not in proper_prefixes:
                break  # no longer word starts with ``piece``
        return found


def _encode(words: frozenset[str], proper_prefixes: frozenset[str]) -> bytes:
    # A word with a line break or a NUL could not come back as written; none can match a line of text anyway.
    def lines(items: frozenset[str]) -> str:
        return "\n".join(item for item in items if "\n" not in item and _SETS_APART not in item)

    return (lines(words) + _SETS_APART + lines(proper_prefixes)).encode("utf-8")


def _decode(payload: bytes) -> tuple[frozenset[str], frozenset[str]] | None:
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        return None
    parts = text.split(_SETS_APART)
    if len(parts) != 2:
        return None
    return tuple(frozenset(part.split("\n")) - {""} for part in parts)  # type: ignore[return-value]


def _read_cache(path: Path) -> tuple[frozenset[str], frozenset[str]] | None:
    """The two sets from a cache this user wrote and nothing has changed since; None for anything else.

    A damaged file would otherwise load as other words (one flipped bit in a word is
    still text), and the fallback folder may be a shared temporary one.
    """
    try:
        if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
            return None
        data = path.read_bytes()
    except OSError:
        return None
    digest, payload = data[:_DIGEST_BYTES], data[_DIGEST_BYTES:]
    if hashlib.sha256(payload).digest() != digest:
        return None
    return _decode(payload)
