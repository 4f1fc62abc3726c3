"""A long Thai report name: every backup copy's path fits Windows' MAX_PATH and its name one file name."""

from __future__ import annotations

from datetime import date

from ita_desktop.store.backup import daily_backup
from ita_desktop.store.backup_copies import MAX_NAME_BYTES, MAX_PATH_CHARS, backup_path, daily_folder, list_backups
from ita_desktop.store.report_store import ReportStore
from ita_desktop.store.restoring import restore_into
from ita_desktop.ui.document import ReportDocument
from tests.helpers import small_report

# 84 Thai letters: 252 UTF-8 bytes, one byte short of a whole file name on ext4.
LONG_NAME = ("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
             "องค์การบริหารส่วนจังหวัด")[:80] + ".ita"


def _fits(path) -> bool:
    return len(str(path)) <= MAX_PATH_CHARS and len(path.name.encode("utf-8")) <= MAX_NAME_BYTES


def test_daily_migration_and_restore_copies_of_a_long_thai_name(tmp_path):
    report = tmp_path / LONG_NAME
    assert len(report.name.encode("utf-8")) <= MAX_NAME_BYTES  # the report itself is a valid name
    ReportDocument.create(report, small_report()).close()
    with ReportStore.open(report) as store:  # today's daily copy is taken on opening
        assert daily_backup(store.db.conn, report, today=date(2024, 1, 2)) is None
        [daily, *_] = [c for c in list_backups(report) if c.kind == "daily"]
        safety = restore_into(store.db.conn, report, daily.path)
    kinds = sorted(copy.kind for copy in list_backups(report))
    assert kinds == ["daily", "daily", "restore"]
    assert safety in [copy.path for copy in list_backups(report)]
    for copy in list_backups(report):
        assert _fits(copy.path) and copy.path.name.startswith(report.stem[:20])
    assert _fits(daily_folder(report))


def test_a_copy_beside_a_long_path_is_shortened_to_fit(tmp_path):
    # As deep as fits (tmp_path's own length varies from run to run): the report's path just under MAX_PATH.
    deep = tmp_path
    while len(str(deep / "เอกสารงานตรวจประเมินคุณธรรม" / LONG_NAME)) < MAX_PATH_CHARS:
        deep = deep / "เอกสารงานตรวจประเมินคุณธรรม"
    report = deep / LONG_NAME
    assert MAX_PATH_CHARS - 30 < len(str(report)) < MAX_PATH_CHARS
    target = backup_path(report, "v3-20240102-120000")
    assert _fits(target.with_name(target.name + ".partial-journal"))
    assert target.parent == deep


def test_a_short_name_keeps_its_copies_named_as_before(tmp_path):
    report = tmp_path / "report.ita"
    assert backup_path(report, "v3-20240102-120000").name == "report.ita.v3-20240102-120000.bak"
