"""Word import + PDF render of a report with 120 twelve-megapixel phone photos, against LibreOffice.

Prints one JSON line per benchmark:
  docx_import_render   import (recognise, prepare, store) and render seconds, peak memory of that process
                       (Python modules of both sides are loaded before the clock starts)
  docx_cli             the same as a clerk at the command line: `ita-desktop import`, then `ita-desktop
                       render`, each a fresh process (start-up and module loading included)
  docx_export          the imported report written back as .docx (print copies)
  docx_libreoffice     `soffice --headless --convert-to pdf` of the same .docx, and the ratio
  docx_import_stages   (with --stages) CPU and wall seconds per import stage, summed over the photo threads
The import + render runs in a fresh child process, so its peak RSS is its own
(building the fixture with python-docx holds every photo in memory; that is not measured).
The word-segmentation cache is built before the timed run, as on any machine that has
rendered a report once (the very first render after installing costs ~0.5 s more).
Options: --photos N (default 120), --workdir DIR (keep the fixture), --no-libreoffice,
--stages (time each import stage; the timers add a little overhead of their own).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PHOTO_SIZE = (4000, 3000)  # 12 megapixels
MEASURES = 12


def _base_photos() -> list[bytes]:
    """A few distinct phone-like JPEGs (smooth gradients with grain, ~3–5 MB), some stored sideways."""
    from PIL import Image, ImageFilter

    bases = []
    for index, orientation in enumerate((1, 6, 8, 1, 6, 3)):
        noise = Image.effect_noise((PHOTO_SIZE[0] // 4, PHOTO_SIZE[1] // 4), 60 + 10 * index)
        grain = noise.resize(PHOTO_SIZE, Image.Resampling.BILINEAR).filter(ImageFilter.GaussianBlur(1))
        red = Image.linear_gradient("L").resize(PHOTO_SIZE)
        blue = red.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        image = Image.merge("RGB", (red, grain, blue))
        exif = Image.Exif()
        exif[0x0112] = orientation
        exif[0x010F] = "BenchPhone"
        out = io.BytesIO()
        image.save(out, "JPEG", quality=92, exif=exif.tobytes())
        bases.append(out.getvalue())
    return bases


def _variant(jpeg: bytes, number: int) -> bytes:
    """The same picture with its own comment segment, so Word stores each photo separately."""
    comment = f"photo {number}".encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    after_exif = 4 + int.from_bytes(jpeg[4:6], "big")  # python-docx looks for "Exif" right after SOI
    return jpeg[:after_exif] + segment + jpeg[after_exif:]


def build_docx(path: Path, photos: int) -> int:
    """A report in the seed's structure with ``photos`` photos spread over its measures."""
    import docx
    from docx.shared import Mm

    bases = _base_photos()
    document = docx.Document()
    add = document.add_paragraph
    add("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    add("ของเทศบาลเมืองตัวอย่าง ประจำปีงบประมาณ พ.ศ.๒๕๖๗")
    add(f"๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวนทั้งหมด {MEASURES} ข้อ ดังนี้")
    add(f"๑.๑ ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน {MEASURES} ข้อ")
    per_measure = [photos // MEASURES + (1 if m < photos % MEASURES else 0) for m in range(MEASURES)]
    number = 0
    for measure in range(MEASURES):
        n = measure + 1
        add(f"({n}) มาตรการเกี่ยวกับการปฏิบัติงานเรื่องที่ {n} (ข้อ I{n} เดิม)")
        add(f"({n}.1) ขั้นตอนหรือวิธีดำเนินการ : ประชุมชี้แจงเจ้าหน้าที่และติดตามผลการปฏิบัติงานทุกเดือน " * 2)
        add(f"({n}.2) หน่วยงานผู้รับผิดชอบ : สำนักปลัดเทศบาล")
        add(f"({n}.3) สรุปผลการดำเนินการ : ดำเนินการเสร็จสิ้นแล้ว โดยจัดประชุมและเผยแพร่คู่มือแก่เจ้าหน้าที่ " * 3)
        add(f"({n}.4) ผลลัพธ์หรือผลสำเร็จของการดำเนินการ : ไม่มีเรื่องร้องเรียน")
        add(f"({n}.5) ภาพประกอบ (ถ้ามี) :")
        for _ in range(per_measure[measure]):
            number += 1
            picture = _variant(bases[number % len(bases)], number)
            document.add_paragraph().add_run().add_picture(io.BytesIO(picture), width=Mm(80))
            add(f"ภาพที่ {number} การประชุมชี้แจง")
    add("ผู้จัดทำรายงาน: นางสาวสมใจ ใจดี นักจัดการงานทั่วไป")
    add("อนุมัติโดย: นายสมชาย รักดี ปลัดเทศบาล")
    document.save(str(path))
    return number


def _time_stages() -> dict[str, list[float]]:
    """Wrap each import stage in a timer of wall and thread-CPU seconds (so waits and GIL turns show)."""
    import hashlib
    import threading

    from PIL import Image, ImageFile

    from ita_desktop.importing import docx_package
    from ita_desktop.photos import batch, prepare
    from ita_desktop.store.report_store import ReportStore

    totals: dict[str, list[float]] = {}
    lock = threading.Lock()

    def timed(stage: str, function):
        def wrapper(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                with lock:
                    entry = totals.setdefault(stage, [0.0, 0.0, 0])
                    entry[0] += time.perf_counter() - wall
                    entry[1] += time.thread_time() - cpu
                    entry[2] += 1
        return wrapper

    docx_package.read_picture_member = timed("zip_read", docx_package.read_picture_member)
    batch.prepare_photo = timed("prepare_photo", prepare.prepare_photo)
    ImageFile.ImageFile.load = timed("decode", ImageFile.ImageFile.load)
    Image.Image.resize = timed("resize", Image.Image.resize)
    Image.Image.transpose = timed("transpose", Image.Image.transpose)
    prepare.encode_image = timed("encode", prepare.encode_image)
    prepare.hashlib = type("Hashing", (), {"sha256": staticmethod(timed("sha256", hashlib.sha256))})
    ReportStore.add_photo = timed("store_add_photo", ReportStore.add_photo)
    return totals


def worker(docx_path: str, ita_path: str, pdf_path: str, stages: bool = False) -> None:
    """Child process: import then render; prints its timings and its own peak RSS as JSON."""
    from ita_desktop.importing.docx_import import import_docx
    from ita_desktop.pdf import render_to_file
    from ita_desktop.store.report_store import ReportStore

    totals = _time_stages() if stages else None
    started, cpu_started = time.perf_counter(), time.process_time()
    with ReportStore.open(ita_path, create=True) as store:
        outcome = import_docx(store, docx_path)
    imported, cpu_imported = time.perf_counter(), time.process_time()
    if totals is not None:  # on its own line, before the summary (the parent reads the last line)
        print(json.dumps({"benchmark": "docx_import_stages", "import_s": round(imported - started, 2),
                          **{stage: {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "calls": calls}
                             for stage, (wall, cpu, calls) in totals.items()}}))
    stats = render_to_file(Path(ita_path), outcome.report_id, Path(pdf_path))
    render_seconds, pages = time.perf_counter() - imported, stats.pages
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux (import + render)
    render_cpu = time.process_time() - cpu_imported
    export_started = time.perf_counter()
    from ita_desktop.exporting.docx_export import export_docx

    with ReportStore.open_reader(ita_path) as store:
        export_docx(store, store.load_report(outcome.report_id), Path(pdf_path).with_suffix(".export.docx"))
    export_seconds = time.perf_counter() - export_started
    # CPU seconds of all threads: on a busy shared machine they say more than wall time does.
    print(json.dumps({"import_s": imported - started, "render_s": render_seconds, "pages": pages,
                      "export_docx_s": export_seconds,
                      "import_cpu_s": cpu_imported - cpu_started, "render_cpu_s": render_cpu,
                      "photos_stored": outcome.photos_stored, "photos_skipped": outcome.photos_skipped,
                      "warnings": len(outcome.warnings), "peak_rss_mb": peak_kb / 1024}))


def _cli(docx_path: Path, workdir: Path, env: dict[str, str]) -> dict[str, float]:
    """`ita-desktop import` then `ita-desktop render`, each in a new process, as a clerk would run them."""
    ita_path, pdf_path = workdir / "cli.ita", workdir / "cli.pdf"
    ita_path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "ita_desktop"]
    started = time.perf_counter()
    subprocess.run([*command, "import", str(docx_path), "--db", str(ita_path)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    imported = time.perf_counter()
    subprocess.run([*command, "render", str(ita_path), "-o", str(pdf_path)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"import_s": imported - started, "render_s": time.perf_counter() - imported}


def _libreoffice(docx_path: Path, outdir: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = outdir / "lo-profile"  # a private profile: no first-start dialogs, no lock clashes
    started = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir / "lo"), str(docx_path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=120)
    parser.add_argument("--workdir")
    parser.add_argument("--no-libreoffice", action="store_true")
    parser.add_argument("--stages", action="store_true")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--build", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker, stages=args.stages)
        return 0
    if args.build:
        build_docx(Path(args.build), args.photos)
        return 0
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench-docx-"))
    workdir.mkdir(parents=True, exist_ok=True)
    docx_path = workdir / f"report-{args.photos}-photos.docx"
    if not docx_path.exists():
        # In a child of its own: Linux reports a process's peak RSS across fork + exec, so a
        # parent that had held the whole generated .docx would inflate the worker's figure.
        subprocess.run([sys.executable, __file__, "--build", str(docx_path), "--photos", str(args.photos)],
                       check=True)
    ita_path, pdf_path = workdir / "bench.ita", workdir / "bench.pdf"
    ita_path.unlink(missing_ok=True)
    # The same folder as bench_render: the word list cached there stands for a machine in use.
    env = dict(os.environ, PYTHAINLP_DATA=os.path.join(tempfile.gettempdir(), "ita-desktop-bench-pythainlp"))
    subprocess.run([sys.executable, "-c", "from ita_desktop.typesetting.segmentation import preload_dictionary; "
                    "preload_dictionary()"], check=True, env=env)
    child = subprocess.run([sys.executable, __file__, "--worker", str(docx_path), str(ita_path), str(pdf_path),
                            *(["--stages"] if args.stages else [])],
                           check=True, capture_output=True, text=True, env=env)
    lines = child.stdout.strip().splitlines()
    for line in lines[:-1]:
        if line.startswith('{"benchmark": "docx_import_stages"'):
            print(line)
    result = json.loads(lines[-1])
    ours = result["import_s"] + (result["render_s"] or 0.0)
    print(json.dumps({"benchmark": "docx_import_render", "photos": args.photos, "cpus": os.cpu_count(),
                      "docx_mb": round(docx_path.stat().st_size / 1e6, 1),
                      "ita_mb": round(ita_path.stat().st_size / 1e6, 1),
                      "import_s": round(result["import_s"], 2),
                      "render_s": None if result["render_s"] is None else round(result["render_s"], 2),
                      "pages": result["pages"], "total_s": round(ours, 2),
                      "import_cpu_s": round(result["import_cpu_s"], 2),
                      "render_cpu_s": round(result["render_cpu_s"], 2),
                      "load_average_1min": os.getloadavg()[0],
                      "peak_rss_mb": round(result["peak_rss_mb"], 1), "photos_stored": result["photos_stored"],
                      "photos_skipped": result["photos_skipped"]}))
    cli = _cli(docx_path, workdir, env)
    print(json.dumps({"benchmark": "docx_cli", "photos": args.photos, "import_s": round(cli["import_s"], 2),
                      "render_s": round(cli["render_s"], 2), "total_s": round(sum(cli.values()), 2)}))
    print(json.dumps({"benchmark": "docx_export", "photos": result["photos_stored"],
                      "export_s": round(result["export_docx_s"], 2),
                      "docx_mb": round(pdf_path.with_suffix(".export.docx").stat().st_size / 1e6, 1)}))
    lo_seconds = None if args.no_libreoffice else _libreoffice(docx_path, workdir)
    print(json.dumps({"benchmark": "docx_libreoffice", "photos": args.photos,
                      "soffice_s": None if lo_seconds is None else round(lo_seconds, 2),
                      "ratio_ours_to_soffice": None if not lo_seconds else round(ours / lo_seconds, 3),
                      "ratio_cli_to_soffice": None if not lo_seconds else round(sum(cli.values()) / lo_seconds, 3),
                      "note": "" if lo_seconds is not None else "LibreOffice (soffice) not installed or skipped"}))
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
