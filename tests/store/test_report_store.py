"""ReportStore: round trips, ordering, photos, undoable deletes, transactions."""

from __future__ import annotations

import sqlite3

import pytest

from ita_desktop.errors import ReportFileError
from ita_desktop.model import GroupKind, Measure
from ita_desktop.photos import prepare_photo
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes, small_report


@pytest.fixture
def store(tmp_path):
    with ReportStore.open(tmp_path / "r.ita", create=True) as opened:
        yield opened


def test_report_round_trip_keeps_every_field(store, tmp_path):
    report = small_report()
    report_id = store.insert_report(report)
    store.close()
    with ReportStore.open(tmp_path / "r.ita") as reopened:
        loaded = reopened.load_report(report_id)
    assert loaded.agency == "เทศบาลตำบลบางรัก" and loaded.fiscal_year == 2567
    assert [s.title for s in loaded.sections] == [s.title for s in report.sections]
    assert [g.kind for g in loaded.sections[0].groups] == [GroupKind.IIT, GroupKind.OIT]
    assert loaded.sections[1].groups[0].kind is None
    first = loaded.sections[0].groups[0].measures[0]
    assert first.items == ["I20", "I21"] and first.items_previous is True
    assert first.table == [["1", "ก", "ข", "ค", "ง", ""]]
    assert (first.steps, first.responsible, first.summary, first.outcome) == (
        "ประชุมชี้แจง", "สำนักปลัด", "ดำเนินการแล้ว", "ไม่มีเรื่องร้องเรียน")
    assert loaded.signatories[0].name == "นางสาวสมใจ ใจดี"
    assert loaded.thai_digits is True and loaded.margins_mm == (30.0, 20.0, 25.0, 20.0)


def test_list_reports_counts_measures(store):
    store.insert_report(small_report())
    [summary] = store.list_reports()
    assert summary.measure_count == 4 and summary.fiscal_year == 2567


def test_update_fields_and_unknown_field_refused(store):
    report_id = store.insert_report(small_report())
    measure_id = store.load_report(report_id).measures[0].id
    store.update_measure(measure_id, steps="ขั้นตอนใหม่", items=["I1"])
    store.update_report(report_id, thai_digits=False, margins_mm=(25, 20, 20, 20))
    loaded = store.load_report(report_id)
    assert loaded.measures[0].steps == "ขั้นตอนใหม่" and loaded.measures[0].items == ["I1"]
    assert loaded.thai_digits is False and loaded.margins_mm == (25, 20, 20, 20)
    with pytest.raises(ValueError):
        store.update_measure(measure_id, colour="red")


def test_move_measure_across_groups_renumbers(store):
    report_id = store.insert_report(small_report())
    report = store.load_report(report_id)
    iit, oit = report.sections[0].groups
    moving = iit.measures[0].id
    store.move_measure(moving, oit.id, 0)
    loaded = store.load_report(report_id)
    assert [m.id for m in loaded.sections[0].groups[1].measures][0] == moving
    assert len(loaded.sections[0].groups[0].measures) == 1
    rows = store.db.execute("SELECT position_index FROM measures WHERE group_id = ? ORDER BY position_index",
                            [oit.id]).fetchall()
    assert [r[0] for r in rows] == [0, 1]


def test_delete_and_restore_measure(store):
    report_id = store.insert_report(small_report())
    measures = store.load_report(report_id).sections[0].groups[0].measures
    group_id = store.load_report(report_id).sections[0].groups[0].id
    store.delete_measure(measures[0].id)
    assert [m.id for m in store.load_report(report_id).sections[0].groups[0].measures] == [measures[1].id]
    store.restore_measure(measures[0].id, group_id, 0)
    assert [m.id for m in store.load_report(report_id).sections[0].groups[0].measures] == [
        measures[0].id, measures[1].id]


def test_deleted_measure_is_purged_on_next_open(tmp_path):
    with ReportStore.open(tmp_path / "p.ita", create=True) as store:
        report_id = store.insert_report(small_report())
        store.delete_measure(store.load_report(report_id).measures[0].id)
    with ReportStore.open(tmp_path / "p.ita") as store:
        assert store.db.execute("SELECT count(*) FROM measures").fetchone()[0] == 3


def test_photo_round_trip_is_upright_and_blobs_stay_out_of_load(store):
    report_id = store.insert_report(small_report())
    measure_id = store.load_report(report_id).measures[0].id
    prepared = prepare_photo(jpeg_bytes(4000, 3000, orientation=6), "side.jpg")
    photo = store.add_photo(measure_id, prepared, caption="ประชุม", original_name="side.jpg")
    assert (photo.width, photo.height) == (prepared.width, prepared.height)
    assert photo.height > photo.width  # orientation 6: stored sideways, printed upright
    loaded = store.load_report(report_id).measures[0].photos
    assert [(p.caption, p.sha256) for p in loaded] == [("ประชุม", prepared.sha256)]
    assert store.photo_data(photo.id, "original") == prepared.original
    assert store.photo_data(photo.id, "print")[:2] == b"\xff\xd8"
    assert store.photo_format(photo.id) == "JPEG"


