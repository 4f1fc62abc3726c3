"""HarfBuzz shaping of words, cached per (font file, text); sizes are applied by scaling."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb

from ita_desktop.typesetting.segmentation import justification_starts

# Shaped words are stored in font units: one shaping serves every point size, so the
# cache key (font, word) is the (font, size, word) key of the issue with the size factored out.
# A shaped word takes ~1.8 kB (measured on the seed's words); the seed has ~460 distinct words,
# a 40-measure report a few thousand. The cap bounds a long session at ~70 MB (it was 200,000
# words, ~350 MB).
_WORD_CACHE_LIMIT = 40_000


@dataclass(frozen=True)
class ShapedGlyph:
    """One positioned glyph in font units; ``chars`` is the source text it stands for."""

    glyph_id: int
    chars: str
    x_advance: int
    x_offset: int
    y_offset: int
    starts_unit: bool  # distributed justification may add space before this glyph


@dataclass(frozen=True)
class ShapedText:
    """A word (or space run) shaped in one face."""

    text: str
    glyphs: tuple[ShapedGlyph, ...]
    advance: int  # font units
    unit_count: int  # justification units (Thai clusters; a Latin word is one unit)
    missing: str  # characters the face has no glyph for (drawn as a box)


class FaceShaper:
    """Shapes text with one font file and caches the result per text."""

    def __init__(self, path: Path) -> None:
        blob = hb.Blob.from_file_path(str(path))
        self.path = path
        self.face = hb.Face(blob)
        self.font = hb.Font(self.face)
        self.units_per_em: int = self.face.upem
        self._cache: dict[str, ShapedText] = {}
        self._lock = threading.Lock()

    def shape(self, text: str) -> ShapedText:
        """The shaped form of ``text`` (cached)."""
        shaped = self._cache.get(text)
        if shaped is None:
            shaped = self._shape_uncached(text)
            with self._lock:
                if len(self._cache) >= _WORD_CACHE_LIMIT:
                    self._cache.clear()
                self._cache[text] = shaped
        return shaped

    def width_pt(self, text: str, size_pt: float) -> float:
        """Advance width of ``text`` at ``size_pt``."""
        return self.shape(text).advance * size_pt / self.units_per_em

    def glyph_advance(self, glyph_id: int) -> int:
        """The glyph's own advance (hmtx), what a PDF viewer moves by without adjustments."""
        return self.font.get_glyph_h_advance(glyph_id)

    def has_char(self, ch: str) -> bool:
        """Does the face map this character to a glyph?"""
        return self.font.get_nominal_glyph(ord(ch)) is not None

    def _shape_uncached(self, text: str) -> ShapedText:
        if not text:
            return ShapedText(text, (), 0, 0, "")
        buf = hb.Buffer()
        # Monotone characters: marks keep their own cluster, so each glyph maps to its chars.
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        # A tone typed before its vowel is drawn vowel first. Each glyph keeps the character typed
        # at its place (the vowel's glyph maps to the tone and the tone's to the vowel), so what a
        # viewer extracts, in drawing order, is what was typed; no code maps to nothing.
        buf.add_str(display_order(text))
        buf.guess_segment_properties()
        hb.shape(self.font, buf, {})
        infos, positions = buf.glyph_infos, buf.glyph_positions
        clusters = sorted({info.cluster for info in infos})
        cluster_end = dict(zip(clusters, clusters[1:] + [len(text)], strict=True))
        unit_starts = set(justification_starts(text))
        glyphs = []
        seen_clusters: set[int] = set()
        for info, pos in zip(infos, positions, strict=True):
            first_of_cluster = info.cluster not in seen_clusters
            seen_clusters.add(info.cluster)
            glyphs.append(ShapedGlyph(
                glyph_id=info.codepoint,
                chars=text[info.cluster:cluster_end[info.cluster]] if first_of_cluster else "",
                x_advance=pos.x_advance,
                x_offset=pos.x_offset,
                y_offset=pos.y_offset,
                starts_unit=first_of_cluster and info.cluster in unit_starts and info.cluster > 0,
            ))
        glyphs = self._map_sara_am(glyphs)
        missing = "".join(ch for ch in text if not ch.isspace() and not self.has_char(ch))
        return ShapedText(
            text=text,
            glyphs=tuple(glyphs),
            advance=sum(g.x_advance for g in glyphs),
            unit_count=1 + sum(g.starts_unit for g in glyphs),
            missing=missing,
        )


    def _map_sara_am(self, glyphs: list[ShapedGlyph]) -> list[ShapedGlyph]:
        """Give every glyph of a decomposed sara am some text, so no code maps to nothing.

        HarfBuzz draws sara am as nikhahit (or nikhahit + tone ligature) then sara aa, both
        in one cluster. Sara aa carries "ำ" and the first glyph the tone mark; without a tone
        the pair is drawn as the font's precomposed sara am, which looks the same.
        """
        precomposed = self.font.get_nominal_glyph(0x0E33)
        result: list[ShapedGlyph] = []
        index = 0
        while index < len(glyphs):
            glyph = glyphs[index]
            follower = glyphs[index + 1] if index + 1 < len(glyphs) else None
            if "\u0e33" in glyph.chars and follower is not None and follower.chars == "":
                rest = glyph.chars.replace("\u0e33", "")
                if rest:
                    result.append(replace(glyph, chars=rest))
                    result.append(replace(follower, chars="\u0e33"))
                elif precomposed is not None and glyph.x_advance == 0:
                    result.append(replace(follower, glyph_id=precomposed, chars="\u0e33",
                                          starts_unit=glyph.starts_unit))
                else:
                    result.extend((glyph, follower))
                index += 2
            else:
                result.append(glyph)
                index += 1
        return result


def display_order(text: str) -> str:
    """``text`` with each tone mark typed before its upper or lower vowel put after it, as fonts expect."""
    return _TONE_BEFORE_VOWEL.sub("\\2\\1", text) if _TONE_BEFORE_VOWEL.search(text) else text


_TONE_BEFORE_VOWEL = re.compile("([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e3a])")


@lru_cache(maxsize=32)
def face_shaper(path: Path) -> FaceShaper:
    """One shaper (and one word cache) per font file for the whole process."""
    return FaceShaper(path)
