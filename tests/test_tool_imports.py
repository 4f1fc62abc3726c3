"""The benchmarks, scripts and stress runs import only names that exist: they are not run by `make test`,
so a name moved in the package (the sample file left ui/launch.py) broke `make bench` unnoticed."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = sorted(path for folder in ("bench", "scripts", "stress") for path in (ROOT / folder).rglob("*.py"))


def _our_imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.module, alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            and (node.module or "").split(".")[0] in ("ita_desktop", "tests") for alias in node.names]


def test_the_tools_are_found():
    assert len(TOOLS) >= 5 and any(_our_imports(path) for path in TOOLS)


@pytest.mark.parametrize("path", TOOLS, ids=[str(path.relative_to(ROOT)) for path in TOOLS])
def test_every_name_a_tool_imports_from_the_project_exists(path):
    missing = []
    for module_name, name in _our_imports(path):
        module = importlib.import_module(module_name)
        if not hasattr(module, name):
            try:
                importlib.import_module(f"{module_name}.{name}")  # a submodule
            except ImportError:
                missing.append(f"{module_name}.{name}")
    assert missing == []


@pytest.mark.slow
def test_the_word_cancel_benchmark_runs_at_a_small_size(tmp_path):
    """It drives the import and export workers directly (their signatures, not only their names)."""
    import json
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_word_cancel.py"), "--photos", "4",
                             "--workdir", str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    figures = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [figure["benchmark"] for figure in figures] == ["docx_import_cancel", "docx_export_cancel"]
    assert figures[1]["files_left"] == []
