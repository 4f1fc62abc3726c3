"""Benchmark the printed report: the seed sample and a 40-measure, 120-photo report; fpdf2's multi_cell for scale.

Prints one JSON line per case (figures, not assertions). Each case runs in a fresh
process so its peak memory (ru_maxrss) is its own; "cold" includes loading the
word-segmentation dictionary, "warm" is a second render in the same process (peak RSS
is given after the first and after the second render: the second must not add).
CPU seconds (all threads) and the load average are printed too: the machine is shared,
and wall time alone says little when other work competes for the two cores.
The last line times ``ita-desktop render --demo`` end to end (process start to file written).
Targets on a 2-core machine: sample < 1 s, 120 photos < 3 s, peak memory < 400 MB.

Usage: bench_render.py [--data DIR]   (DIR keeps the generated .ita files between runs)
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MEASURES = 40
PHOTOS = 120
PHOTO_SIZE = (4000, 3000)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _photo_bytes(seed: int) -> bytes:
    """A 12-megapixel JPEG with a gradient and noise, so it weighs what a phone photo weighs."""
    from PIL import Image

    rng = random.Random(seed)
    width, height = PHOTO_SIZE
    gradient = Image.linear_gradient("L").resize((width, height)).rotate(rng.choice((0, 90, 180, 270)),
                                                                          expand=False)
    noise = Image.frombytes("RGB", (width // 4, height // 4), rng.randbytes(width // 4 * height // 4 * 3))
    noise = noise.resize((width, height), Image.Resampling.BILINEAR)
    image = Image.merge("RGB", (gradient, noise.getchannel(1), noise.getchannel(2)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def build_large_file(path: Path) -> int:
    """A .ita with 40 measures (seed-like text) and 120 photos prepared by prepare_many."""
    from ita_desktop.model import GroupKind, Measure, MeasureGroup, Report, Section, Signatory
    from ita_desktop.photos.batch import prepare_many
    from ita_desktop.store.report_store import ReportStore

    steps = ("ให้ข้าราชการและพนักงานในสังกัดทุกส่วนราชการศึกษาทบทวนขั้นตอนการปฏิบัติราชการตามอำนาจหน้าที่"
             "ที่กำหนดไว้ในคู่มือสำหรับประชาชน หรือแผนภูมิขั้นตอนการปฏิบัติราชการในแต่ละกระบวนการ ")
    summary = ("ทุกส่วนราชการดำเนินการเสร็จสิ้นแล้ว โดยได้แจ้งกำกับให้เจ้าหน้าที่ในสังกัดให้ศึกษาทบทวนขั้นตอน"
               "การปฏิบัติราชการตามอำนาจหน้าที่ที่กำหนดไว้ตามมาตรฐานกำหนดตำแหน่งของตนเอง ") * 3
    measures = [Measure(title=f"มาตรการเกี่ยวกับการปรับปรุงการปฏิบัติราชการ เรื่องที่ {n + 1}", items=[f"I{n % 30 + 1}"],
                        items_previous=True, steps=steps * 2, responsible="สำนักปลัดองค์การบริหารส่วนจังหวัด",
                        summary=summary, outcome=steps,
                        table=[[f"{r}.", "การทบทวนคู่มือ", "คู่มือสำหรับประชาชนยังไม่สมบูรณ์", "๓๐ วัน",
                                "เสร็จสิ้นการทบทวนและปรับปรุง", ""] for r in range(1, 4)] if n % 4 == 0 else [])
                for n in range(MEASURES)]
    kinds = (GroupKind.IIT, GroupKind.EIT, GroupKind.OIT)
    groups = [MeasureGroup(kind=kinds[g], title="ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสีย",
                           measures=measures[g * 14:(g + 1) * 14]) for g in range(3)]
    report = Report(agency="องค์การบริหารส่วนจังหวัดทดสอบ", fiscal_year=2567,
                    sections=[Section(title="มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน", groups=groups)],
                    signatories=[Signatory(role="ผู้จัดทำรายงาน", name="นายทดสอบ ระบบ", position="นักวิเคราะห์")])
    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(report)
        sources = [(f"photo{n}.jpg", lambda n=n: _photo_bytes(n)) for n in range(PHOTOS)]
        for n, result in enumerate(prepare_many(sources)):
            store.add_photo(report.measures[n % MEASURES].id, result.prepared,
                            caption=f"ภาพที่ {n + 1} การประชุมชี้แจงเจ้าหน้าที่ในสังกัด")
    return report_id


def all_paragraphs(report) -> list[str]:
    texts = []
    for measure in report.measures:
        texts.append(measure.title)
        texts += [getattr(measure, key) for key in ("steps", "responsible", "summary", "outcome")
                  if getattr(measure, key)]
    return texts


def time_multi_cell(report) -> float:
    """fpdf2's own wrapping (shaped, align J) of the same paragraphs, for comparison."""
    from fpdf import FPDF

    from ita_desktop.typesetting import body_size_pt, default_font_set

    fonts = default_font_set()
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_font(fonts.family, "", str(fonts.regular))
    pdf.set_text_shaping(True)
    pdf.set_font(fonts.family, size=body_size_pt(fonts))
    pdf.add_page()
    started = time.perf_counter()
    for text in all_paragraphs(report):
        pdf.multi_cell(160, 5.3, text, align="J")
    pdf.output()
    return time.perf_counter() - started


