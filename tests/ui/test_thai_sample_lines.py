"""The sample the smoke run prints: Thai laid out as in the editor breaks only between words (libthai)."""

from __future__ import annotations

from itertools import accumulate

from ita_desktop.ui.thai_line_breaks import SAMPLE_WORDS, sample_thai_lines


def test_sample_lines_break_only_between_words(qapp):
    lines = sample_thai_lines(words_per_line=4)
    assert "".join(lines) == "".join(SAMPLE_WORDS)
    assert len(lines) >= 4
    word_ends = set(accumulate(len(word) for word in SAMPLE_WORDS))
    assert set(accumulate(len(line) for line in lines)) <= word_ends, lines
