"""Cancelling a Word import or a Word export midway: how long the stop takes and what it leaves behind.

Prints one JSON line per benchmark:
  docx_import_cancel   stop asked when half the photos are stored: seconds until import_docx has raised
                       (workers joined, half-imported report removed), pictures decoded after the stop,
                       whether every table holds exactly its old rows, and the file's size before/after
  docx_export_cancel   stop asked when half the photos are in the document: seconds until the export has
                       raised, whether any output or temporary file is left; then, for scale, the whole
                       export uncancelled (seconds, size)
The fixture is bench_docx's report of phone photos (12 MP); --photos N (default 120), --workdir DIR.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_docx import build_docx  # noqa: E402  (the same 120-photo report as the import benchmark)


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        # Blobs compared by their hash and length: the same rows without holding 500 MB twice.
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables
                if t not in ("photo_blobs", "photo_originals")} | {
            t: conn.execute(f"SELECT photo_id, length({c}) FROM {t} ORDER BY photo_id").fetchall()
            for t, c in (("photo_blobs", "print_copy"), ("photo_originals", "data"))}
    finally:
        conn.close()


def bench_import_cancel(docx_path: Path, ita_path: Path, photos: int) -> dict:
    import ita_desktop.photos.batch as batch
    from ita_desktop.importing import recognise_text, save_recognised
    from ita_desktop.importing.docx_import import ImportCancelled, import_docx
    from ita_desktop.paths import sample_report_text
    from ita_desktop.store.report_store import ReportStore

    with ReportStore.open(ita_path, create=True) as store:
        save_recognised(store, recognise_text(sample_report_text(), "sample"))
    before, size_before = _rows(ita_path), ita_path.stat().st_size
    stop = threading.Event()
    asked_at: list[float] = []
    decoded_after: list[str] = []
    real_prepare = batch.prepare_photo

    def counted_prepare(data, name):
        if stop.is_set():
            decoded_after.append(name)
        return real_prepare(data, name)

    def progress(done: int, total: int) -> None:
        if done == photos // 2 and not stop.is_set():
            asked_at.append(time.perf_counter())
            stop.set()

    batch.prepare_photo = counted_prepare
    try:
        with ReportStore.open(ita_path) as store:
            try:
                import_docx(store, docx_path, progress=progress, should_stop=stop.is_set)
            except ImportCancelled:
                stopped_in = time.perf_counter() - asked_at[0]
    finally:
        batch.prepare_photo = real_prepare
    return {"benchmark": "docx_import_cancel", "photos": photos, "stopped_at_photo": photos // 2,
            "seconds_to_stop": round(stopped_in, 3), "pictures_decoded_after_stop": len(decoded_after),
            "rows_as_before": _rows(ita_path) == before,
            "file_mb_before": round(size_before / 1e6, 1), "file_mb_after": round(ita_path.stat().st_size / 1e6, 1)}


def bench_export_cancel(docx_path: Path, ita_path: Path, photos: int) -> dict:
    from ita_desktop.importing.docx_import import import_docx
    from ita_desktop.store.report_store import ReportStore
    from ita_desktop.ui.word_export import ExportCancelled, WordExportWorker

    with ReportStore.open(ita_path, create=True) as store:
        report = store.load_report(import_docx(store, docx_path).report_id)
    out = ita_path.parent / "export" / "out.docx"
    out.parent.mkdir(exist_ok=True)
    open_reader = partial(ReportStore.open_reader, ita_path)  # as ReportDocument.open_reader hands it over
    job = WordExportWorker(open_reader, report, out)
    asked_at: list[float] = []

    def progress(done: int, total: int) -> None:
        if done == photos // 2 and not asked_at:
            asked_at.append(time.perf_counter())
            job.request_stop()

    job.progress.connect(progress)  # direct: work() runs on this thread here
    try:
        job.work()
    except ExportCancelled:
        stopped_in = time.perf_counter() - asked_at[0]
    files_left = sorted(p.name for p in out.parent.iterdir())
    started = time.perf_counter()
    WordExportWorker(open_reader, report, out).work()  # for scale: the whole export, uncancelled
    return {"benchmark": "docx_export_cancel", "photos": photos, "stopped_at_photo": photos // 2,
            "seconds_to_stop": round(stopped_in, 3), "files_left": files_left,
            "seconds_whole_export": round(time.perf_counter() - started, 2),
            "export_mb": round(out.stat().st_size / 1e6, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=120)
    parser.add_argument("--workdir", help="keep the fixture here (built once)")
    args = parser.parse_args()
    folder = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="bench-word-cancel-"))
    folder.mkdir(parents=True, exist_ok=True)
    docx_path = folder / f"photos-{args.photos}.docx"
    try:
        if not docx_path.exists():
            build_docx(docx_path, args.photos)
        for name, bench in (("import.ita", bench_import_cancel), ("export.ita", bench_export_cancel)):
            (folder / name).unlink(missing_ok=True)
            print(json.dumps(bench(docx_path, folder / name, args.photos), ensure_ascii=False), flush=True)
    finally:
        if not args.workdir:  # ~1 GB of fixture and report files
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