def test_photo_delete_restore_and_duplicate_measure_copies_photos(store):
    report_id = store.insert_report(small_report())
    measure_id = store.load_report(report_id).measures[0].id
    first = store.add_photo(measure_id, prepare_photo(jpeg_bytes(), "a.jpg"), caption="ก")
    second = store.add_photo(measure_id, prepare_photo(jpeg_bytes(300, 400), "b.jpg"), caption="ข")
    store.delete_photo(first.id)
    assert [p.id for p in store.load_measure(measure_id).photos] == [second.id]
    store.restore_photo(first.id, 0)
    store.move_photo(first.id, 1)
    assert [p.caption for p in store.load_measure(measure_id).photos] == ["ข", "ก"]
    copy_id = store.duplicate_measure(measure_id)
    copy = store.load_measure(copy_id)
    assert [p.caption for p in copy.photos] == ["ข", "ก"]
    assert store.photo_data(copy.photos[0].id, "thumbnail") == store.photo_data(second.id, "thumbnail")
    group = store.load_report(report_id).sections[0].groups[0]
    assert [m.id for m in group.measures][:2] == [measure_id, copy_id]


def test_failed_edit_rolls_back_whole_transaction(store):
    report_id = store.insert_report(small_report())
    before = store.db.execute("SELECT count(*) FROM measures").fetchone()[0]
    group_id = store.load_report(report_id).sections[0].groups[0].id
    with pytest.raises(sqlite3.IntegrityError):
        with store.db.atomic():
            store.add_measure(group_id, Measure(title="ชั่วคราว"))
            store.db.execute("INSERT INTO measures (group_id, position_index) VALUES (99999, 0)")
    assert store.db.execute("SELECT count(*) FROM measures").fetchone()[0] == before


def test_sections_groups_add_move_delete(store):
    report_id = store.insert_report(small_report())
    new_section = store.add_section(report_id, "มาตรการอื่น", index=0)
    assert store.load_report(report_id).sections[0].id == new_section
    group_id = store.add_group(new_section, "EIT", "ด้านภายนอก")
    store.add_measure(group_id, Measure(title="ใหม่"))
    store.move_section(new_section, 2)
    assert store.load_report(report_id).sections[2].groups[0].kind == GroupKind.EIT
    store.delete_section(new_section)
    assert len(store.load_report(report_id).sections) == 2


def test_catalogue_per_year(store):
    store.set_catalogue(2567, [("I1", "ปฏิบัติงานตามขั้นตอน"), ("O2", "ข้อมูลผู้บริหาร")])
    assert store.catalogue(2567) == [("I1", "ปฏิบัติงานตามขั้นตอน"), ("O2", "ข้อมูลผู้บริหาร")]
    assert store.catalogue(2566) == []


def test_missing_file_is_not_created(tmp_path):
    with pytest.raises(ReportFileError):
        ReportStore.open(tmp_path / "nothing.ita")
    assert not (tmp_path / "nothing.ita").exists()


def test_backup_copy_opens(store, tmp_path):
    store.insert_report(small_report())
    copy = store.backup_to(tmp_path / "copy.ita")
    with ReportStore.open(copy) as reopened:
        assert len(reopened.list_reports()) == 1


def test_reader_sees_committed_edits_and_keeps_undo_rows(tmp_path):
    path = tmp_path / "shared.ita"
    with ReportStore.open(path, create=True) as writer:
        report_id = writer.insert_report(small_report())
        doomed = writer.load_report(report_id).measures[0].id
        writer.delete_measure(doomed)
        reader = ReportStore.open_reader(path)
        try:
            assert reader.load_report(report_id).measures[0].id != doomed
            with pytest.raises(sqlite3.OperationalError):
                reader.db.execute("DELETE FROM measures")
        finally:
            reader.close()
        # the reader did not purge the soft-deleted row, so undo still works
        group_id = writer.load_report(report_id).sections[0].groups[0].id
        writer.restore_measure(doomed, group_id, 0)
        assert writer.load_report(report_id).measures[0].id == doomed


def test_deleted_group_and_section_come_back_with_the_same_rows(store):
    report_id = store.insert_report(small_report())
    report = store.load_report(report_id)
    section = report.sections[0]
    group = section.groups[0]
    measure = group.measures[0]
    photo = store.add_photo(measure.id, prepare_photo(jpeg_bytes(), "a.jpg"), caption="ภาพ")
    store.delete_measure(group.measures[1].id)
    store.delete_group(group.id)
    assert [g.id for g in store.load_report(report_id).sections[0].groups] == [section.groups[1].id]
    store.delete_section(section.id)
    assert store.list_reports()[0].measure_count == 1
    store.restore_section(section.id, 0)
    store.restore_group(group.id, section.id, 0)
    store.restore_measure(group.measures[1].id, group.id, 1)
    again = store.load_report(report_id)
    assert [m.id for m in again.sections[0].groups[0].measures] == [measure.id, group.measures[1].id]
    assert again.sections[0].groups[0].measures[0].photos[0].id == photo.id
    assert store.photo_data(photo.id, "original")


def test_appending_a_photo_rewrites_none_of_the_photos_before_it(store):
    report_id = store.insert_report(small_report())
    measure_id = store.load_report(report_id).measures[0].id
    prepared = prepare_photo(jpeg_bytes(40, 30), "p.jpg")
    for _ in range(12):
        store.add_photo(measure_id, prepared)
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        last = store.add_photo(measure_id, prepared)
        moved = store.load_report(report_id).measures[0].photos[3].id
        store.move_photo(moved, 0)
    finally:
        store.db.conn.set_trace_callback(None)
    updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE PHOTOS")]
    assert len(updates) == 4  # the move: the photo itself and the three it passes; the append: none
    photos = store.load_report(report_id).measures[0].photos
    assert photos[0].id == moved and photos[-1].id == last.id and len(photos) == 13
