"""Builders shared by tests: small reports and generated pictures."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from PIL import Image

from ita_desktop.model import GroupKind, Measure, MeasureGroup, Report, Section, Signatory


def jpeg_bytes(width: int = 400, height: int = 300, orientation: int = 1, mode: str = "RGB") -> bytes:
    """A JPEG whose left half is red, so rotation is visible in tests."""
    image = Image.new(mode, (width, height), "white" if mode != "CMYK" else (0, 0, 0, 0))
    image.paste("red" if mode != "CMYK" else (0, 255, 255, 0), (0, 0, width // 2, height))
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def small_report() -> Report:
    return Report(
        title="รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        agency="เทศบาลตำบลบางรัก", agency_kind="เทศบาล", fiscal_year=2567,
        sections=[
            Section(title="มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน", groups=[
                MeasureGroup(kind=GroupKind.IIT, title="ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", measures=[
                    Measure(title="มาตรการเกี่ยวกับการใช้รถส่วนกลาง", items=["I20", "I21"], items_previous=True,
                            steps="ประชุมชี้แจง", responsible="สำนักปลัด", summary="ดำเนินการแล้ว",
                            outcome="ไม่มีเรื่องร้องเรียน", table=[["1", "ก", "ข", "ค", "ง", ""]]),
                    Measure(title="มาตรการเกี่ยวกับงบประมาณ", items=["I7"]),
                ]),
                MeasureGroup(kind=GroupKind.OIT, title="ด้านการเปิดเผยข้อมูลสาธารณะ", measures=[
                    Measure(title="มาตรการเกี่ยวกับเว็บไซต์", items=["O2"]),
                ]),
            ]),
            Section(title="มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น", groups=[
                MeasureGroup(measures=[Measure(title="มาตรการเกี่ยวกับข้อบกพร่อง", items=["I29"])]),
            ]),
        ],
        signatories=[Signatory(role="ผู้จัดทำรายงาน", name="นางสาวสมใจ ใจดี", position="นักจัดการงานทั่วไป")],
    )


def read_rows(path: Path, sql: str) -> list[tuple]:
    """Rows of ``sql`` read from the file at ``path`` through a read-only connection of its own."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def daily_partials(path: Path) -> list[Path]:
    """Unfinished daily backup copies of ``path`` (``*.partial``) in its backup folder."""
    from ita_desktop.store.backup_copies import daily_folder

    folder = daily_folder(path)
    return sorted(folder.glob("*.partial")) if folder.is_dir() else []


def small_report_file(path: Path) -> Path:
    """A closed report file at ``path`` (its folder made) holding ``small_report()``."""
    from ita_desktop.store.report_store import ReportStore

    path.parent.mkdir(parents=True, exist_ok=True)
    with ReportStore.open(path, create=True) as store:
        store.insert_report(small_report())
    return path


def peak_rss_mb() -> float:
    """This process's own peak resident memory, in MB.

    Linux's ``ru_maxrss`` carries over the peak of the process that forked this one (a
    pytest of 430 MB), so the peak of this program image is read from ``VmHWM``.
    """
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
