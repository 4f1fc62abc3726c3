"""The words the spell check knows and how common each is, all shipped inside PyThaiNLP (nothing downloads).

- the segmenter's dictionary (PyThaiNLP ``thai_words``, ~62,000 entries, fragments of
  compounds included): a piece newmm cuts that is not in it is unknown;
- the Royal Institute (ORST) dictionary, ~38,000 real words: corrections are taken from it;
- the Phupha word frequencies, which PyThaiNLP's ``pn`` (Norvig) engine ranks with;
- the person, family and province names PyThaiNLP ships (never taken for slips).

Of PyThaiNLP's spell engines only ``pn`` runs offline with what is installed:
``phunspell``, ``symspellpy`` and ``tltk`` are packages of their own and
``wanchanberta_thai_grammarly`` downloads a model. ``pn`` itself is not called: its second
round of edits takes seconds on a long Thai word, and it judges words one by one,
while Thai needs the segmentation (below, :mod:`ita_desktop.spelling.checker`).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the typesetting package imports fpdf (~0.25 s): not at the window's start
    from ita_desktop.typesetting.word_list import WordList

_lock = threading.Lock()
_lexicon: Lexicon | None = None


@dataclass(frozen=True)
class Lexicon:
    """Known words, real words and log-probabilities."""

    segmenter_words: WordList
    real_words: frozenset[str]
    names: frozenset[str]  # people, families, provinces: words, but no dictionary's
    log_frequency: dict[str, float]
    unseen_log_frequency: float

    def log_probability(self, word: str) -> float:
        return self.log_frequency.get(word, self.unseen_log_frequency)


def lexicon() -> Lexicon:
    """Loaded on first use (~0.1 s beyond the segmenter's dictionary); call it off the UI thread first."""
    global _lexicon
    with _lock:
        if _lexicon is None:
            from ita_desktop.typesetting.names import shipped_names
            from ita_desktop.typesetting.segmentation import word_list

            words = word_list()
            counts = dict(_corpus_lines("phupha_word_freqs.txt", counted=True))
            real_words = frozenset(word for word, _count in _corpus_lines("orst_words_th.txt")) or frozenset(words)
            total = math.log(sum(counts.values()) or 1)
            _lexicon = Lexicon(words, real_words, shipped_names(),
                               {word: math.log(count) - total for word, count in counts.items() if count > 0},
                               math.log(0.5) - total)
    return _lexicon


def _corpus_lines(name: str, counted: bool = False):
    """(word, count) per line of a PyThaiNLP corpus file, read a line at a time.

    Not through ``pythainlp.corpus.get_corpus``: it splits and hashes the whole file in single steps that
    hold the interpreter for tens of milliseconds, which the clerk would feel (this runs while they type).
    A trimmed installation without the file gives nothing: no slips are found, corrections go unranked.
    """
    from pythainlp.corpus import corpus_path

    try:
        with open(f"{corpus_path()}/{name}", encoding="utf-8-sig") as file:
            for line in file:
                word, _tab, count = line.strip().partition("\t")
                if not word:
                    continue
                if not counted:
                    yield word, 0
                elif count.isdigit():
                    yield word, int(count)
    except OSError:
        return


def lexicon_loaded() -> bool:
    return _lexicon is not None


def load_in_background(done=None) -> threading.Thread:
    """Load the lexicon on a helper thread; ``done()`` is called there when it is ready."""

    def load() -> None:
        lexicon()
        if done is not None:
            done()

    thread = threading.Thread(target=load, name="ita-spelling-lexicon", daemon=True)
    thread.start()
    return thread
