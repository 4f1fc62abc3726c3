"""The Thai dictionary the breaker segments with (newmm, shipped names, a report's own words) and character classes."""

from __future__ import annotations

import functools
import os
import tempfile
import threading
import unicodedata
from pathlib import Path

from ita_desktop.paths import user_data_dir
from ita_desktop.typesetting.names import shipped_names
from ita_desktop.typesetting.word_list import WordList

_THAI_LETTERS = range(0x0E01, 0x0E4F)  # letters, vowels and marks; digits and ๆ ฯ handled below
_THAI_DIGITS = range(0x0E50, 0x0E5A)
# Never break after these (opening brackets, quotes) nor before these (closing punctuation).
_NO_BREAK_AFTER = set("([{<“‘«\"'/-–—")
_NO_BREAK_BEFORE = set(")]}>”’»,.:;!?%\"'/-–—…ๆฯ\u0e33")

_tokenize_lock = threading.Lock()
_word_list: WordList | None = None
# Bump when the shipped names added to the word list change.
_NAMES_FORMAT = 1
_MEMO_LIMIT = 50_000  # runs of text remembered per lexicon (a few hundred bytes each)
# A report's own word made of short words (ดง|หม้อ|ทอง, up to this many clusters each) is a name.
_NAME_PART_CLUSTERS = 3
_WHOLE_NAME_LENGTH = 15  # characters: a person's or unit's name; longer ones are phrases


def _load_word_list() -> WordList:
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

    # pythainlp's default words plus the names it ships, in sets (its trie takes 1-2 s to build).
    words = WordList.cached(lambda: thai_words() | shipped_names(), Path(os.environ["PYTHAINLP_DATA"]),
                            f"{pythainlp.__version__}-names{_NAMES_FORMAT}")
    word_tokenize("ภาษาไทย", custom_dict=words, engine="newmm")  # imports newmm and compiles its patterns now
    return words


def word_list_loaded() -> bool:
    """Has the shared dictionary been loaded (so using it never waits)?"""
    return _word_list is not None


def word_list() -> WordList:
    """The shared dictionary (PyThaiNLP's words and shipped names), loaded on first use only."""
    global _word_list
    if _word_list is None:
        with _tokenize_lock:
            if _word_list is None:
                _word_list = _load_word_list()
    return _word_list


class Lexicon:
    """The segmenter's dictionary for one report: the shared word list plus the report's own words.

    Names (shipped or the report's own) come out of newmm as one word and are never cut inside;
    the same object answers newmm's one question, ``prefixes(text, start)``.
    """

    def __init__(self, own_words: frozenset[str] = frozenset()) -> None:
        self.words = word_list()
        own_words = frozenset(name for word in own_words for name in self._names_in(word))
        self.own_words = own_words
        self._own = WordList(own_words) if own_words else None
        self._own_initials = frozenset(word[0] for word in own_words)
        self.names = shipped_names() | own_words
        self.memo: dict[str, object] = {}  # what the line breaker worked out per run of text
        if self._own is None:
            self.prefixes = self.words.prefixes  # type: ignore[method-assign]  # the hot path of newmm

    def _names_in(self, text: str) -> list[str]:
        """The names inside one of the report's own words: itself if short, else its runs of short words.

        A short one is a name whole (ภู่ประดิษฐ์, กองคลัง). A long one is a phrase from a field:
        "องค์การบริหารส่วนตำบลดงหม้อทอง" holds the name ดงหม้อทอง (ดง|หม้อ|ทอง, short words that
        would otherwise part) after a long dictionary word that may part as any compound does;
        "ทุกส่วนราชการในสังกัด" holds none. A run the dictionary does not know is a name.
        """
        from pythainlp.tokenize import word_tokenize

        if len(text) <= _WHOLE_NAME_LENGTH:
            return [text]
        names, run = [], []
        for piece in [*word_tokenize(text, custom_dict=self.words, engine="newmm", keep_whitespace=False), ""]:
            known = piece in self.words
            if piece and (not known or len(cluster_starts(piece)) <= _NAME_PART_CLUSTERS):
                run.append(piece)
                continue
            if len(run) >= 2 or run and run[0] not in self.words:
                names.append("".join(run))
            run = []
        return names

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        found = self.words.prefixes(text, start)
        if self._own is not None and text[start:start + 1] in self._own_initials:
            extra = [word for word in self._own.prefixes(text, start) if word not in found]
            if extra:
                found = sorted(found + extra, key=len)
        return found

    def remember(self, key: str, value: object) -> None:
        """Keep ``value`` in :attr:`memo` (bounded: a long session starts it afresh)."""
        if len(self.memo) >= _MEMO_LIMIT:
            self.memo.clear()
        self.memo[key] = value

    def __contains__(self, word: object) -> bool:
        return word in self.words or word in self.own_words

    def segment(self, text: str) -> list[str]:
        """newmm words and whitespace runs of ``text`` (all of it, in order)."""
        from pythainlp.tokenize import word_tokenize

        return word_tokenize(text, custom_dict=self, engine="newmm", keep_whitespace=True)


@functools.lru_cache(maxsize=8)
def lexicon(own_words: frozenset[str] = frozenset()) -> Lexicon:
    """The lexicon for a report's own words (one per distinct set, kept for the next render)."""
    return Lexicon(own_words)


def newmm_words(text: str) -> list[str]:
    """PyThaiNLP newmm segmentation with the shared dictionary."""
    return lexicon().segment(text)


def preload_dictionary() -> None:
    """Load the word dictionary and the word counts now (e.g. in a background thread at start-up)."""
    from ita_desktop.typesetting.word_frequencies import reading_log_probability

    lexicon()  # the word list and the shipped names
    reading_log_probability([])


def _is_thai_letter(ch: str) -> bool:
    return ord(ch) in _THAI_LETTERS and ch not in "ฯๆ"


def _is_latin_or_digit(ch: str) -> bool:
    return ch.isalnum() and not _is_thai_letter(ch)


def is_digit(ch: str) -> bool:
    """An Arabic or a Thai digit."""
    return "0" <= ch <= "9" or ord(ch) in _THAI_DIGITS


def break_allowed(before: str, after: str) -> bool:
    """May a line break fall between two adjacent non-space characters of different words?"""
    if before in _NO_BREAK_AFTER or after in _NO_BREAK_BEFORE:
        return False
    if is_combining(after):
        return False
    if _is_thai_letter(before) and _is_thai_letter(after):
        return True
    # A number typed against its noun or unit ("หมู่13", "๕ไร่") stays with it.
    if is_digit(before) or is_digit(after):
        return False
    # Thai next to a Latin word: allowed; Latin next to Latin: only at spaces.
    return (_is_thai_letter(before) and _is_latin_or_digit(after)) or (
        _is_latin_or_digit(before) and _is_thai_letter(after)
    )


def is_thai_sign(ch: str) -> bool:
    """Mai yamok (ๆ) or paiyannoi (ฯ): signs that follow a word, never begin a line."""
    return ch in "ๆฯ"


def is_thai_letter(ch: str) -> bool:
    """A Thai consonant, vowel or mark (not a digit, not ๆ or ฯ)."""
    return _is_thai_letter(ch)


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
