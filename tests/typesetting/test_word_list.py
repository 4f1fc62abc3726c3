"""The word list answers newmm exactly as PyThaiNLP's own trie does."""

from __future__ import annotations

import random

import pytest
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_dict_trie, word_tokenize
from pythainlp.util import Trie

from ita_desktop.typesetting.names import shipped_names
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


def test_segmentation_is_newmm_with_the_default_words_and_the_shipped_names(seed_paragraphs):
    trie = Trie(thai_words() | shipped_names())
    for text in seed_paragraphs + [MIXED]:
        assert newmm_words(text) == word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=True)


def test_names_join_the_dictionary_as_whole_words():
    # จตุรภัทร is a given name in PyThaiNLP's list: newmm alone cuts it into จตุร|ภัทร.
    assert "จตุรภัทร" in shipped_names() and "จตุรภัทร" not in thai_words()
    assert "จตุรภัทร" in newmm_words("นายจตุรภัทรและคณะ")
    assert "จตุรภัทร" not in word_tokenize("นายจตุรภัทรและคณะ", engine="newmm")


def test_a_cached_list_answers_like_the_built_one_and_is_read_back(tmp_path):
    source = ["ไป", "ไปมา", "ไปมาหาสู่", "มา"]
    built = WordList.cached(lambda: source, tmp_path, "1.0")
    [cache] = tmp_path.glob("word-list-1.0-*.marshal")

    def must_not_build():
        raise AssertionError("the cache was not used")

    read_back = WordList.cached(must_not_build, tmp_path, "1.0")
    for text in ("ไปมาหาสู่กัน", "มาไป", "x"):
        for start in range(len(text) + 1):
            assert read_back.prefixes(text, start) == built.prefixes(text, start) == WordList(source).prefixes(
                text, start)
    assert len(read_back) == 4 and cache.exists()
    # another version of the word source never reads this cache
    assert len(WordList.cached(lambda: ["ก"], tmp_path, "2.0")) == 1


def test_a_damaged_cache_is_rebuilt_and_an_unwritable_folder_only_costs_time(tmp_path):
    WordList.cached(lambda: ["ไป", "มา"], tmp_path, "1.0")
    [cache] = tmp_path.glob("word-list-*.marshal")
    for damage in (b"", b"\x00garbage", cache.read_bytes()[:100]):
        cache.write_bytes(damage)
        assert "ไป" in WordList.cached(lambda: ["ไป", "มา"], tmp_path, "1.0")
    assert "มา" in WordList.cached(lambda: ["มา"], tmp_path / "missing" / "folder", "1.0")


@pytest.mark.posix  # file owners (st_uid, getuid)
def test_a_cache_that_still_unmarshals_but_was_changed_or_is_not_ours_is_not_used(tmp_path, monkeypatch):
    import hashlib
    import marshal

    WordList.cached(lambda: ["ไป", "มา"], tmp_path, "1.0")
    [cache] = tmp_path.glob("word-list-*.marshal")
    original = cache.read_bytes()
    rebuilt = []

    def source():
        rebuilt.append(1)
        return ["ไป", "มา"]

    flipped = bytearray(original)
    flipped[-3] ^= 0x01  # inside a word: the payload still unmarshals, as other words
    cache.write_bytes(bytes(flipped))
    assert "ไป" in WordList.cached(source, tmp_path, "1.0") and len(rebuilt) == 1
    payload = marshal.dumps([frozenset({"ไป"})])  # right digest, wrong shape
    cache.write_bytes(hashlib.sha256(payload).digest() + payload)
    assert "ไป" in WordList.cached(source, tmp_path, "1.0") and len(rebuilt) == 2
    cache.write_bytes(original)
    monkeypatch.setattr("os.getuid", lambda: 4242)  # a file another user left in a shared folder
    assert "ไป" in WordList.cached(source, tmp_path, "1.0") and len(rebuilt) == 3
