"""From recognised text to a stored report: the demo, pictures prepared and stored, bad pictures reported."""

from __future__ import annotations

import pytest

from ita_desktop.errors import UserError
from ita_desktop.importing import (
    SourceParagraph,
    SourcePicture,
    import_demo,
    recognise,
    recognise_text,
    save_recognised,
)
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes


@pytest.fixture
def store(tmp_path):
    with ReportStore.open(tmp_path / "reports.ita", create=True) as opened:
        yield opened


def test_demo_is_the_seed_imported_by_the_same_code(store):
    report_id = import_demo(store)
    loaded = store.load_report(report_id)
    assert loaded.agency == "องค์การบริหารส่วนจังหวัดอ่างทอง" and loaded.fiscal_year == 2566
    assert len(loaded.measures) == 9
    assert [len(g.measures) for g in loaded.sections[0].groups] == [6, 1, 1]
    assert len(loaded.signatories) == 3
    assert loaded.measures[0].table[4][1] == "การทบทวนการประชาสัมพันธ์"
    assert loaded.measures[1].notes == "(๒.๓) สรุปผล..."


def test_pictures_are_prepared_upright_and_stored_with_the_measure(store):
    result = recognise([
        SourceParagraph("๑. มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น จำนวน ๑ ข้อ"),
        SourceParagraph("มาตรการเกี่ยวกับการประชาสัมพันธ์ (ข้อ O5)"),
        SourceParagraph("(๕) ภาพประกอบ (ถ้ามี) :"),
        SourceParagraph(pictures=[SourcePicture(jpeg_bytes(400, 300, orientation=6), "sideways.jpg")]),
        SourceParagraph("ภาพการประชุม"),
        SourceParagraph(pictures=[SourcePicture(b"not a picture", "broken.jpg")]),
    ])
    report_id = save_recognised(store, result)
    [photo] = store.load_report(report_id).measures[0].photos
    assert (photo.width, photo.height) == (300, 400)  # EXIF orientation 6 applied
    assert (photo.caption, photo.original_name) == ("ภาพการประชุม", "sideways.jpg")
    assert store.photo_data(photo.id, "original") == jpeg_bytes(400, 300, orientation=6)
    [warning] = [w for w in result.warnings if w.code == "unreadable_picture"]
    assert "broken.jpg" in warning.english


def test_text_without_any_report_structure_is_refused():
    with pytest.raises(UserError) as raised:
        recognise_text("hello\nthis is a shopping list\n", "list.txt")
    assert raised.value.english.startswith("list.txt: no report structure found")
