"""Clean text pasted from Word, LINE or the web before it is measured and drawn."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that pasted Thai often carries; they must never reach the text layer.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"), None)
_LINE_SEPARATORS = re.compile("\r\n|[\r\u2028\u2029\u000b\u000c\u0085]")
# Every Unicode space other than U+0020 (NBSP, thin, ideographic...) and tabs become a plain space.
_ODD_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Decomposed sara am (nikhahit + sara aa), possibly with the tone mark typed in between.
_DECOMPOSED_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
# The same combining mark typed twice draws two marks on top of each other.
_DOUBLED_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")
_TRAILING_SPACES = re.compile(" +(?=\n|$)")
# Unicode category Cc (C0, DEL, C1) except the "\n" kept above; one regex pass, not a test per character.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def normalize_text(text: str) -> str:
    """Return ``text`` cleaned for typesetting; the PDF text layer reproduces this result exactly.

    Removes zero-width characters, soft hyphens and control characters; turns NBSP and other
    spaces into U+0020 and every line separator into "\\n"; composes sara am; turns a doubled
    sara e (typed for sara ae) into sara ae; drops doubled marks and trailing spaces. A tone
    typed before its vowel ("เร่ือง") stays so: it is drawn in the right order (see
    ``shaping.display_order``) and the text layer keeps what was typed. Characters the font
    lacks are kept (drawn as a box).
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _ODD_SPACES.sub(" ", text)
    text = text.translate(_INVISIBLE)
    text = _CONTROLS.sub("", text)
    text = _DECOMPOSED_SARA_AM.sub("\\1\u0e33", text)
    text = _DOUBLED_MARK.sub("\\1", text)
    text = text.replace("\u0e40\u0e40", "\u0e41")
    return _TRAILING_SPACES.sub("", text)
