"""The notes' label prints in bold however the clerk typed it, and is added when missing."""

from __future__ import annotations

import pytest

from ita_desktop.pdf.blocks import note_runs
from ita_desktop.typesetting import Run


@pytest.mark.parametrize("typed,label", [
    ("หมายเหตุ : ส่งรายงานแล้ว", "หมายเหตุ :"),
    ("หมายเหตุ: ส่งรายงานแล้ว", "หมายเหตุ:"),
    ("หมายเหตุ ส่งรายงานแล้ว", "หมายเหตุ"),
    ("หมายเหตุ　：ส่งรายงานแล้ว", "หมายเหตุ　："),
])
def test_the_typed_label_is_bold_whole(typed, label):
    [[bold, rest]] = note_runs([typed])
    assert bold == Run(label, bold=True)
    assert bold.text + rest.text == typed and not rest.bold


def test_a_label_is_added_to_unlabelled_notes_only_once():
    runs = note_runs(["ส่งรายงานแล้ว", "รอผลการตรวจ"])
    assert runs[0][0] == Run("หมายเหตุ :", bold=True) and runs[0][1].text == " ส่งรายงานแล้ว"
    assert runs[1] == [Run("รอผลการตรวจ")]
    second_labelled = note_runs(["ส่งรายงานแล้ว", "หมายเหตุ : รอผลการตรวจ"])
    assert second_labelled[0] == [Run("ส่งรายงานแล้ว")]
