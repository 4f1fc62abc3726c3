"""The Word source alone: list numbers Word draws, layout tables, tabs, breaks, tracked changes, linked pictures."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from ita_desktop.importing.docx_import import recognise_docx
from ita_desktop.importing.docx_numbering import format_number
from ita_desktop.importing.docx_source import DocxSource
from tests.helpers import jpeg_bytes

HEAD = ["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        "ขององค์การบริหารส่วนตำบลหนองน้ำ ประจำปีงบประมาณ พ.ศ.๒๕๖๗",
        "๑. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวน ๒ ข้อ"]
PARTS = ["ขั้นตอนหรือวิธีดำเนินการ : ประชุมชี้แจง", "หน่วยงานผู้รับผิดชอบ : สำนักปลัด",
         "สรุปผลการดำเนินการ : ดำเนินการแล้ว", "ผลลัพธ์หรือผลสำเร็จของการดำเนินการ : ไม่มีเรื่องร้องเรียน",
         "ภาพประกอบ (ถ้ามี) :"]


def _add_list(document) -> str:
    """A two-level Thai-digit list "(๑)" / "(๑.๑)" in numbering.xml; returns its numId."""
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="thaiNumbers"/><w:lvlText w:val="(%1)"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="thaiNumbers"/><w:lvlText w:val="(%1.%2)"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="90"/></w:num>'))
    return "77"


def _numbered(document, text: str, num_id: str, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_word_list_numbers_are_read_as_typed_numbers(tmp_path):
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    num_id = _add_list(document)
    for title in ("มาตรการเกี่ยวกับการใช้รถส่วนกลาง (ข้อ I20 เดิม)", "มาตรการเกี่ยวกับงบประมาณ (ข้อ I7 เดิม)"):
        _numbered(document, title, num_id, 0)
        for part in PARTS:
            _numbered(document, part, num_id, 1)
    document.save(str(tmp_path / "lists.docx"))
    source = DocxSource(tmp_path / "lists.docx")
    texts = [p.text for p in source.paragraphs()]
    assert "(๑) มาตรการเกี่ยวกับการใช้รถส่วนกลาง (ข้อ I20 เดิม)" in texts
    assert "(๒.๓) สรุปผลการดำเนินการ : ดำเนินการแล้ว" in texts  # level 2 restarts under each measure
    report = recognise_docx(tmp_path / "lists.docx").result.report
    assert [m.title for m in report.measures] == ["มาตรการเกี่ยวกับการใช้รถส่วนกลาง", "มาตรการเกี่ยวกับงบประมาณ"]
    assert report.measures[1].summary == "ดำเนินการแล้ว" and report.agency_kind == "อบต."


def test_number_formats():
    assert format_number(12, "thaiNumbers") == "๑๒" and format_number(3, "thaiLetters") == "ค"
    assert format_number(4, "lowerRoman") == "iv" and format_number(2, "upperLetter") == "B"
    assert format_number(7, "decimal") == "7"


def _measure_document():
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    document.add_paragraph("มาตรการเกี่ยวกับการเปิดเผยข้อมูล (ข้อ O2)")
    for number, part in enumerate(PARTS, start=1):
        document.add_paragraph(f"({number}) {part}")
    return document


def test_sign_offs_side_by_side_in_a_table_and_tab_aligned(tmp_path):
    document = _measure_document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ลงชื่อ ............................ ผู้รายงาน\n(นางสาวสมใจ ใจดี)\nนักจัดการงานทั่วไป"
    table.cell(0, 1).text = "ลงชื่อ ............................ ผู้อนุมัติ\n(นายสมชาย รักดี)\nปลัดองค์การบริหารส่วนตำบล"
    document.add_paragraph("\t\t\tผู้ตรวจสอบ: นายวิชัย มั่นคง\tหัวหน้าสำนักปลัด")
    document.save(str(tmp_path / "signoff.docx"))
    report = recognise_docx(tmp_path / "signoff.docx").result.report
    people = [(s.role, s.name, s.position) for s in report.signatories]
    assert people == [("ผู้รายงาน", "นางสาวสมใจ ใจดี", "นักจัดการงานทั่วไป"),
                      ("ผู้อนุมัติ", "นายสมชาย รักดี", "ปลัดองค์การบริหารส่วนตำบล"),
                      ("ผู้ตรวจสอบ", "นายวิชัย มั่นคง", "หัวหน้าสำนักปลัด")]
    assert report.measures[0].table == []


def test_line_breaks_split_lines_and_tracked_deletions_are_left_out(tmp_path):
    document = _measure_document()
    paragraph = document.paragraphs[-3]  # "(3) สรุปผลการดำเนินการ : ดำเนินการแล้ว"
    paragraph.add_run().add_break()
    paragraph.add_run("ครั้งที่ ๒ เมื่อเดือนมีนาคม")
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>ลบแล้ว</w:delText>'
                                  '</w:r></w:del>'))
    document.save(str(tmp_path / "breaks.docx"))
    measure = recognise_docx(tmp_path / "breaks.docx").result.report.measures[0]
    assert measure.summary == "ดำเนินการแล้ว\nครั้งที่ ๒ เมื่อเดือนมีนาคม"


def test_tab_rows_with_three_filled_cells_are_table_rows(tmp_path):
    document = _measure_document()
    document.add_paragraph("1.\tป้ายประกาศไม่ครบ\tติดป้ายเพิ่ม\t๓๐ วัน\tเสร็จแล้ว\t")
    document.add_paragraph("ผลการดำเนินการ\tดี")  # two cells: only aligned text, kept as text
    document.save(str(tmp_path / "tabs.docx"))
    source = DocxSource(tmp_path / "tabs.docx")
    paragraphs = list(source.paragraphs())
    assert paragraphs[-2].table == [["1.", "ป้ายประกาศไม่ครบ", "ติดป้ายเพิ่ม", "๓๐ วัน", "เสร็จแล้ว", ""]]
    assert paragraphs[-1].text == "ผลการดำเนินการ ดี"


def test_linked_picture_is_reported_and_embedded_ones_are_lazy(tmp_path):
    document = _measure_document()
    document.add_paragraph().add_run().add_picture(io.BytesIO(jpeg_bytes(64, 48)), width=Mm(20))
    document.save(str(tmp_path / "pics.docx"))
    # the same document with its picture linked to a file outside instead of embedded
    with zipfile.ZipFile(tmp_path / "pics.docx") as archive:
        members = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    body = members["word/document.xml"].decode()
    blip_at = body.index("<a:blip ")
    linked = body[:blip_at] + '<a:blip r:link="rIdLinked"/>' + body[body.index("/>", blip_at) + 2:]
    members["word/document.xml"] = linked.encode()
    rels = members["word/_rels/document.xml.rels"].decode()
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", '<Relationship Id="rIdLinked" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/image" Target="file:///C:/photos/a.jpg" TargetMode="External"/></Relationships>').encode()
    with zipfile.ZipFile(tmp_path / "linked.docx", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    source = DocxSource(tmp_path / "linked.docx")
    assert not any(p.pictures for p in source.paragraphs())
    assert [w.code for w in source.warnings] == ["linked_picture"]
    assert "file:///C:/photos/a.jpg" in source.warnings[0].message("en")
    embedded = DocxSource(tmp_path / "pics.docx")
    [picture_paragraph] = [p for p in embedded.paragraphs() if p.pictures]
    assert picture_paragraph.pictures[0].data == b""  # bytes stay in the zip until prepared
    assert embedded.pictures[picture_paragraph.pictures[0].name].load()[:2] == b"\xff\xd8"


def test_measure_laid_out_as_a_form_table(tmp_path):
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    document.add_paragraph("มาตรการเกี่ยวกับการเปิดเผยข้อมูล (ข้อ O2)")
    form = document.add_table(rows=5, cols=2)
    labels = ["(๑) ขั้นตอนหรือวิธีดำเนินการ", "หน่วยงานผู้รับผิดชอบ :", "สรุปผลการดำเนินการ",
              "ผลลัพธ์หรือผลสำเร็จของการดำเนินการ", "ภาพประกอบ (ถ้ามี)"]
    bodies = ["ปรับปรุงเว็บไซต์\nตรวจสอบทุกเดือน", "สำนักปลัด", "ดำเนินการแล้ว", "ข้อมูลเป็นปัจจุบัน", None]
    for row, (label, body) in enumerate(zip(labels, bodies, strict=True)):
        form.cell(row, 0).text = label
        if body is not None:
            form.cell(row, 1).text = body
    photo_cell = form.cell(4, 1).paragraphs[0]
    photo_cell.add_run().add_picture(io.BytesIO(jpeg_bytes(64, 48)), width=Mm(20))
    form.cell(4, 1).add_paragraph("ภาพที่ ๑ หน้าเว็บไซต์")
    document.save(str(tmp_path / "form.docx"))
    measure = recognise_docx(tmp_path / "form.docx").result.report.measures[0]
    assert measure.steps == "ปรับปรุงเว็บไซต์\nตรวจสอบทุกเดือน"
    assert (measure.responsible, measure.summary, measure.outcome) == ("สำนักปลัด", "ดำเนินการแล้ว",
                                                                       "ข้อมูลเป็นปัจจุบัน")
    assert [p.caption for p in measure.photos] == ["ภาพที่ ๑ หน้าเว็บไซต์"] and measure.table == []
