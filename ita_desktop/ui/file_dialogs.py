"""File dialogs of the window: names and dates only, and never the program's own hidden data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ita_desktop.paths import user_data_dir


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


def _dialog(parent: QWidget | None, title: str, start: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, start, name_filter)
    # Qt's own dialog (Linux) would show the system's English type names ("SQLite3 database") in Thai.
    dialog.setViewMode(QFileDialog.ViewMode.List)
    return dialog


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
