"""A Word report this importer was not written against: another agency, Arabic digits, photo grid, floating pictures."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.shared import Mm

from ita_desktop.importing.docx_import import import_docx, recognise_docx
from ita_desktop.model import GroupKind
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes


def build_municipality_docx(path):
    """A เทศบาล report: Arabic digits, runs split mid-word, a 2×2 photo grid, caption after a line break."""
    d = docx.Document()

    def para(text, runs=False):
        p = d.add_paragraph()
        if runs:  # Word cuts text into runs anywhere, even inside a word
            for i in range(0, len(text), 7):
                p.add_run(text[i:i + 7]).bold = bool(i % 2)
        else:
            p.add_run(text)
        return p

    para("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", runs=True)
    para("ของเทศบาลตำบลบ้านใหม่ ประจำปีงบประมาณ พ.ศ. 2567", runs=True)
    para("1. มาตรการสำหรับข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน จำนวนทั้งหมด 2 ข้อ ดังนี้")
    para("1.1 ด้านการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) จำนวน 1 ข้อ")
    para("มาตรการเกี่ยวกับการใช้ทรัพย์สินของราชการ (ข้อ I15 เดิม)", runs=True)
    para("(1) ขั้นตอนหรือวิธีดำเนินการ :")
    para("จัดทำคู่มือการยืมทรัพย์สิน")
    para("(2) หน่วยงานผู้รับผิดชอบ : กองคลัง")
    para("(3) สรุปผลการดำเนินการ : ดำเนินการแล้ว")
    para("(4) ผลลัพธ์หรือผลสำเร็จของการดำเนินการ : ไม่พบการใช้ทรัพย์สินผิดระเบียบ")
    para("(5) ภาพประกอบ (ถ้ามี)")
    t = d.add_table(rows=2, cols=2)
    for i in range(4):
        c = t.cell(i // 2, i % 2)
        picture = jpeg_bytes(400 + i, 300, orientation=6 if i % 2 else 1)
        c.paragraphs[0].add_run().add_picture(io.BytesIO(picture), width=Mm(60))
        c.add_paragraph(f"ภาพที่ {i+1} กิจกรรม")
    para("1.2 ด้านการเปิดเผยข้อมูลสาธารณะ (OIT) จำนวน 1 ข้อ")
    para("มาตรการเกี่ยวกับการเผยแพร่ข้อมูลบนเว็บไซต์ (ข้อ O10)")
    para("(1) ขั้นตอนหรือวิธีดำเนินการ : ปรับปรุงเว็บไซต์")
    para("(2) หน่วยงานผู้รับผิดชอบ : สำนักปลัด")
    para("(5) ภาพประกอบ (ถ้ามี) :")
    p = d.add_paragraph()
    p.add_run().add_picture(io.BytesIO(jpeg_bytes(500, 300, orientation=8)), width=Mm(60))
    p.add_run().add_break()
    p.add_run("ภาพที่ 5 หน้าเว็บไซต์")
    para("2. มาตรการสำหรับข้อที่ต้องพัฒนาให้ดีขึ้น จำนวน 1 ข้อ")
    para("มาตรการเกี่ยวกับการจัดซื้อจัดจ้าง (ข้อ I12)")
    para("(1) ขั้นตอนหรือวิธีดำเนินการ : เผยแพร่แผนจัดซื้อ")
    para("(3) สรุปผลการดำเนินการ : เผยแพร่แล้ว")
    para("(5) ภาพประกอบ (ถ้ามี) :")
    para("ลงชื่อ ...................................... ผู้รายงาน")
    para("(นางสาวพรทิพย์ ศรีสุข)")
    para("ตำแหน่ง นักวิเคราะห์นโยบายและแผน")
    para("ลงชื่อ ...................................... ผู้อนุมัติ")
    para("(นายประเสริฐ ทองดี)")
    para("ปลัดเทศบาลตำบลบ้านใหม่")
    d.save(str(path))
    return path


def _float_first_picture_and_add_fallback(path):
    """Word 2010+ style: the first picture wrapped in mc:AlternateContent with a VML fallback of the same image."""
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = members["word/document.xml"].decode()
    start = xml.index("<w:drawing>")
    end = xml.index("</w:drawing>", start) + len("</w:drawing>")
    drawing = xml[start:end].replace("<wp:inline", "<wp:anchor").replace("</wp:inline>", "</wp:anchor>")
    rel_id = drawing.split('r:embed="')[1].split('"')[0]
    wrapped = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="wps">{drawing}</mc:Choice><mc:Fallback><w:pict>'
        f'<v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="{rel_id}"/></v:shape>'
        '</w:pict></mc:Fallback></mc:AlternateContent>')
    members["word/document.xml"] = (xml[:start] + wrapped + xml[end:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_unseen_municipality_report(tmp_path):
    path = build_municipality_docx(tmp_path / "variant.docx")
    _float_first_picture_and_add_fallback(path)
    recognised = recognise_docx(path)
    report = recognised.result.report
    assert (report.agency, report.agency_kind, report.fiscal_year) == ("เทศบาลตำบลบ้านใหม่", "เทศบาล", 2567)
    assert [g.kind for s in report.sections for g in s.groups] == [GroupKind.IIT, GroupKind.OIT, None]
    first, second, third = report.measures
    assert first.steps == "จัดทำคู่มือการยืมทรัพย์สิน" and first.items == ["I15"]
    assert [p.caption for p in first.photos] == [f"ภาพที่ {n} กิจกรรม" for n in range(1, 5)]
    assert [p.caption for p in second.photos] == ["ภาพที่ 5 หน้าเว็บไซต์"]
    assert third.photos == [] and third.summary == "เผยแพร่แล้ว"
    assert [(s.role, s.name) for s in report.signatories] == [("ผู้รายงาน", "นางสาวพรทิพย์ ศรีสุข"),
                                                            ("ผู้อนุมัติ", "นายประเสริฐ ทองดี")]
    with ReportStore.open(tmp_path / "r.ita", create=True) as store:
        outcome = import_docx(store, path)
        stored = store.load_report(outcome.report_id)
    sizes = [(p.width, p.height) for m in stored.measures for p in m.photos]
    assert sizes == [(400, 300), (300, 401), (402, 300), (300, 403), (300, 500)]  # EXIF 6 and 8 upright
