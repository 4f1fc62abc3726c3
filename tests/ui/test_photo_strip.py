"""The photo strip: every thumbnail (portrait too) with its caption and file name, the selection plain to see."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from ita_desktop.photos import prepare_photo
from ita_desktop.ui.photo_list_model import NAME_ROLE, PhotoListModel
from ita_desktop.ui.photo_strip_delegate import PAD, THUMB_PX, PhotoStripDelegate, cell_size
from ita_desktop.ui.photos_panel import PhotosPanel
from tests.helpers import jpeg_bytes


def portrait_panel(document, qtbot) -> PhotosPanel:
    measure = document.report.measures[0]
    document.add_photos(measure.id, [prepare_photo(jpeg_bytes(300, 600), "IMG_portrait.jpg"),
                                     prepare_photo(jpeg_bytes(600, 300), "IMG_landscape.jpg")],
                        captions=["ประชุมชี้แจงแนวทางการจัดซื้อจัดจ้างแก่เจ้าหน้าที่ทุกกอง", ""],
                        names=["IMG_portrait.jpg", "IMG_landscape.jpg"])
    panel = PhotosPanel(document)
    qtbot.addWidget(panel)
    panel.set_measure(measure.id)
    return panel


def paint_cell(panel: PhotosPanel, row: int, selected: bool) -> tuple[QImage, QRect]:
    delegate = panel.view.itemDelegate()
    size = cell_size(panel.view.font())
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.initFrom(panel.view)
    option.rect = QRect(0, 0, size.width(), size.height())
    option.font = panel.view.font()
    option.fontMetrics = panel.view.fontMetrics()
    option.palette.setColor(QPalette.ColorRole.Highlight, QColor(0, 90, 200))
    option.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    painter = QPainter(image)
    delegate.paint(painter, option, panel.model.index(row))
    painter.end()
    return image, QRect(option.rect)


def dark_pixels(image: QImage, area: QRect) -> int:
    return sum(1 for x in range(area.left(), area.right()) for y in range(area.top(), area.bottom())
               if image.pixelColor(x, y).lightness() < 128)


def test_the_model_passes_the_model_tester(qtmodeltester, document, qtbot):
    panel = portrait_panel(document, qtbot)
    qtmodeltester.check(panel.model)
    assert isinstance(panel.model, PhotoListModel)
    assert panel.model.index(0).data(NAME_ROLE) == "IMG_portrait.jpg"
    assert panel.model.index(1).data() == "(no caption)"


def test_a_portrait_thumbnail_keeps_its_caption_and_file_name_in_view(document, qtbot):
    panel = portrait_panel(document, qtbot)
    assert isinstance(panel.view.itemDelegate(), PhotoStripDelegate)
    assert panel.view.gridSize().height() >= THUMB_PX + 3 * panel.view.fontMetrics().lineSpacing()
    image, rect = paint_cell(panel, 0, selected=False)
    text_area = QRect(rect.left(), PAD + THUMB_PX + PAD, rect.width(), rect.height() - THUMB_PX - 2 * PAD)
    assert dark_pixels(image, text_area) > 50  # caption and name are drawn below the (tall) thumbnail
    assert panel.view.maximumHeight() >= panel.view.gridSize().height()  # and the strip is tall enough


def test_the_selected_photo_is_framed_all_round(document, qtbot):
    panel = portrait_panel(document, qtbot)
    plain, _rect = paint_cell(panel, 1, selected=False)
    framed, rect = paint_cell(panel, 1, selected=True)
    middle_y, middle_x = rect.height() // 2, rect.width() // 2
    for x, y in ((3, middle_y), (rect.width() - 4, middle_y), (middle_x, 3), (middle_x, rect.height() - 4)):
        assert framed.pixelColor(x, y).blue() > 150 and framed.pixelColor(x, y).red() < 100, (x, y)
        assert plain.pixelColor(x, y) == QColor("white")


def test_the_file_name_under_a_caption_is_readable_grey():
    """WCAG's 4.5:1 for small text: the disabled-text grey it was drawn in gave 1.8:1 on white."""
    from PySide6.QtGui import QColor, QPalette

    from ita_desktop.ui.photo_strip_delegate import secondary_text

    def luminance(color: QColor) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    grey = secondary_text(palette)
    contrast = (luminance(QColor("white")) + 0.05) / (luminance(grey) + 0.05)
    assert 4.5 <= contrast < 21 and grey != QColor("black")  # readable, and still set apart from the caption
