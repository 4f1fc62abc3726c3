"""ReportDocument: undoable edits that reach the .ita file, typing merged, autosave and failures."""

from __future__ import annotations

import sqlite3

from ita_desktop.model import Signatory
from ita_desktop.photos import prepare_photo
from ita_desktop.store.report_store import ReportStore
from ita_desktop.ui.document import ReportDocument
from tests.helpers import jpeg_bytes, small_report


def reopened(document: ReportDocument):
    with ReportStore.open_reader(document.path) as reader:
        return reader.load_report(document.report_id)


def first_measure(document):
    return document.report.sections[0].groups[0].measures[0]


def test_typing_is_in_memory_at_once_and_on_disk_after_the_debounce(document, qtbot):
    measure = first_measure(document)
    with qtbot.waitSignal(document.measureChanged) as changed:
        document.set_measure_field(measure.id, "summary", "ดำเนินการ")
    assert changed.args == [measure.id]
    assert measure.summary == "ดำเนินการ"
    with qtbot.waitSignal(document.saved, timeout=1500):
        pass
    assert reopened(document).sections[0].groups[0].measures[0].summary == "ดำเนินการ"


def test_keystrokes_in_one_field_merge_into_one_undo_step(document):
    measure = first_measure(document)
    for text in ("ก", "กา", "กาแ", "กาแฟ"):
        document.set_measure_field(measure.id, "notes", text)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert measure.notes == ""
    document.undo_stack.redo()
    assert measure.notes == "กาแฟ"


def test_leaving_a_field_starts_a_new_step(document):
    measure = first_measure(document)
    document.set_measure_field(measure.id, "notes", "หนึ่ง")
    document.end_typing()
    document.set_measure_field(measure.id, "notes", "หนึ่ง สอง")
    document.set_measure_field(measure.id, "title", "ใหม่")
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert measure.notes == "หนึ่ง"


def test_undo_of_a_field_reaches_the_file(document):
    measure = first_measure(document)
    document.set_measure_field(measure.id, "items", ["I1", "I2"])
    document.flush()
    document.undo_stack.undo()
    document.flush()
    assert reopened(document).sections[0].groups[0].measures[0].items == ["I20", "I21"]


def test_add_delete_and_undo_keep_the_file_and_memory_in_step(document):
    group = document.report.sections[0].groups[0]
    added = document.add_measure(group.id, 0)
    assert [m.id for m in group.measures][0] == added.id
    document.delete_measure(added.id)
    assert added not in group.measures
    document.undo_stack.undo()  # the delete
    assert group.measures[0] is added
    disk = reopened(document).sections[0].groups[0]
    assert [m.id for m in disk.measures] == [m.id for m in group.measures]
    document.undo_stack.undo()  # the add
    assert len(reopened(document).sections[0].groups[0].measures) == 2


def test_move_across_groups_and_undo(document):
    iit, oit = document.report.sections[0].groups
    moving = iit.measures[0]
    with_signal = []
    document.structureChanged.connect(lambda: with_signal.append(True))
    document.move_measure(moving.id, oit.id, 1)
    assert oit.measures[1] is moving and len(iit.measures) == 1 and with_signal
    assert [m.id for m in reopened(document).sections[0].groups[1].measures] == [m.id for m in oit.measures]
    document.undo_stack.undo()
    assert iit.measures[0] is moving
    assert [m.id for m in reopened(document).sections[0].groups[0].measures] == [m.id for m in iit.measures]


def test_duplicate_puts_a_copy_after_the_original(document):
    original = first_measure(document)
    copy = document.duplicate_measure(original.id)
    group = document.report.sections[0].groups[0]
    assert group.measures[1] is copy and copy.title == original.title and copy.id != original.id
    document.undo_stack.undo()
    assert copy not in group.measures
    document.undo_stack.redo()
    assert group.measures[1] is copy


def test_deleting_a_section_with_measures_is_one_undoable_step(document):
    section = document.report.sections[0]
    titles = [m.title for m in section.measures]
    document.delete_section(section.id)
    assert len(document.report.sections) == 1 and len(reopened(document).sections) == 1
    document.undo_stack.undo()
    restored = document.report.sections[0]
    assert restored is section and [m.title for m in restored.measures] == titles
    disk = reopened(document).sections[0]
    assert [m.title for m in disk.measures] == titles and disk.id == section.id
    document.set_section_field(section.id, "title", "ใหม่")  # the object still finds its new row
    document.flush()
    assert reopened(document).sections[0].title == "ใหม่"


def test_add_section_comes_with_a_group(document):
    section = document.add_section("ส่วนที่สาม")
    assert len(section.groups) == 1 and section.groups[0].id is not None
    document.undo_stack.undo()
    assert section not in document.report.sections and len(reopened(document).sections) == 2


