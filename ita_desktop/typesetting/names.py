"""Names a Thai word list does not hold, from what PyThaiNLP ships offline: people, families, provinces.

The wheel carries person_names_male_th.txt, person_names_female_th.txt, family_names_th.txt and
thailand_provinces_th.csv (about 22,000 names); nothing is downloaded. A name joins the
segmenter's dictionary so it comes out as one word, and the line breaker never cuts inside it.
"""

from __future__ import annotations

import functools

_FILES = ("person_names_male_th.txt", "person_names_female_th.txt", "family_names_th.txt")
_PROVINCES = "thailand_provinces_th.csv"
_MIN_LENGTH = 3  # two-letter "names" in the lists are mostly ordinary words


@functools.cache
def shipped_names() -> frozenset[str]:
    """Thai person, family and province names from PyThaiNLP's corpus folder."""
    from pythainlp.corpus import corpus_path  # the folder inside the installed wheel

    folder = corpus_path()
    names: set[str] = set()
    for name in _FILES:
        names.update(_lines(f"{folder}/{name}"))
    names.update(line.split(",")[0] for line in _lines(f"{folder}/{_PROVINCES}"))
    return frozenset(name for name in names if len(name) >= _MIN_LENGTH)


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as file:
            return [line.strip() for line in file if line.strip()]
    except OSError:
        return []  # a trimmed installation: names are a refinement, never a requirement
