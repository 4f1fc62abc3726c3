"""Import time of each file of the Word corpus (tests/fixtures/word_corpus/files), as Word/LibreOffice saved it.

Prints one JSON line: ``word_corpus`` with, per file, the median of ``--runs`` imports (recognise, prepare the
photos, store them in a fresh .ita file) in milliseconds. Figures, not assertions: the files are small
(a few kB to 25 kB), so this shows the fixed cost of reading Word's XML (styles, numbering, text boxes).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_desktop.importing.docx_import import import_docx  # noqa: E402
from ita_desktop.store.report_store import ReportStore  # noqa: E402
from tests.fixtures.word_corpus.make_corpus import CORPUS, FOLDER, SAVED_BY_LIBREOFFICE  # noqa: E402


def _import_once(path: Path, scratch: Path, run: int) -> float:
    target = scratch / f"{path.stem}-{run}.ita"
    with ReportStore.open(target, create=True) as store:
        start = time.perf_counter()
        import_docx(store, path, workers=1)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name in sorted([*CORPUS, *SAVED_BY_LIBREOFFICE]):
            times = [_import_once(FOLDER / name, Path(scratch), run) for run in range(args.runs)]
            figures[name] = round(statistics.median(times) * 1000, 1)
    print(json.dumps({"benchmark": "word_corpus", "import_ms_median": figures, "runs": args.runs}))


if __name__ == "__main__":
    main()
