"""Opening a large report (120 photos of random bytes, ~530 MB) at the first open of a day: editor and CLI path."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from editor_sandbox import editor_sandbox  # noqa: E402 (sets the environment before the app is imported)

WORK = editor_sandbox("ita-bench-open-")
PHOTOS = 120
ORIGINAL_BYTES = 4_200_000  # a phone JPEG


def emit(name: str, **values) -> None:
    print(json.dumps({"benchmark": name, **values}, ensure_ascii=False), flush=True)


def make_large_report(path: Path) -> int:
    """A report whose measure holds PHOTOS photos of random bytes (incompressible, like JPEG)."""
    from ita_desktop.photos import PreparedPhoto
    from ita_desktop.store.report_store import ReportStore

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.helpers import small_report

    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(small_report())
        measure_id = store.db.execute("SELECT min(id) FROM measures").fetchone()[0]
        for index in range(PHOTOS):
            original = os.urandom(ORIGINAL_BYTES)
            store.add_photo(measure_id, PreparedPhoto(
                original=original, print_copy=original[:300_000], print_format="JPEG",
                thumbnail=original[:20_000], width=1600, height=1200,
                sha256=hashlib.sha256(original).hexdigest()), caption=f"ภาพ {index}")
    return report_id


def _forget_backups() -> None:
    # Every run is "the first open of the day": today's copy is due again.
    shutil.rmtree(WORK / "data" / "backups", ignore_errors=True)


def bench_open(path: Path, runs: int = 3) -> None:
    from PySide6.QtWidgets import QApplication

    from ita_desktop.store.report_store import ReportStore
    from ita_desktop.ui.document import ReportDocument

    app = QApplication.instance() or QApplication([])
    synchronous, editor, copy_done, stalls = [], [], [], []
    for _ in range(runs):
        _forget_backups()
        start = time.perf_counter()
        ReportStore.open(path).close()  # the CLI's path: the copy is taken before open returns
        synchronous.append(time.perf_counter() - start)
        _forget_backups()
        start = time.perf_counter()
        document = ReportDocument.open(path)
        editor.append(time.perf_counter() - start)
        backup = getattr(document, "daily_backup", None)
        if backup is not None:  # the copy runs on a worker thread; the UI thread keeps turning meanwhile
            last, stall = time.perf_counter(), 0.0
            while backup.is_running():
                app.processEvents()
                time.sleep(0.005)
                now = time.perf_counter()
                stall, last = max(stall, now - last - 0.005), now
            copy_done.append(time.perf_counter() - start)
            stalls.append(stall)
        document.close()
    size_mb = round(path.stat().st_size / 1e6)
    emit("open_large_file_first_of_day", file_mb=size_mb, photos=PHOTOS, runs=runs,
         cli_open_with_copy_median_s=round(statistics.median(synchronous), 3),
         editor_open_median_s=round(statistics.median(editor), 3),
         editor_copy_done_median_s=round(statistics.median(copy_done), 3) if copy_done else None,
         ui_thread_longest_stall_during_copy_ms=round(max(stalls) * 1000, 1) if stalls else None)


def main() -> None:
    path = WORK / "large.ita"
    try:
        make_large_report(path)
        bench_open(path)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
