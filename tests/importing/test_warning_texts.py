"""A warning quotes the start of a long text, cut between words (by characters it read "ตรวจส…")."""

from __future__ import annotations

from ita_desktop.importing.warning_texts import shorten
from ita_desktop.typesetting.segmentation import newmm_words

TITLE = "มาตรการเกี่ยวกับการเปิดโอกาสให้ผู้รับบริการและผู้มีส่วนได้ส่วนเสียเข้ามามีส่วนร่วมในการดำเนินงาน"


def test_a_long_thai_title_is_cut_between_words():
    short = shorten(TITLE)
    assert short.endswith("…") and len(short) <= 60
    kept = short[:-1]
    boundaries = {0}
    for word in newmm_words(TITLE):
        boundaries.add(max(boundaries) + len(word))
    assert TITLE.startswith(kept) and len(kept) in boundaries and len(kept) > 40, short


def test_short_texts_and_spaces():
    assert shorten("  มาตรการ   ที่ ๑  ") == "มาตรการ ที่ ๑"
    assert shorten("x" * 100, 10) == "x" * 9 + "…"  # one long run: nothing to cut between
