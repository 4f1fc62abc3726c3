"""File dialogs of the window: worded in the UI's language, and never in the program's own hidden data folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QTreeView, QWidget

from ita_desktop.i18n import _, current_language
from ita_desktop.messages import N_
from ita_desktop.paths import user_data_dir
from ita_desktop.ui.photo_import import IMAGE_SUFFIXES

# The kinds of file a clerk meets in these dialogs, by suffix; pictures are what Add photos takes.
KIND_OF_FILE = {"ita": N_("ITA report"), "pdf": N_("PDF document"), "docx": N_("Word document"),
                "doc": N_("Word 97–2003 document"), "odt": N_("OpenDocument text"), "txt": N_("Text file"),
                "json": N_("JSON file")} | {suffix.lstrip("."): N_("Picture") for suffix in IMAGE_SUFFIXES}
TYPE_COLUMN, DATE_COLUMN = 2, 3  # QFileSystemModel's columns: name, size, type, date modified


def clerk_folder(document_path: Path | None) -> str:
    """Where a dialog starts: the open file's folder, unless that is the app's data folder (the sample)."""
    if document_path is not None:
        folder = Path(document_path).resolve().parent
        try:
            folder.relative_to(user_data_dir().resolve())
        except ValueError:
            return str(folder)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def picture_folder(last_used: str | None, document_path: Path | None) -> str:
    """Where Add photos starts: the folder the last photos came from, else Pictures, else the report's folder.

    Never the working directory: from a Windows shortcut that is the program's own folder (it was this
    checkout's when seen under Xvfb)."""
    if last_used and Path(last_used).is_dir():
        return last_used
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return pictures if pictures and Path(pictures).is_dir() else clerk_folder(document_path)


class ClerkFileColumns(QIdentityProxyModel):
    """Qt's own dialog's detail columns in the UI's language: the system's English type names ("SQL…ase"
    for a .ita) and a Christian-era "6 12 2026" date in a Thai window became a kind and a BE date."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.column() in (TYPE_COLUMN, DATE_COLUMN):
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                info = source.fileInfo(self.mapToSource(index))
                if index.column() == TYPE_COLUMN:
                    return file_kind(info.isDir(), info.suffix())
                return file_time(info.lastModified().toPython())
        return super().data(index, role)


def file_kind(is_folder: bool, suffix: str) -> str:
    if is_folder:
        return _("Folder")
    if known := KIND_OF_FILE.get(suffix.lower()):
        return _(known)
    return _("{suffix} file").format(suffix=suffix.upper()) if suffix else _("File")


def file_time(moment: dt.datetime) -> str:
    # Babel, not strftime's %b: that is the system locale's, a Thai month name on a Thai PC with the UI in English.
    from babel.dates import format_datetime  # not at start-up

    from ita_desktop.model.thai_date import thai_moment

    return thai_moment(moment) if current_language() == "th" else format_datetime(moment, "d MMM y HH:mm",
                                                                                   locale="en")


def _dialog(parent: QWidget | None, title: str, start: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, start, name_filter)
    # A Windows dialog is the system's own, in its language; Qt's own (Linux) is worded here.
    dialog.setProxyModel(ClerkFileColumns(dialog))
    details = dialog.findChild(QTreeView, "treeView")
    source = dialog.proxyModel().sourceModel()
    if details is not None and isinstance(source, QFileSystemModel):
        header = details.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes what is left
        # No clipped "320…KiB": size, kind and date as wide as what they hold, measured once a folder is read
        # (kept measuring, a phone's folder of 3000 photos made every resize of the dialog slow).
        source.directoryLoaded.connect(lambda _folder: _fit_detail_columns(details))
    return dialog


def _fit_detail_columns(details: QTreeView) -> None:
    for column in (1, TYPE_COLUMN, DATE_COLUMN):
        details.resizeColumnToContents(column)


def ask_open(parent: QWidget | None, title: str, start: str, name_filter: str) -> str:
    dialog = _dialog(parent, title, start, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def ask_open_many(parent: QWidget | None, title: str, start: str, name_filter: str) -> list[str]:
    dialog = _dialog(parent, title, start, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dialog.selectedFiles() if dialog.exec() else []


def ask_save(parent: QWidget | None, title: str, suggested: str, name_filter: str) -> str:
    dialog = _dialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
