"""Every UI module but the document's own reaches the store only through ReportDocument's public
operations; a worker's own connection keeps the editor's undo history."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ita_desktop.importing.report_import import recognise_text
from ita_desktop.model import Report
from ita_desktop.paths import sample_report_text
from ita_desktop.photos import prepare_photo
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes

UI = Path(__file__).resolve().parents[2] / "ita_desktop" / "ui"


# The door: ReportDocument and what only it builds and runs (its undo commands, its daily-copy worker).
DOOR = {"document.py", "undo_commands.py", "report_commands.py", "daily_backup.py"}
# Imports the library on a helper thread so the first save does not wait for it; opens no file.
LIBRARY_WARM_UP = {"warm_up.py"}
OUTSIDE_THE_DOOR = sorted(str(path.relative_to(UI)) for path in UI.rglob("*.py")
                          if path.name not in DOOR and path.name not in LIBRARY_WARM_UP)


def test_the_door_is_what_builds_the_commands_and_the_daily_copy():
    builders = {path.name for path in UI.rglob("*.py")
                if any(name in path.read_text(encoding="utf-8")
                       for name in ("undo_commands.", "report_commands.", "DailyBackupRunner("))}
    assert builders <= DOOR and len(OUTSIDE_THE_DOOR) > 40, builders  # every other UI module is checked


@pytest.mark.parametrize("module", OUTSIDE_THE_DOOR)
def test_no_reaching_into_the_store(module):
    tree = ast.parse((UI / module).read_text(encoding="utf-8"))
    reached = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "store"]
    runtime_imports = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                       and (node.module or "").startswith("ita_desktop.store")
                       and not _under_type_checking(tree, node)]
    assert reached == [] and runtime_imports == [], (module, reached, runtime_imports)


def _under_type_checking(tree: ast.Module, target: ast.AST) -> bool:
    return any(isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
               and any(child is target for child in ast.walk(node)) for node in ast.walk(tree))


def test_add_report_and_import_recognised_store_new_reports(document):
    first = document.add_report(Report(title="ปีงบประมาณถัดไป", fiscal_year=2569))
    second = document.import_recognised(recognise_text(sample_report_text(), "sample"))
    with ReportStore.open_reader(document.path) as reader:
        titles = {summary.id: summary for summary in reader.list_reports()}
    assert titles[first].fiscal_year == 2569 and titles[second].measure_count == 9  # the sample's nine


def test_photo_data_reads_the_pixels_by_id(document):
    measure = document.report.sections[0].groups[0].measures[0]
    prepared = prepare_photo(jpeg_bytes(320, 240), "IMG_1.jpg")
    document.add_photos(measure.id, [prepared])
    [photo] = document.measure(measure.id).photos
    assert document.photo_data(photo.id, "thumbnail") == prepared.thumbnail
    assert document.photo_data(photo.id) == prepared.print_copy


def test_a_worker_store_keeps_the_rows_the_undo_history_needs(document):
    measure = document.report.sections[0].groups[0].measures[0]
    document.delete_measure(measure.id)  # undoable: the row is only marked deleted
    worker = document.open_worker_store()
    try:
        assert worker.db.execute("SELECT deleted FROM measures WHERE id = ?", [measure.id]).fetchone() == (1,)
        assert not worker.notices  # no daily copy taken, nothing to tell
    finally:
        worker.close()
    document.undo_stack.undo()
    with ReportStore.open_reader(document.path) as reader:
        assert reader.db.execute("SELECT deleted FROM measures WHERE id = ?", [measure.id]).fetchone() == (0,)
