"""A new report named "X.ITA" (Windows names are case-blind, dialogs keep what was typed) is not made "X.ITA.ita"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform's note


def test_new_report_keeps_an_upper_case_suffix(window, tmp_path):
    window.file_ops.new_report(str(tmp_path / "รายงาน 2568.ITA"))
    assert window.document.path.name == "รายงาน 2568.ITA"
    assert not (tmp_path / "รายงาน 2568.ITA.ita").exists()


def test_new_report_without_a_suffix_gets_one(window, tmp_path):
    window.file_ops.new_report(str(tmp_path / "รายงาน 2568"))
    assert window.document.path.name == "รายงาน 2568.ita"
