"""Where a Thai line may break and what each break costs: the graded opportunities of the line breaker.

Thai has no spaces between words, so a paragraph offers a break between almost any two words;
they are not equally good. From cheapest to dearest: a space the clerk typed; a boundary
between two dictionary words that no other dictionary word runs across; a boundary inside a
long dictionary compound (องค์การ|บริหาร|ส่วน|ตำบล); a boundary another dictionary word runs
across (other segmenters may read the text the other way); a boundary the word counts say is
a misreading (กระบวน|การพิจารณา, whose likelier reading กระบวนการ|พิจารณา adds its own
boundary). Never: inside a name (the shipped name lists, the report's own words), inside a run
the dictionary does not know, among the letters before an abbreviation's dot (อบต., สขร.1,
ป.ป.ช.), between a number and the word it is typed against, before ๆ, ฯ or closing
punctuation, after an opening bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ita_desktop.typesetting.segmentation import (
    Lexicon,
    break_allowed,
    cluster_starts,
    is_digit,
    is_thai_letter,
    is_thai_sign,
)
from ita_desktop.typesetting.word_frequencies import counted_as_one_word, reading_log_probability

FORBIDDEN = float("inf")
SPACE = 0.0
WORD = 10.0
AMBIGUOUS = 500.0  # another dictionary word runs across the boundary
SPACE_BY_NUMBER = 50.0  # "จำนวน ๖ | ข้อ", "หมู่ที่ | 1": the number and its noun apart
COMPOUND = 150.0
LEXICAL_COMPOUND = 600.0  # a compound the word counts know as one word
# A likelier reading of the same two words puts a dictionary word over this boundary:
# กระบวน|การพิจารณา read as กระบวนการ|พิจารณา.
MISREAD = 1000.0
# Only when a run that may not break is wider than the whole line.
EMERGENCY_WORD = 1000.0
EMERGENCY_CLUSTER = 3000.0

# A dictionary entry this long (characters) may be cut between the words it is made of.
COMPOUND_MIN_LENGTH = 12
COMPOUND_PART_MIN_CLUSTERS = 2
COMPOUND_STEP = 50.0  # each level further inside a compound costs this much more
# Thai letters right before a dot are an abbreviation's (สขร., อบต.): no break among the last few.
_ABBREVIATION_REACH = 3
_DOT_AFTER_THAI = re.compile(r"(?<=[\u0e01-\u0e4e])\.")


@dataclass(frozen=True)
class Atom:
    """A piece of a line between two break opportunities: a word part or a run of spaces."""

    start: int
    end: int
    is_space: bool


@dataclass(frozen=True)
class Opportunities:
    """The atoms of a hard line and ``penalties[i]``, the cost of a break before atom ``i``."""

    atoms: list[Atom]
    penalties: list[float]


def break_opportunities(text: str, lexicon: Lexicon) -> Opportunities:
    """The atoms of ``text`` (one hard line) and the cost of breaking before each.

    Each run between typed spaces is segmented and graded on its own (no word spans a space)
    and remembered by the lexicon: reports repeat phrases, and the editor's preview lays the
    same paragraphs out again after every edit.
    """
    atoms: list[Atom] = []
    penalties: list[float] = []
    for match in _RUNS.finditer(text):
        start, run = match.start(), match.group()
        if run[0] == " ":
            before = text[start - 1] if start else ""
            after = text[match.end()] if match.end() < len(text) else ""
            penalty = FORBIDDEN if not atoms else SPACE_BY_NUMBER if is_digit(before) or is_digit(after) else SPACE
            atoms.append(Atom(start, match.end(), True))
            penalties.append(penalty)
            continue
        cached = lexicon.memo.get(run)
        if cached is None:
            found = _opportunities(run, lexicon)
            cached = tuple((atom.start, atom.end, penalty) for atom, penalty in zip(found.atoms, found.penalties,
                                                                                      strict=True))
            lexicon.remember(run, cached)
        for index, (a, b, penalty) in enumerate(cached):
            atoms.append(Atom(start + a, start + b, False))
            penalties.append(FORBIDDEN if index == 0 else penalty)  # after a space: break before the space
    return Opportunities(atoms, penalties)


_RUNS = re.compile(" +|[^ ]+")


def _opportunities(text: str, lexicon: Lexicon) -> Opportunities:
    """:func:`break_opportunities` of one run (spaces inside are graded too, though none reach here)."""
    words = _words(text, lexicon)
    abbreviation = _abbreviation_positions(text)
    atoms: list[Atom] = []
    penalties: list[float] = []
    previous_unknown = False
    for index, (start, end, kind) in enumerate(words):
        is_space = kind == "space"
        parts = _compound_parts(text, start, end, lexicon) if kind == "word" else [(start, end, 0.0)]
        for part_index, (a, b, cost) in enumerate(parts):
            if part_index:
                penalty = cost if a not in abbreviation else FORBIDDEN
            elif not atoms:
                penalty = FORBIDDEN
            else:
                penalty = _boundary_cost(text, atoms[-1], (start, end, kind), previous_unknown,
                                         words[index + 1] if index + 1 < len(words) else None,
                                         abbreviation)
            atoms.append(Atom(a, b, is_space))
            penalties.append(penalty)
        previous_unknown = kind == "unknown"
    _grade_straddled(text, atoms, penalties, lexicon)
    return Opportunities(atoms, penalties)


def _grade_straddled(text: str, atoms: list[Atom], penalties: list[float], lexicon: Lexicon) -> None:
    """Grade each boundary between two words by the other readings a dictionary word across it offers.

    A reading that covers the same two words differently (กระบวนการ|พิจารณา for the segmenter's
    กระบวน|การพิจารณา, ยึดถือ for ยึด|ถือ) and is likelier by the corpus counts makes the
    boundary a misreading, and its own boundary an opportunity. A less likely one (มาส|ร้าง for
    มา|สร้าง), or a word across it that fits no full reading, makes it ambiguous: probably
    right, but other segmenters (libthai, ICU) may read it the other way.
    """
    starts = {atom.start for atom in atoms}
    starts.add(len(text))
    other_boundaries: set[int] = set()
    for index in range(1, len(atoms)):
        if penalties[index] != WORD:
            continue  # spaces, forbidden, and the inside of compounds (their parts overlap by nature)
        left, right = atoms[index - 1], atoms[index]
        boundary, end = right.start, right.end
        segmenter = reading_log_probability([text[left.start:boundary], text[boundary:end]])
        cost = WORD
        for begin in range(left.start, boundary):
            for word in lexicon.prefixes(text, begin):
                stop = begin + len(word)
                if stop <= boundary or len(word) < 2:
                    continue
                rest = text[stop:end]
                if begin != left.start or stop > end or rest and (rest not in lexicon or _clusters(rest) < 2):
                    cost = max(cost, AMBIGUOUS)
                elif reading_log_probability([word, rest] if rest else [word]) > segmenter:
                    cost = MISREAD
                    if rest:
                        other_boundaries.add(stop)
                else:
                    cost = max(cost, AMBIGUOUS)  # likely right, but other segmenters may read it the other way
        penalties[index] = cost
    if other_boundaries:
        _split_at(text, atoms, penalties, other_boundaries, lexicon)


def _clusters(text: str) -> int:
    return len(cluster_starts(text))


def _split_at(text: str, atoms: list[Atom], penalties: list[float], boundaries: set[int],
              lexicon: Lexicon) -> None:
    """Cut dictionary-word atoms (not names) at ``boundaries``, each cut a word boundary."""
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        inside = sorted(b for b in boundaries if atom.start < b < atom.end)
        word = text[atom.start:atom.end]
        if inside and word in lexicon and word not in lexicon.names and \
                all(break_allowed(text[b - 1], text[b]) for b in inside):
            cuts = [atom.start, *inside, atom.end]
            atoms[index:index + 1] = [Atom(a, b, False) for a, b in zip(cuts, cuts[1:], strict=False)]
            penalties[index + 1:index + 1] = [WORD] * len(inside)
            index += len(inside)
        index += 1


def _words(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """newmm's words as (start, end, kind): "space", "word" (in the dictionary), "name", "unknown", "other"."""
    result = []
    position = 0
    for piece in lexicon.segment(text):
        start, position = position, position + len(piece)
        if piece.isspace():
            kind = "space"
        elif piece in lexicon.names:
            kind = "name"
        elif piece in lexicon:
            kind = "word"
        elif any(is_thai_letter(ch) for ch in piece) and not all(is_thai_sign(ch) or ch == "." for ch in piece):
            kind = "unknown"
        else:
            kind = "other"
        result.append((start, position, kind))
    if position != len(text):  # newmm always returns the whole text; guard the invariant
        raise ValueError("segmentation lost characters")
    return result


