"""Mutated .docx and .txt reports (bit flips, truncation, swapped, renamed and dropped members, edited XML,
re-encoded text): never a traceback, never above 400 MB, never past 10 s a file, the .ita untouched on refusal.

``ITA_FUZZ_CASES`` sets the number of cases (300 in ``make test``, more in ``make stress``); the cases are
seeded, so a failure names a case that fails again the same way.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LIMIT_MB = 400


def test_mutated_reports_are_imported_or_refused_cleanly(tmp_path):
    cases = int(os.environ.get("ITA_FUZZ_CASES", "300"))
    env = {**os.environ, "ITA_DESKTOP_DATA": str(tmp_path / "user-data"), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    child = subprocess.run([sys.executable, "-m", "tests.importing.fuzz_driver", str(cases), "20261204",
                            str(tmp_path)], capture_output=True, text=True, cwd=REPO, env=env, timeout=3600)
    assert child.returncode == 0, child.stderr[-3000:]
    *results, summary = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    assert len(results) == cases
    bad = [r for r in results if r["outcome"] not in ("imported", "refused")]
    assert not bad, "\n\n".join(f"case {r['case']} ({r['kind']} {r['mutation']}): {r['outcome']}\n{r['error']}"
                                for r in bad[:5])
    assert [r["case"] for r in results if r["outcome"] == "refused" and not r["untouched"]] == []
    assert summary["peak_mb"] < LIMIT_MB, summary
    # The budget really covers every kind of damage, and both outcomes.
    seen = collections.Counter((r["kind"], r["mutation"]) for r in results)
    assert len(seen) == 12 and min(seen.values()) >= cases // 40, seen
    outcomes = collections.Counter(r["outcome"] for r in results)
    assert outcomes["imported"] >= cases // 10 and outcomes["refused"] >= cases // 10, outcomes
