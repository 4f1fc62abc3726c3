"""The guesses the Word import makes from layout and fonts, on small pieces of WordprocessingML."""

from __future__ import annotations

from lxml import etree

from ita_desktop.importing.docx_paragraph import ParagraphReader
from ita_desktop.importing.docx_styles import DocxStyles
from ita_desktop.importing.docx_tables import CellContent, read_grid
from ita_desktop.importing.recogniser import recognise
from ita_desktop.importing.source import SourceParagraph

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def cells(*texts: str) -> list[CellContent]:
    return [CellContent([[text]]) for text in texts]


def test_one_labelled_row_makes_a_narrow_table_a_form_but_not_a_wide_data_table():
    narrow = read_grid([cells("หน่วยงานผู้รับผิดชอบ", "กองคลัง")])
    assert narrow.rows is None and narrow.cells[0].text == "หน่วยงานผู้รับผิดชอบ : กองคลัง"
    wide = read_grid([cells("ที่", "ปัญหา", "รายละเอียด", "ระยะเวลา"),
                      cells("ผลการดำเนินงาน", "ล่าช้า", "เอกสารไม่ครบ", "๓๐ วัน")])
    assert wide.rows == [["ที่", "ปัญหา", "รายละเอียด", "ระยะเวลา"], ["ผลการดำเนินงาน", "ล่าช้า", "เอกสารไม่ครบ", "๓๐ วัน"]]


def _text(run_properties: str) -> str:
    paragraph = etree.fromstring(f'<w:p {NS}><w:r><w:rPr>{run_properties}</w:rPr><w:t>ปี 2567</w:t></w:r></w:p>')
    reader = ParagraphReader(None, DocxStyles(None), lambda picture: "", lambda target: None)
    return "".join(p for p in reader.read(paragraph).pieces if isinstance(p, str))


def test_digits_follow_the_font_word_draws_them_in():
    fonts = '<w:rFonts w:ascii="TH SarabunPSK" w:hAnsi="TH SarabunPSK" w:cs="TH SarabunIT๙"/>'
    assert _text(fonts) == "ปี 2567"  # a Latin run: drawn in TH SarabunPSK
    assert _text(fonts + "<w:cs/>") == "ปี ๒๕๖๗"  # a complex-script run: drawn in its w:cs font, IT๙
    assert _text(fonts.replace("/>", ' w:hint="cs"/>')) == "ปี ๒๕๖๗"


def test_a_measure_title_set_in_heading_1_is_not_taken_for_a_section():
    lines = [("๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน", None),
             ("มาตรการเกี่ยวกับการใช้ทรัพย์สินของราชการ (ข้อ I19 เดิม)", 0),
             ("หน่วยงานผู้รับผิดชอบ : กองคลัง", None)]
    report = recognise(SourceParagraph(text=text, line=n, outline=outline)
                       for n, (text, outline) in enumerate(lines, start=1)).report
    assert [s.title for s in report.sections] == ["มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน"]
    assert [(m.title, m.responsible) for m in report.measures] == [("มาตรการเกี่ยวกับการใช้ทรัพย์สินของราชการ", "กองคลัง")]


def test_a_vml_picture_keeps_its_turn_flip_and_crop():
    from ita_desktop.importing.docx_paragraph import _placement

    shape = etree.fromstring(
        '<v:shape xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships" style="width:100pt;height:75pt;rotation:90;flip:x">'
        '<v:imagedata r:id="rId7" cropleft="16384f" o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/>'
        '</v:shape>')
    placement = _placement(shape[0])
    assert (placement.rotation, placement.flip_h, placement.flip_v, placement.crop) == (90, True, False,
                                                                                        (0.25, 0.0, 0.0, 0.0))


def test_a_dash_in_a_photo_grid_slot_leaves_the_other_captions_in_place():
    from ita_desktop.importing.source import SourcePicture

    photo = CellContent([[SourcePicture(b"", "a.jpg")]])
    layout = read_grid([[photo, CellContent([["-"]])], cells("ภาพที่ ๑ ประชุม", "")])
    assert [cell.text or "picture" for cell in layout.cells] == ["picture", "ภาพที่ ๑ ประชุม"]
