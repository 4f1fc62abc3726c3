"""The word list answers newmm exactly as PyThaiNLP's own trie does."""

from __future__ import annotations

import random

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_dict_trie, word_tokenize
from pythainlp.util import Trie

from ita_desktop.typesetting.segmentation import newmm_words
from ita_desktop.typesetting.word_list import WordList

MIXED = "ให้ข้าราชการศึกษาทบทวนขั้นตอน ABC 1,250.50 บาท www.example.go.th (ข้อ I1 เดิม) กกกก ๒๕๖๖"


def test_prefixes_equal_the_trie_on_words_and_random_text(seed_paragraphs):
    words = WordList(thai_words())
    trie = word_dict_trie()
    rng = random.Random(7)
    vocabulary = sorted(thai_words())
    texts = seed_paragraphs + [MIXED] + ["".join(rng.choice(vocabulary) for _ in range(5)) for _ in range(200)]
    checked = 0
    for text in texts:
        for start in range(0, len(text), 3):
            assert words.prefixes(text, start) == trie.prefixes(text, start), (text, start)
            checked += 1
    assert checked > 3000


def test_small_lists_strip_and_ignore_empty_words_like_the_trie():
    source = [" ไป", "ไปมา ", "ไปมาหาสู่", "", "มา", "ไปมา"]
    words, trie = WordList(source), Trie(source)
    assert len(words) == 4  # the trie also counts "", which it never returns as a prefix
    for text in ("ไปมาหาสู่กัน", "มาไป", "ไปมาหา", "", "x"):
        for start in range(len(text) + 1):
            assert words.prefixes(text, start) == trie.prefixes(text, start)
    assert "ไปมา" in words and "ไปม" not in words and 3 not in words


def test_segmentation_is_the_default_newmm_segmentation(seed_paragraphs):
    for text in seed_paragraphs + [MIXED]:
        assert newmm_words(text) == word_tokenize(text, engine="newmm", keep_whitespace=True)
