"""Thai the clerk reads lives in the catalogue: no Thai string literal in code but the report's own vocabulary."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import ita_desktop

PACKAGE = Path(ita_desktop.__path__[0])
THAI = re.compile("[\u0e00-\u0e7f]")
# Modules (or, ending in "/", packages) whose Thai is data, not UI text: what is printed or recognised in a
# report, and the Thai script itself.
DOMAIN_VOCABULARY = {
    # printed in the report: title, headings, numbering and counts, citations, sign-offs, page numbers
    "model/report.py", "model/headings.py", "model/numbering.py", "model/report_words.py", "model/checks.py",
    "pdf/blocks.py", "pdf/document.py", "pdf/signatures.py", "exporting/docx_export.py", "exporting/docx_styles.py",
    # recognised by the importer in a clerk's text, Word or OpenDocument file (list formats, IT๙ font names)
    "importing/patterns.py", "importing/title_lines.py", "importing/signoff.py", "importing/signoff_block.py",
    "importing/recogniser.py", "importing/docx_numbering.py",
    # recognised in a date the clerk types: the era "พ.ศ." before a Buddhist Era year
    "model/date_entry.py",
    # the Thai script itself: digits, line breaking and shaping, font file names (TH SarabunIT๙), a font sample,
    # the libthai probe sentence, the language's own name
    "messages.py", "i18n.py", "typesetting/", "ui/app_fonts.py", "ui/thai_line_breaks.py", "console_streams.py",
    # the spell check's letters: Thai letters and marks, and the letters typists take for one another
    "spelling/checker.py", "spelling/edits.py",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def thai_literals(path: Path) -> list[str]:
    """``module:line: text`` for each string literal holding Thai (docstrings are documentation)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value[:40]}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and THAI.search(node.value)]


def _vocabulary(path: Path) -> bool:
    name = path.relative_to(PACKAGE).as_posix()
    return name in DOMAIN_VOCABULARY or any(name.startswith(e) for e in DOMAIN_VOCABULARY if e.endswith("/"))


def test_no_thai_string_literal_outside_the_domain_vocabulary():
    found = [line for path in sorted(PACKAGE.rglob("*.py")) if not _vocabulary(path) for line in thai_literals(path)]
    assert found == []  # word it in English with Message()/_() and translate it in the .po


def test_the_check_sees_thai_in_code_but_not_in_docstrings(tmp_path):
    module = PACKAGE / "model" / "report.py"  # holds the default title, a Thai literal
    assert any("รายงานผล" in line for line in thai_literals(module))
    assert not any("(๑)" in line for line in thai_literals(module))  # its docstring quotes "(๑)"


def test_every_allowed_module_exists():
    assert sorted(name for name in DOMAIN_VOCABULARY if not (PACKAGE / name).exists()) == []
