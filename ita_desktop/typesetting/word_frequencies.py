"""How often Thai words occur (the Thai National Corpus counts PyThaiNLP ships offline), as log probabilities.

The segmenter picks one reading of a run of Thai; where a dictionary word runs across one of
its boundaries there is another reading, and the counts tell which is likelier: กระบวน|การพิจารณา
(767 x 0) against กระบวนการ|พิจารณา (8,585 x 23,191), but มา|สร้าง (315,308 x 32,877) against
มาส|ร้าง (479 x 548).
"""

from __future__ import annotations

import functools
import math


@functools.cache
def _log_counts() -> tuple[dict[str, float], float]:
    from pythainlp.corpus import corpus_path  # the folder inside the installed wheel

    counts: dict[str, float] = {}
    total = 0
    try:
        with open(f"{corpus_path()}/tnc_freq.txt", encoding="utf-8") as file:
            for line in file:
                word, _, count = line.rstrip("\n").partition("\t")
                if count.isdigit():
                    counts[word] = int(count)
                    total += int(count)
    except OSError:
        pass  # a trimmed installation: every reading then scores alike and the segmenter's stands
    return {word: math.log(count + 1) for word, count in counts.items()}, math.log(total + 1)


def reading_log_probability(words: list[str]) -> float:
    """Log probability of a sequence of words under a unigram model (an unseen word counts once)."""
    logs, log_total = _log_counts()
    return sum(logs.get(word, 0.0) - log_total for word in words)


def counted_as_one_word(word: str, at_least: int = 5) -> bool:
    """Does the corpus count ``word`` as a word of its own (``at_least`` times), not only its parts?"""
    logs, _ = _log_counts()
    return logs.get(word, 0.0) >= math.log(at_least + 1)
