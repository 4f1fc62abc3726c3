"""A redirected command line on an English Windows (cp1252): Thai in a message still gets out, as UTF-8."""

from __future__ import annotations

import io
import sys

from ita_desktop.__main__ import main
from ita_desktop.console_streams import holds_thai, make_streams_thai_safe


def test_a_thai_file_name_in_an_error_reaches_a_cp1252_pipe(tmp_path, monkeypatch):
    err_bytes = io.BytesIO()
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err_bytes, encoding="cp1252"))  # Windows' ANSI pipe
    missing = tmp_path / "รายงาน 2568.ita"
    assert main(["render", str(missing), "-o", str(tmp_path / "out.pdf")]) == 2
    sys.stderr.flush()
    assert str(missing) in err_bytes.getvalue().decode("utf-8")


def test_streams_that_hold_thai_are_left_alone(monkeypatch):
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="cp874"))  # Thai Windows' ANSI
    make_streams_thai_safe()
    assert sys.stdout.encoding == "cp874"
    assert holds_thai("utf-8") and not holds_thai("cp1252") and not holds_thai("no-such-codec")
