"""Screenshots of the real window for the user manual, in Thai and English (offscreen; no display needed).

    .venv/bin/python scripts/make_manual_screenshots.py

Writes resources/manual/images/<language>/*.png from the sample report, so the manual shows the window as it
is today: run it again after changing the UI. Every image a manual page names is checked by
tests/ui/test_help.py.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "manual" / "images"
WINDOW_SIZE = (1200, 760)

WORK = Path(tempfile.mkdtemp(prefix="ita-manual-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ITA_DESKTOP_DATA"] = str(WORK / "data")
os.environ["ITA_DESKTOP_CONFIG"] = str(WORK / "settings.ini")


def settle(app, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


# Widest a picture is shown in the manual's pages: scaled here, smoothly, not by the page (which would
# scale it without smoothing and blur the Thai).
SHOWN_WIDTH = 640


def save(widget, language: str, name: str) -> None:
    write(widget.grab(), language, name)


def write(picture, language: str, name: str) -> None:
    from PySide6.QtCore import Qt

    folder = OUT / language
    folder.mkdir(parents=True, exist_ok=True)
    if picture.width() > SHOWN_WIDTH:
        picture = picture.scaledToWidth(SHOWN_WIDTH, Qt.TransformationMode.SmoothTransformation)
    picture.save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def picture(width: int, height: int, sky: str, ground: str) -> bytes:
    """A plain landscape-like JPEG standing in for a clerk's photo (sky, ground, a building)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 2 // 3, width, height), fill=ground)
    draw.rectangle((width // 4, height // 3, width * 3 // 4, height * 2 // 3), fill="#efe6d2", outline="#444444")
    draw.polygon([(width // 5, height // 3), (width // 2, height // 6), (width * 4 // 5, height // 3)], fill="#a33b2b")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def shoot_menu(app, window, menu_key: str, language: str, name: str) -> None:
    """A menu as it drops down, drawn over the window's top-left corner."""
    from PySide6.QtGui import QPainter

    menu = window.menus[menu_key]
    bar = window.menuBar()
    menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    settle(app)
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(bar.actionGeometry(menu.menuAction()).bottomLeft() + bar.pos(), menu.grab())
    painter.end()
    menu.hide()
    write(picture.copy(0, 0, min(picture.width(), 520), min(picture.height(), 420)), language, name)


def shoot(app, language: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    from ita_desktop.photos import prepare_photo
    from ita_desktop.sample_file import sample_file
    from ita_desktop.ui.backup_dialog import BackupDialog
    from ita_desktop.ui.main_window import MainWindow
    from ita_desktop.ui.preprint_dialog import PreprintDialog
    from ita_desktop.ui.qt_translation import language_notifier
    from ita_desktop.ui.settings import AppSettings

    language_notifier().switch_language(language)
    path = WORK / f"manual-{language}.ita"
    shutil.copyfile(sample_file(), path)
    window = MainWindow(AppSettings(WORK / f"{language}.ini"))
    window.resize(*WINDOW_SIZE)
    window.open_path(path)
    window.show()
    settle(app)
    save(window, language, "editor")
    shoot_menu(app, window, "file", language, "file-menu")

    report = window.document.report
    measure = report.sections[0].groups[0].measures[0]
    window.editor.select("measure", measure.id)
    settle(app)
    save(window.editor.widget(1), language, "measure")  # the form alone: readable at the page's width

    photos = [prepare_photo(picture(1200, 900, "#5b8fc9", "#6a9a4a"), "meeting.jpg"),
              prepare_photo(picture(900, 1200, "#d9a441", "#8a5a2b"), "board.jpg")]
    window.document.add_photos(measure.id, photos, ["ประชุมชี้แจงมาตรการ", "ป้ายประชาสัมพันธ์"])
    form = window.editor.measure_form
    settle(app)
    save(form.photos, language, "photos")

    field = next(b.widget for b in form.bindings if b.key == "summary")
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    field.insertPlainText("\nใช้งบประมาน ตามแผนที่กำหนด และประชาสัมพันธ์ความโปรงใส")
    spelling = window.editor.spelling
    while not spelling.ready() or spelling.pending_count():
        settle(app, 5)
    settle(app)
    window.editor.forms.parentWidget().parentWidget().ensureWidgetVisible(field)
    cursor = field.textCursor()
    cursor.setPosition(field.toPlainText().rindex("งบประมาน") + 2)
    field.setTextCursor(cursor)
    field.ensureCursorVisible()
    settle(app)
    menu = spelling.context_menu(field, field.cursorRect(cursor).center())
    menu.popup(field.mapToGlobal(field.cursorRect(cursor).center()))
    settle(app)
    save(field, language, "spelling")
    save(menu, language, "spelling-menu")
    menu.hide()
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    settle(app)

    dialog = window.find_replace()
    dialog.open_for(replace=True)
    dialog.find_edit.setText("มาตรการเกี่ยวกับ")
    dialog.replace_edit.setText("มาตรการด้าน")
    dialog.whole_word.setChecked(True)
    dialog.search()
    dialog.find_next()
    settle(app)
    save(dialog, language, "find")
    dialog.hide()

    check = PreprintDialog(window.document, window)
    check.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the app opens it: gone with its window
    check.show()
    settle(app)
    save(check, language, "preprint-check")
    check.close()

    backups = BackupDialog(window.document, window)
    backups.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    backups.show()
    settle(app)
    save(backups, language, "backups")
    backups.close()

    help_window = window.show_manual(window.editor.measure_form)
    settle(app)
    save(help_window, language, "manual")
    help_window.close()

    window.actions_by_name["new_year"].trigger()
    settle(app)
    save(window, language, "new-fiscal-year")
    window.close()


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from ita_desktop.ui.app_fonts import register_fonts
    from ita_desktop.ui.qt_translation import install

    register_fonts(app)
    install(app)
    from ita_desktop.ui.word_breaks import load_dictionary

    load_dictionary()  # as the window has it a moment after start: titles elided between words, not wholesale
    for language in ("th", "en"):
        shoot(app, language)
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