def case(name: str, ita: str, report_id: int) -> None:
    """Runs in the child: render twice (cold, warm), then multi_cell on the same text."""
    from ita_desktop.pdf import render_to_file
    from ita_desktop.store.report_store import ReportStore

    out = Path(ita).with_suffix(".pdf")
    cpu = time.process_time()
    cold = render_to_file(Path(ita), report_id, out)
    cpu_cold = time.process_time() - cpu
    peak_cold = _peak_mb()
    cpu = time.process_time()
    warm = render_to_file(Path(ita), report_id, out)
    cpu_warm = time.process_time() - cpu
    peak_warm = _peak_mb()
    with ReportStore.open_reader(ita) as store:
        report = store.load_report(report_id)
    photos = len([p for m in report.measures for p in m.photos])
    print(json.dumps({
        "benchmark": f"render_{name}", "measures": len(report.measures), "photos": photos,
        "pages": warm.pages, "pdf_bytes": warm.bytes,
        "seconds_cold": round(cold.seconds, 3), "seconds_warm": round(warm.seconds, 3),
        "cpu_seconds_cold": round(cpu_cold, 3), "cpu_seconds_warm": round(cpu_warm, 3),
        "peak_rss_mb_first_render": round(peak_cold, 1), "peak_rss_mb_after_second": round(peak_warm, 1),
        "peak_rss_mb": round(max(peak_cold, peak_warm), 1),
        "fpdf2_multi_cell_text_only_seconds": round(time_multi_cell(report), 3),
        "cpus": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2),
    }, ensure_ascii=False), flush=True)


def time_demo_command(folder: str) -> None:
    """``ita-desktop render --demo`` in a fresh process: wall time, CPU and its own peak RSS."""
    output = Path(folder) / "demo.pdf"
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "ita_desktop", "render", "--demo", "-o", str(output)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    print(json.dumps({
        "benchmark": "render_demo_command_end_to_end", "exit_code": process.returncode,
        "seconds": round(wall, 3), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "pdf_bytes": output.stat().st_size,
        "load_average_1min": round(os.getloadavg()[0], 2),
    }), flush=True)


def setup(folder: str) -> None:
    """Runs in a child: writes the two .ita files and prints their report ids."""
    from ita_desktop.importing import import_demo
    from ita_desktop.store.report_store import ReportStore

    sample = Path(folder) / "sample.ita"
    with ReportStore.open(sample, create=True) as store:
        sample_id = import_demo(store)
    large = Path(folder) / "large.ita"
    started = time.perf_counter()
    large_id = build_large_file(large)
    print(json.dumps({"benchmark": "render_setup_large_file", "seconds": round(time.perf_counter() - started, 1),
                      "ita_bytes": large.stat().st_size}), flush=True)
    print(json.dumps({"sample": sample_id, "large": large_id}), flush=True)


def main() -> None:
    os.environ.setdefault("PYTHAINLP_DATA", os.path.join(tempfile.gettempdir(), "ita-desktop-bench-pythainlp"))
    if len(sys.argv) == 4 and sys.argv[1] != "--data":
        case(sys.argv[1], sys.argv[2], int(sys.argv[3]))
        return
    if len(sys.argv) == 3 and sys.argv[1] == "setup":
        setup(sys.argv[2])
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--data":
        folder = Path(sys.argv[2])
        folder.mkdir(parents=True, exist_ok=True)
        run_cases(str(folder))
        return
    with tempfile.TemporaryDirectory(prefix="bench-render-") as folder:
        run_cases(folder)


def run_cases(folder: str) -> None:
    """Build the files (unless ``folder`` has them from an earlier run), then one child per case."""
    # This parent stays small and does no work itself: Linux carries a process's peak RSS
    # across fork and exec, so a parent that had built the photos would inflate every child's figure.
    ids_file = Path(folder) / "report_ids.json"
    if not ids_file.exists():
        lines = subprocess.run([sys.executable, __file__, "setup", folder], check=True, capture_output=True,
                               text=True).stdout.splitlines()
        print(lines[0], flush=True)
        ids_file.write_text(lines[-1])
    ids = json.loads(ids_file.read_text())
    for name, file_name, key in (("seed_sample", "sample.ita", "sample"),
                                 ("large_120_photos", "large.ita", "large")):
        subprocess.run([sys.executable, __file__, name, str(Path(folder) / file_name), str(ids[key])],
                       check=True)
    time_demo_command(folder)


if __name__ == "__main__":
    main()
