"""Thai distributed justification: slack shared between spaces and cluster boundaries; headings' last lines."""

from __future__ import annotations

import pytest

from ita_desktop.typesetting import Run
from ita_desktop.typesetting.justification import (
    CLUSTER_STRETCH_EM,
    MAX_CLUSTER_GAP_EM,
    SPACE_STRETCH_EM,
    badness,
    spread,
)
from ita_desktop.typesetting.segmentation import newmm_words

SIZE_MM = 3.77  # 10.7 pt


def test_slack_is_shared_in_proportion_to_stretch():
    shares = spread(4.0, spaces=2, boundaries=60, size_mm=SIZE_MM)
    assert shares.gap_mm * 60 + shares.space_extra_mm * 2 == pytest.approx(4.0)
    assert shares.gap_mm / shares.space_extra_mm == pytest.approx(CLUSTER_STRETCH_EM / SPACE_STRETCH_EM)


def test_a_line_with_few_spaces_spreads_its_slack_over_its_clusters():
    shares = spread(3.77, spaces=1, boundaries=65, size_mm=SIZE_MM)  # one em of slack
    assert shares.space_extra_mm < 0.1 * SIZE_MM  # the one space opens by less than a tenth of an em
    assert 0 < shares.gap_mm < 0.02 * SIZE_MM


def test_cluster_gaps_are_capped_and_the_rest_goes_to_the_spaces():
    shares = spread(20.0, spaces=1, boundaries=20, size_mm=SIZE_MM)
    assert shares.gap_mm == pytest.approx(MAX_CLUSTER_GAP_EM * SIZE_MM)
    assert shares.space_extra_mm == pytest.approx(20.0 - 20 * shares.gap_mm)


def test_a_line_without_spaces_keeps_what_its_clusters_cannot_take():
    shares = spread(20.0, spaces=0, boundaries=20, size_mm=SIZE_MM)
    assert shares.space_extra_mm == 0 and shares.gap_mm == pytest.approx(MAX_CLUSTER_GAP_EM * SIZE_MM)


def test_badness_grows_with_the_cube_of_the_stretch():
    assert badness(0.0, 2, 60, SIZE_MM) == 0
    assert badness(2.0, 2, 60, SIZE_MM) * 8 == pytest.approx(badness(4.0, 2, 60, SIZE_MM))
    assert badness(1.0, 0, 0, SIZE_MM) > badness(30.0, 3, 60, SIZE_MM)  # rigid lines are the worst


def test_a_double_space_is_stretched_as_one(typesetter, body_size):
    text = "การประชุมชี้แจงแนวทางการประเมินคุณธรรมและความโปร่งใส  ให้แก่บุคลากร เพื่อสร้างความรู้ความเข้าใจ" * 3
    for line in typesetter.layout(text, 100, body_size)[:-1]:
        runs = [placed for placed in line.segments if placed.segment.text.isspace()]
        extras = {round(placed.space_extra_mm * len(placed.segment.text), 6) for placed in runs}
        assert len(extras) <= 1, line.text  # each run gets the same, whatever its length


HEADINGS = [
    "(๕) มาตรการเกี่ยวกับการจัดทำคู่มือการปฏิบัติงานและการให้บริการประชาชน (ข้อ I16 / เดิม)",
    "(๓) มาตรการเกี่ยวกับการประชาสัมพันธ์แผนการใช้จ่ายงบประมาณประจำปี (ข้อ 17 เดิม)",
    "๑.๑ ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน ๖ ข้อ",
    "รายงานผลดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนจังหวัดอ่างทอง",
]


def _tails(typesetter, size, text, width, heading, align="left"):
    lines = typesetter.layout([Run(text, bold=True)], width, size, align=align, heading=heading)
    if len(lines) < 2:
        return []
    last = lines[-1].text.strip()
    opened_above = text.rfind("(", 0, text.index(last)) > text.rfind(")", 0, text.index(last))
    alone = len([word for word in newmm_words(last) if not word.isspace()]) <= 1
    return [last] if opened_above or alone else []


@pytest.mark.parametrize("align", ["left", "center"])
def test_a_headings_last_line_never_holds_one_word_or_a_brackets_tail(typesetter, body_size, align):
    for text in HEADINGS:
        for width in range(60, 170, 4):
            assert _tails(typesetter, body_size, text, width, True, align) == [], (text, width)


def test_without_the_heading_rule_such_tails_happen(typesetter, body_size):
    # The rule is doing the work: body-text breaking leaves tails at some widths.
    found = [tail for text in HEADINGS for width in range(60, 170, 4)
             for tail in _tails(typesetter, body_size, text, width, False)]
    assert found


def test_heading_lines_are_balanced(typesetter, body_size):
    text = HEADINGS[0]
    lines = typesetter.layout([Run(text, bold=True)], 120, body_size, align="center", heading=True)
    assert len(lines) == 2
    widths = [line.width_mm for line in lines]
    assert max(widths) - min(widths) < 0.35 * 120
