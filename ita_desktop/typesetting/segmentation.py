"""Where a Thai paragraph may break: dictionary words (PyThaiNLP newmm), spaces, clusters."""

from __future__ import annotations

import os
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ita_desktop.paths import user_data_dir
from ita_desktop.typesetting.word_list import WordList

_THAI_LETTERS = range(0x0E01, 0x0E4F)  # letters, vowels and marks; digits and ๆ ฯ handled below
_THAI_DIGITS = range(0x0E50, 0x0E5A)
# Never break after these (opening brackets, quotes) nor before these (closing punctuation).
_NO_BREAK_AFTER = set("([{<“‘«\"'/-–—")
_NO_BREAK_BEFORE = set(")]}>”’»,.:;!?%\"'/-–—…ๆฯ\u0e33")

_tokenize_lock = threading.Lock()
_tokenize: Callable[[str], list[str]] | None = None
_dictionary: WordList | None = None  # newmm's words, kept for the spell check


@dataclass(frozen=True)
class Token:
    """An unbreakable span of a paragraph (a word, or a run of spaces)."""

    start: int
    end: int
    is_space: bool


def _load_newmm() -> Callable[[str], list[str]]:
    # pythainlp writes to PYTHAINLP_DATA; never let it create ~/pythainlp-data.
    if "PYTHAINLP_DATA" not in os.environ:
        try:
            folder = user_data_dir() / "pythainlp-data"
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path(tempfile.gettempdir()) / "ita-desktop-pythainlp-data"
        os.environ["PYTHAINLP_DATA"] = str(folder)
    import pythainlp
    from pythainlp.corpus import thai_words  # slow import (~0.2 s): done once, lazily
    from pythainlp.tokenize import word_tokenize

    # The same words as pythainlp's default trie, in sets (the trie takes 1-2 s to build).
    global _dictionary
    words = WordList.cached(thai_words, Path(os.environ["PYTHAINLP_DATA"]), pythainlp.__version__)
    _dictionary = words

    def tokenize(text: str) -> list[str]:
        return word_tokenize(text, custom_dict=words, engine="newmm", keep_whitespace=True)

    tokenize("ภาษาไทย")  # imports newmm and compiles its patterns here, not in the first layout
    return tokenize


def newmm_words(text: str) -> list[str]:
    """PyThaiNLP newmm segmentation; the dictionary is loaded on first use only."""
    global _tokenize
    if _tokenize is None:
        with _tokenize_lock:
            if _tokenize is None:
                _tokenize = _load_newmm()
    return _tokenize(text)


def preload_dictionary() -> None:
    """Load the word dictionary now (e.g. in a background thread at start-up)."""
    newmm_words("")


def dictionary_loaded() -> bool:
    """Has the word dictionary been loaded (so segmenting never waits for it)?"""
    return _tokenize is not None


def dictionary_words() -> WordList:
    """The words newmm segments with (loaded on first use)."""
    preload_dictionary()
    assert _dictionary is not None
    return _dictionary


def _is_thai_letter(ch: str) -> bool:
    return ord(ch) in _THAI_LETTERS and ch not in "ฯๆ"


def _is_latin_or_digit(ch: str) -> bool:
    return ch.isalnum() and not _is_thai_letter(ch)


def break_allowed(before: str, after: str) -> bool:
    """May a line break fall between two adjacent non-space characters of different words?"""
    if before in _NO_BREAK_AFTER or after in _NO_BREAK_BEFORE:
        return False
    if is_combining(after):
        return False
    if _is_thai_letter(before) and _is_thai_letter(after):
        return True
    # Thai next to a Latin word or a number: allowed; Latin next to Latin/digits: only at spaces.
    return (_is_thai_letter(before) and _is_latin_or_digit(after)) or (
        _is_latin_or_digit(before) and _is_thai_letter(after)
    )


def tokenize_paragraph(text: str) -> list[Token]:
    """Split one line of text (no "\\n") into unbreakable words and space runs."""
    tokens: list[Token] = []
    position = 0
    for piece in newmm_words(text):
        start, position = position, position + len(piece)
        is_space = piece.isspace()
        previous = tokens[-1] if tokens else None
        if previous is not None and previous.is_space == is_space and (
            is_space or not break_allowed(text[start - 1], text[start])
        ):
            tokens[-1] = Token(previous.start, position, is_space)
        else:
            tokens.append(Token(start, position, is_space))
    if position != len(text):  # newmm always returns the whole text; guard the invariant
        raise ValueError("segmentation lost characters")
    return tokens


def is_combining(ch: str) -> bool:
    """A character that belongs to the cluster of the character before it."""
    return ch == "\u0e33" or unicodedata.category(ch) in ("Mn", "Mc", "Me")


def cluster_starts(text: str) -> list[int]:
    """Offsets where a grapheme cluster begins (a base and its marks stay together)."""
    return [i for i, ch in enumerate(text) if i == 0 or not is_combining(ch)]


def justification_starts(text: str) -> list[int]:
    """Offsets where distributed justification may add space: Thai clusters, not inside Latin."""
    starts = []
    for i in cluster_starts(text):
        if i == 0 or _is_thai_letter(text[i]) or _is_thai_letter(text[i - 1]) or text[i] == " ":
            starts.append(i)
        elif text[i - 1] == " ":
            starts.append(i)
    return starts
