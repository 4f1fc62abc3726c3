"""Child process for the SIGKILL tests: writes through the real code paths and acknowledges each commit.

Run as ``python -m tests.reliability.kill_driver SCENARIO FILE.ita SEED`` with
``ITA_KILL_AT`` naming where the process kills itself. Every line
``ack <name> <value>`` is printed (and flushed) only after the write it names
has been committed, so the parent may demand that it survives the kill. Every
scenario does a bounded amount of work: a kill point it never reaches shows as
a child that ended by itself.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

EDITS = 2000  # edit scenario: 3 writes each (the field, the report's updated_at, COMMIT)
PHOTO_ROUNDS = 3
RENDERS = 40
WORD_IMPORTS = 3
TYPED = ("ผลการดำเนินการ ไตรมาสที่ ๑ ได้ประชุมชี้แจงเจ้าหน้าที่ทุกกอง จำนวน ๔๕ คน "
         "และเผยแพร่ประกาศทางเว็บไซต์ของหน่วยงาน เมื่อวันที่ ๑๕ มกราคม ๒๕๖๗ ") * 40


def ack(name: str, value: object) -> None:
    print(f"ack {name} {value}", flush=True)


def _first_measure(store) -> int:
    return store.db.execute("SELECT id FROM measures WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()[0]


def edit(path: Path, rng: random.Random) -> None:
    """Autosave-style edits: one field update per transaction, a new measure now and then."""
    from ita_desktop.store.report_store import ReportStore

    store = ReportStore.open(path)
    measure_id = _first_measure(store)
    group_id = store.db.execute("SELECT group_id FROM measures WHERE id = ?", [measure_id]).fetchone()[0]
    ack("ready", 0)
    for i in range(1, EDITS + 1):
        store.update_measure(measure_id, summary=f"{i}|" + TYPED[: rng.randrange(10, 3000)])
        ack("edit", i)
        if i % 7 == 0:
            store.add_measure(group_id)
            ack("measures", store.db.execute("SELECT count(*) FROM measures WHERE deleted = 0").fetchone()[0])


def _pictures(rng: random.Random) -> list[bytes]:
    from PIL import Image

    pictures = []
    for size in ((1600, 1200), (900, 1400), (2400, 800)):
        noise = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
        out = io.BytesIO()
        noise.save(out, "JPEG", quality=70)
        pictures.append(out.getvalue())
    return pictures


def photos(path: Path, rng: random.Random) -> None:
    """A photo import as the editor and Word import do it: prepare_many on threads, add_photo per result."""
    from ita_desktop.photos.batch import prepare_many
    from ita_desktop.store.report_store import ReportStore

    store = ReportStore.open(path)
    measure_id = _first_measure(store)
    pictures = _pictures(rng) + [b"not a picture"]
    ack("ready", 0)
    added = store.db.execute("SELECT count(*) FROM photos").fetchone()[0]
    for _round in range(PHOTO_ROUNDS):
        sources = [(f"IMG_{n}.jpg", (lambda d=data: d)) for n, data in enumerate(pictures * 2)]
        for result in prepare_many(sources, workers=2):
            if result.prepared is None:
                continue
            store.add_photo(measure_id, result.prepared, caption=f"ภาพที่ {added + 1}", original_name=result.name)
            added += 1
            ack("photos", added)


def migrate(path: Path, rng: random.Random) -> None:
    """Open a schema-1 file (backup + migration), then keep editing it."""
    from ita_desktop.store.report_store import ReportStore

    ack("start", 0)
    store = ReportStore.open(path)
    ack("migrated", 1)
    measure_id = _first_measure(store)
    for i in range(1, EDITS + 1):
        store.update_measure(measure_id, summary=f"{i}|หลังปรับรุ่นไฟล์")
        ack("edit", i)


def render(path: Path, rng: random.Random) -> None:
    """Edit and render to PDF in turn, as the editor does before a print preview."""
    from ita_desktop.pdf.render import render_to_file
    from ita_desktop.store.report_store import ReportStore

    store = ReportStore.open(path)
    report_id = store.list_reports()[0].id
    measure_id = _first_measure(store)
    output = path.with_name("out.pdf")
    render_to_file(path, report_id, path.with_name("warm-up.pdf"))  # fonts and word lists loaded once
    ack("ready", 0)
    for i in range(1, RENDERS + 1):
        store.update_measure(measure_id, summary=f"{i}|" + TYPED[: rng.randrange(10, 600)])
        ack("edit", i)
        render_to_file(path, report_id, output)
        ack("rendered", i)


def gui(path: Path, rng: random.Random) -> None:
    """Type Thai into a text field (offscreen Qt) wired to ReportDocument, whose autosave writes the file.

    The autosave is flushed after a seeded quarter of the typed chunks, as its
    debounce timer would, so the writes (and the kill among them) do not depend
    on the machine's speed.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from ita_desktop.ui.document import ReportDocument

    app = QApplication.instance() or QApplication([])
    document = ReportDocument.open(path)
    measure_id = _first_measure(document.store)
    editor = QPlainTextEdit()
    editor.show()
    editor.textChanged.connect(lambda: document.set_measure_field(measure_id, "summary", editor.toPlainText()))
    document.saved.connect(lambda _when: ack("typed", len(editor.toPlainText())))
    ack("ready", 0)
    typed = 0
    while typed < len(TYPED):
        chunk = TYPED[typed: typed + rng.randrange(1, 12)]
        # QTest.keyClicks asserts on non-ASCII text (qasciikey.cpp), so send the key
        # events an input method would: no key code, the Thai character as text.
        for char in chunk:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
        typed += len(chunk)
        app.processEvents()
        if rng.random() < 0.25:
            document.flush()
    document.flush()
    app.processEvents()


def _complete_reports(store, photos_each: int) -> int:
    counts = store.db.execute(
        "SELECT count(p.id) FROM reports r LEFT JOIN sections s ON s.report_id = r.id "
        "LEFT JOIN measure_groups g ON g.section_id = s.id LEFT JOIN measures m ON m.group_id = g.id "
        "LEFT JOIN photos p ON p.measure_id = m.id GROUP BY r.id").fetchall()
    return sum(1 for (count,) in counts if count == photos_each)


def word(path: Path, rng: random.Random) -> None:
    """Word import with photos (the .docx beside the file), again and again."""
    from ita_desktop.importing.docx_import import import_docx
    from ita_desktop.store.report_store import ReportStore

    store = ReportStore.open(path)
    source = path.with_name("report.docx")
    photos_each = int(path.with_name("photos-per-report.txt").read_text())
    ack("ready", 0)
    for _round in range(WORD_IMPORTS):
        import_docx(store, source, workers=2)
        ack("complete", _complete_reports(store, photos_each))


SCENARIOS = {"word": word, "edit": edit, "photos": photos, "migrate": migrate, "render": render, "gui": gui}


if __name__ == "__main__":
    scenario, file_name, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    SCENARIOS[scenario](file_name, random.Random(seed))
