"""Corrections offered for an underlined word: real words one edit away, likeliest first."""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.spelling.checker import Misspelling, SpellChecker
from ita_desktop.spelling.edits import one_edit_away

MAX_SUGGESTIONS = 6


@dataclass(frozen=True)
class Suggestion:
    """Replace ``start:end`` of the line with ``text``."""

    text: str
    start: int
    end: int


def suggestions(checker: SpellChecker, line: str, misspelling: Misspelling) -> list[Suggestion]:
    """The checker's own correction first, then real words one edit from the underlined text.

    newmm may have cut the misspelt word anywhere, so the underlined text is also tried with
    the piece before it and the piece after it.
    """
    start, end = misspelling.start, misspelling.end
    offered: dict[str, tuple[float, Suggestion]] = {}
    if misspelling.correction:
        offered[line[:start] + misspelling.correction + line[end:]] = (
            float("inf"), Suggestion(misspelling.correction, start, end))
    pieces = checker.pieces(line)
    windows = [(start, end)]
    windows += [(p[0], end) for p in pieces if p[1] == start and not p[2]]
    windows += [(start, p[1]) for p in pieces if p[0] == end and not p[2]]
    lexicon = checker.lexicon
    for window_start, window_end in windows:
        for candidate in one_edit_away(line[window_start:window_end]):
            if len(candidate) < 2 or candidate not in lexicon.real_words:
                continue
            result = line[:window_start] + candidate + line[window_end:]
            # The longer the text tried, the more of the clerk's word the correction keeps.
            score = lexicon.log_probability(candidate) + (window_end - window_start)
            if result not in offered or offered[result][0] < score:
                offered[result] = (score, Suggestion(candidate, window_start, window_end))
    ranked = sorted(offered.values(), key=lambda pair: (-pair[0], pair[1].text))
    shown: dict[str, Suggestion] = {}
    for _score, suggestion in ranked:  # one entry per word shown, however many ways lead to it
        shown.setdefault(suggestion.text, suggestion)
    return list(shown.values())[:MAX_SUGGESTIONS]
