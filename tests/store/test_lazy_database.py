"""Opening and reading a report file needs no sqlite-utils; the first write brings it in, same results."""

from __future__ import annotations

import subprocess
import sys

from ita_desktop.store.report_store import ReportStore
from tests.helpers import small_report


def test_opening_and_reading_import_no_sqlite_utils(tmp_path):
    path = tmp_path / "r.ita"
    with ReportStore.open(path, create=True) as store:
        store.insert_report(small_report())
    script = (
        "import sys\n"
        "from ita_desktop.store.report_store import ReportStore\n"
        f"store = ReportStore.open({str(path)!r})\n"
        "report = store.load_report(store.list_reports()[0].id)\n"
        "print(report.agency, 'sqlite_utils' in sys.modules)\n"
        "store.update_report(report.id, agency='x')\n"
        "print('sqlite_utils' in sys.modules)\n"
        "store.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["เทศบาลตำบลบางรัก", "False", "True"]


def test_writes_after_lazy_reads_reach_the_file(tmp_path):
    path = tmp_path / "r.ita"
    with ReportStore.open(path, create=True) as store:
        report_id = store.insert_report(small_report())
    with ReportStore.open(path) as store:
        measure = store.load_report(report_id).measures[0]
        store.delete_measure(measure.id)
        store.update_measure(store.load_report(report_id).measures[0].id, outcome="ผลลัพธ์ใหม่")
    with ReportStore.open(path) as store:  # the soft-deleted row is purged on this opening
        measures = store.load_report(report_id).measures
        assert [m.outcome for m in measures][0] == "ผลลัพธ์ใหม่"
        assert store.db.execute("SELECT count(*) FROM measures WHERE deleted = 1").fetchone()[0] == 0
        assert measure.id not in [m.id for m in measures]
