"""PyThaiNLP's word list as two hash sets: the same newmm segmentation, a fraction of the load time.

newmm asks its dictionary one question, ``prefixes(text, start)``: which words begin at
``start``. PyThaiNLP answers it with a trie of ~230,000 Python node objects whose build
takes 1-2 s at the first segmentation. The set of words plus the set of their proper
prefixes answers it as fast (one hash lookup per character) and is built by one set
comprehension in ~0.25-0.6 s. (A sorted list with binary search loads in 0.08 s but made
newmm ~1.8x slower: ~0.25 s more on a 40-measure report, every render.) The two sets are
kept in a marshal file after the first build.

The list is often loaded on a helper thread while the clerk types (the spell check, a
render), so no single step may hold the interpreter for long: the file holds the words as
chunks of newline-joined text, read back chunk by chunk. (Marshalling the sets themselves
held it for 2.6 s when the cache was written and 0.25 s at every read.)
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ita_desktop.atomic_file import write_atomically
from ita_desktop.errors import ReportFileError

# Bump when the sets' meaning changes, so an old cache is never read.
_CACHE_FORMAT = 3
_CHUNK = 20_000  # words per chunk of the cache: splitting one takes a few milliseconds
_DIGEST_BYTES = 32  # the file: sha256 of the marshal payload, then the payload


class WordList:
    """A read-only dictionary for ``pythainlp`` newmm (duck-types ``pythainlp.util.Trie.prefixes``)."""

    def __init__(self, words: Iterable[str]) -> None:
        # Trie.add strips each word and never matches an empty one: do the same.
        self._words = frozenset(word.strip() for word in words) - {""}
        # From a generator, not a set: copying a million-entry set into a frozenset is one long step.
        self._proper_prefixes = frozenset(word[:end] for word in self._words for end in range(1, len(word)))

    @classmethod
    def cached(cls, words: Callable[[], Iterable[str]], folder: Path, source_version: str) -> WordList:
        """The list of ``words()``, read from ``folder`` when an earlier process built it from the same source.

        Anything wrong with the cache (missing, unreadable, from another version,
        damaged) only means the sets are built again; a folder that cannot be
        written only means they are built every time.
        """
        key = f"{source_version}-py{sys.version_info[0]}.{sys.version_info[1]}-m{marshal.version}-f{_CACHE_FORMAT}"
        path = folder / f"word-list-{key}.marshal"
        loaded = _read_cache(path)
        if loaded is not None:
            word_list = cls(())
            word_list._words, word_list._proper_prefixes = loaded
            return word_list
        word_list = cls(words())
        payload = marshal.dumps((_chunks(word_list._words), _chunks(word_list._proper_prefixes)))
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


def _read_cache(path: Path) -> tuple[frozenset[str], frozenset[str]] | None:
    """The two sets from a cache this user wrote and nothing has changed since; None for anything else.

    A damaged file would otherwise load as other words (one flipped bit in the payload
    usually still unmarshals), and the fallback folder may be a shared temporary one.
    """
    try:
        if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
            return None
        data = path.read_bytes()
        digest, payload = data[:_DIGEST_BYTES], data[_DIGEST_BYTES:]
        if hashlib.sha256(payload).digest() != digest:
            return None
        loaded = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError, MemoryError):
        return None
    # Written by this user and unchanged since (the digest): the shape is all that is left to check.
    if not (isinstance(loaded, tuple) and len(loaded) == 2 and all(
            isinstance(part, tuple) and all(isinstance(chunk, str) for chunk in part) for part in loaded)):
        return None
    return _joined(loaded[0]), _joined(loaded[1])


def _chunks(words: frozenset[str]) -> tuple[str, ...]:
    ordered = list(words)
    return tuple("\n".join(ordered[i:i + _CHUNK]) for i in range(0, len(ordered), _CHUNK))


def _joined(chunks: tuple[str, ...]) -> frozenset[str]:
    """The set back from its chunks, one chunk per step (other threads run in between)."""
    return frozenset(word for chunk in chunks for word in chunk.split("\n") if word)