def _boundary_cost(text: str, left: Atom, right: tuple[int, int, str], left_unknown: bool,
                   after: tuple[int, int, str] | None, abbreviation: set[int]) -> float:
    start, _, kind = right
    if kind == "space":
        # A break at typed spaces; dearer where it parts a number from its noun.
        before = text[left.end - 1]
        following = text[after[0]] if after is not None else ""
        return SPACE_BY_NUMBER if is_digit(before) or is_digit(following) else SPACE
    if left.is_space:
        return FORBIDDEN  # the break is taken before the spaces, which then vanish
    if start in abbreviation or left_unknown or kind == "unknown":
        return FORBIDDEN
    if not break_allowed(text[start - 1], text[start]):
        return FORBIDDEN
    return WORD


def _abbreviation_positions(text: str) -> set[int]:
    """Boundaries that would split the Thai letters an abbreviation's dot follows."""
    positions: set[int] = set()
    for match in _DOT_AFTER_THAI.finditer(text):
        dot = match.start()
        positions.update(range(max(1, dot - _ABBREVIATION_REACH + 1), dot + 1))
    return positions


def _compound_parts(text: str, start: int, end: int, lexicon: Lexicon,
                    depth: int = 0) -> list[tuple[int, int, float]]:
    """A long dictionary entry as the dictionary words it is made of: (start, end, cost of a break before).

    The entry is cut into the fewest words (the most even cut among those), and each word
    long enough is cut again, dearer: นายก|องค์การบริหารส่วนจังหวัด before องค์การ|บริหาร.
    """
    word = text[start:end]
    # A compound the corpus counts as one word (ประชาสัมพันธ์, ประสิทธิภาพ) is a word: dearer to cut
    # than a name of an institution it only ever counts in parts (องค์การบริหารส่วนตำบล).
    cost = LEXICAL_COMPOUND if counted_as_one_word(word) else COMPOUND + COMPOUND_STEP * depth
    if len(word) < COMPOUND_MIN_LENGTH:
        return [(start, end, cost)]
    # best[i]: (parts, sum of squared part lengths, cut offsets) for word[:i]
    best: list[tuple[int, int, list[int]] | None] = [None] * (len(word) + 1)
    best[0] = (0, 0, [0])
    for position in range(len(word)):
        entry = best[position]
        if entry is None or (position and not break_allowed(word[position - 1], word[position])):
            continue
        parts, squares, path = entry
        for piece in lexicon.prefixes(word, position):
            stop = position + len(piece)
            if len(piece) == len(word) or len(cluster_starts(piece)) < COMPOUND_PART_MIN_CLUSTERS:
                continue
            candidate = (parts + 1, squares + len(piece) ** 2, path + [stop])
            if best[stop] is None or candidate[:2] < best[stop][:2]:
                best[stop] = candidate
    entry = best[len(word)]
    if entry is None or entry[0] < 2:
        return [(start, end, cost)]
    result: list[tuple[int, int, float]] = []
    cuts = entry[2]
    for a, b in zip(cuts, cuts[1:], strict=False):
        inner = _compound_parts(text, start + a, start + b, lexicon, depth + 1)
        result.append((inner[0][0], inner[0][1], cost))
        result.extend(inner[1:])
    return result


def cluster_atoms(text: str, atom: Atom) -> list[Atom]:
    """An atom cut between its grapheme clusters (a base and its marks stay together)."""
    word = text[atom.start:atom.end]
    bounds = [atom.start + i for i in cluster_starts(word)] + [atom.end]
    return [Atom(a, b, False) for a, b in zip(bounds, bounds[1:], strict=False)]