def test_report_fields_and_signatories(document):
    document.set_report_field("agency", "อบต. ทดสอบ")
    document.set_signatories([Signatory(role="อนุมัติโดย", name="นายทดสอบ", position="นายก")])
    document.flush()
    disk = reopened(document)
    assert disk.agency == "อบต. ทดสอบ" and [s.name for s in disk.signatories] == ["นายทดสอบ"]
    document.undo_stack.undo()
    document.flush()
    assert [s.name for s in reopened(document).signatories] == ["นางสาวสมใจ ใจดี"]


def test_photos_add_caption_move_remove_and_undo(document, qtbot):
    measure = first_measure(document)
    prepared = [prepare_photo(jpeg_bytes(), f"p{i}.jpg") for i in range(3)]
    with qtbot.waitSignal(document.photosChanged) as changed:
        photos = document.add_photos(measure.id, prepared, ["a", "b", "c"], ["p0.jpg", "p1.jpg", "p2.jpg"])
    assert changed.args == [measure.id] and [p.caption for p in measure.photos] == ["a", "b", "c"]
    assert document.undo_stack.count() == 1
    document.set_photo_caption(photos[0].id, "ภาพแรก")
    document.move_photo(photos[2].id, 0)
    document.remove_photo(photos[1].id)
    document.flush()
    disk = reopened(document).sections[0].groups[0].measures[0]
    assert [p.caption for p in disk.photos] == ["c", "ภาพแรก"]
    for _ in range(3):
        document.undo_stack.undo()
    document.flush()
    assert [p.caption for p in reopened(document).sections[0].groups[0].measures[0].photos] == ["a", "b", "c"]
    document.undo_stack.undo()
    assert measure.photos == [] and reopened(document).sections[0].groups[0].measures[0].photos == []


def test_a_failed_write_keeps_the_text_and_retries(document, qtbot, monkeypatch):
    measure = first_measure(document)
    real_update = document.store.update_measure
    calls = []

    def full_disk(*args, **kwargs):
        calls.append(args)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(document.store, "update_measure", full_disk)
    with qtbot.waitSignal(document.saveFailed, timeout=1500) as failed:
        document.set_measure_field(measure.id, "outcome", "ข้อความสำคัญ")
    assert "disk is full" in failed.args[0]
    assert document.has_unsaved_changes() and measure.outcome == "ข้อความสำคัญ"
    monkeypatch.setattr(document.store, "update_measure", real_update)
    with qtbot.waitSignal(document.saved, timeout=4000):
        pass
    assert calls and not document.has_unsaved_changes()
    assert reopened(document).sections[0].groups[0].measures[0].outcome == "ข้อความสำคัญ"


def test_close_flushes_and_reopening_shows_the_text(document, tmp_path):
    measure = first_measure(document)
    document.set_measure_field(measure.id, "steps", "พิมพ์แล้วปิดทันที")
    assert document.close()
    again = ReportDocument.open(tmp_path / "r.ita")
    try:
        assert again.report.sections[0].groups[0].measures[0].steps == "พิมพ์แล้วปิดทันที"
    finally:
        again.close()


def test_deleting_a_group_keeps_its_photos_for_undo(document):
    measure = first_measure(document)
    document.add_photos(measure.id, [prepare_photo(jpeg_bytes(), "p.jpg")], ["ภาพ"], ["p.jpg"])
    group = document.report.sections[0].groups[0]
    document.delete_group(group.id)
    assert group not in document.report.sections[0].groups
    document.undo_stack.undo()
    photo = measure.photos[0]
    assert document.store.photo_data(photo.id, "thumbnail")
    disk = reopened(document).sections[0].groups[0]
    assert disk.id == group.id and [p.caption for p in disk.measures[0].photos] == ["ภาพ"]


def test_undo_of_measure_then_group_delete_keeps_both_measures_apart(tmp_path, qtbot):
    """Delete a measure (with a photo), then its group, undo both: the same two measures, photo included.

    The group holds the newest rows, so a store that re-inserted copies would hand out the
    deleted rows' ids again and two measures could end up sharing one row.
    """
    path = tmp_path / "undo-groups.ita"
    document = ReportDocument.create(path, small_report())
    group = document.report.sections[1].groups[0]
    document.add_measure(group.id)
    first, second = group.measures
    document.set_measure_field(second.id, "title", "มาตรการที่สอง")
    document.add_photos(first.id, [prepare_photo(jpeg_bytes(), "a.jpg")])
    document.delete_measure(first.id)
    document.delete_group(group.id)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert [m.id for m in group.measures] == [first.id, second.id]
    document.set_measure_field(first.id, "title", "แก้ไขแล้ว")
    document.flush()
    document.close()
    with ReportStore.open(path) as store:
        [restored] = store.load_report(document.report_id).sections[1].groups
        assert [m.title for m in restored.measures] == ["แก้ไขแล้ว", "มาตรการที่สอง"]
        assert len(restored.measures[0].photos) == 1
