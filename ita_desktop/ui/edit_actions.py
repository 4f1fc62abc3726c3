"""Edit operations on the selected node: add, duplicate, delete (confirmed), move up/down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ita_desktop.i18n import _

if TYPE_CHECKING:
    from ita_desktop.ui.main_window import MainWindow


class EditOperations:
    """What the Edit menu and toolbar do; each call is one undoable step on the document."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def document(self):
        return self.window.document

    def _current(self) -> tuple[str, int]:
        return self.window.editor.current() if self.window.editor else ("report", -1)

    def _target_group(self) -> tuple[int | None, int | None]:
        """Where a new measure goes: after the selected measure, or at the end of the selected group."""
        kind, row_id = self._current()
        report = self.document.report
        if kind == "measure":
            group, index = self.document.locate_measure(row_id)
            return group.id, index + 1
        if kind == "group":
            return row_id, None
        if kind == "section":
            section = self.document.section(row_id)
            return (section.groups[-1].id, None) if section.groups else (None, None)
        groups = [g for s in report.sections for g in s.groups]
        return (groups[-1].id, None) if groups else (None, None)

    def add_measure(self) -> None:
        group_id, index = self._target_group()
        if group_id is None:
            section = self.document.add_section(_("New section"))
            group_id = section.groups[0].id if section.groups else None
            if group_id is None:
                return
        measure = self.document.add_measure(group_id, index)
        if measure.id is not None:
            self.window.editor.select("measure", measure.id)

    def add_group(self) -> None:
        kind, row_id = self._current()
        if kind == "report" or not self.document.report.sections:
            return self.add_section()
        if kind == "section":
            section_id = row_id
        elif kind == "group":
            section_id = self.document.section_of_group(self.document.group(row_id)).id
        else:
            group, _index = self.document.locate_measure(row_id)
            section_id = self.document.section_of_group(group).id
        group = self.document.add_group(section_id, None, _("New group"))
        if group.id is not None:
            self.window.editor.select("group", group.id)

    def add_section(self) -> None:
        section = self.document.add_section(_("New section"))
        if section.id is not None:
            self.window.editor.select("section", section.id)

    def duplicate(self) -> None:
        kind, row_id = self._current()
        if kind == "measure":
            copy = self.document.duplicate_measure(row_id)
            if copy is not None and copy.id is not None:
                self.window.editor.select("measure", copy.id)

    def delete(self, confirm: bool = True) -> None:
        kind, row_id = self._current()
        if kind == "report":
            return
        questions = {
            "measure": _("Delete this measure?"),
            "group": _("Delete this group and all its measures?"),
            "section": _("Delete this section with all its groups and measures?"),
        }
        if confirm:
            answer = QMessageBox.question(self.window, _("Delete"),
                                          questions[kind] + "\n" + _("You can undo this with Ctrl+Z."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        {"measure": self.document.delete_measure, "group": self.document.delete_group,
         "section": self.document.delete_section}[kind](row_id)

    def move(self, step: int) -> None:
        """Alt+Up / Alt+Down: a measure past the end of its group moves into the neighbouring group."""
        kind, row_id = self._current()
        doc = self.document
        if kind == "measure":
            group, index = doc.locate_measure(row_id)
            target = index + step
            if 0 <= target < len(group.measures):
                doc.move_measure(row_id, group.id, target)
            else:
                groups = [g for s in doc.report.sections for g in s.groups]
                neighbour = groups.index(group) + step
                if 0 <= neighbour < len(groups):
                    other = groups[neighbour]
                    doc.move_measure(row_id, other.id, len(other.measures) if step < 0 else 0)
        elif kind == "group":
            group = doc.group(row_id)
            section = doc.section_of_group(group)
            doc.move_group(row_id, section.id, section.groups.index(group) + step)
        elif kind == "section":
            section = doc.section(row_id)
            doc.move_section(row_id, doc.report.sections.index(section) + step)
        self.window.editor.select(kind, row_id)
