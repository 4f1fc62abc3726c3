"""The Word corpus (files saved the ways Word and LibreOffice save this report) imports exactly as shown there.

Each file in tests/fixtures/word_corpus/files has its expected report next to it (NAME.json, the shape of
``ita-desktop export --format json`` without ids); every measure, part, photo and signatory must match, every
photo must come out upright, and the only warnings are the ones listed here for that file.
"""

from __future__ import annotations

import json

import pytest

from ita_desktop.exporting.json_export import report_to_dict
from ita_desktop.importing.docx_import import import_docx
from ita_desktop.store.report_store import ReportStore
from tests.fixtures.word_corpus.make_corpus import CORPUS, FOLDER, SAVED_BY_LIBREOFFICE, expected_path
from tests.fixtures.word_corpus.pictures import is_upright

# The warnings each file must give (by code), in order; a file not listed must give none.
EXPECTED_WARNINGS: dict[str, list[str]] = {
    "w08_it9_digits.docx": ["it9_digits"],  # said once, naming the font
    "lo15_it9_digits_saved.odt": ["it9_digits"],
    "lo17_it9_digits_saved.docx": ["it9_digits"],
    "lo10_lists_frames.odt": ["table_in_part"],  # the tracking table stands under the outcome text
    # LibreOffice 7.4 saves each continued piece of a list as a list of its own, in decimal: Word then
    # shows "1.1" for the second group and "1." for the second section, as these warnings say.
    "lo11_lists_frames_saved.docx": ["number_mismatch", "table_in_part", "number_mismatch"],
}


def _imported(tmp_path, name):
    with ReportStore.open(tmp_path / "corpus.ita", create=True) as store:
        outcome = import_docx(store, FOLDER / name, workers=1)
        report = store.load_report(outcome.report_id)
        prints = [store.photo_data(p.id) for m in report.measures for p in m.photos]
    exported = report_to_dict(report)
    exported.pop("id")
    return exported, outcome.warnings, prints


@pytest.mark.parametrize("name", sorted([*CORPUS, *SAVED_BY_LIBREOFFICE]))
def test_corpus_file_imports_as_shown(tmp_path, name):
    exported, warnings, prints = _imported(tmp_path, name)
    expected = json.loads(expected_path(name).read_text(encoding="utf-8"))
    assert exported == expected
    assert [w.code for w in warnings] == EXPECTED_WARNINGS.get(name, []), [w.english for w in warnings]
    assert all(is_upright(data) for data in prints)
