"""A group of measures: the instrument it answers (IIT/EIT/OIT or none) and its title."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ita_desktop.i18n import _
from ita_desktop.model import GroupKind
from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.form_pages.fields import ChoiceField, TextField
from ita_desktop.ui.form_pages.page import FormPage


def kind_choices() -> list[tuple[object, str]]:
    return [(None, _("None (ungrouped)")),
            (GroupKind.IIT, _("IIT – internal stakeholders")),
            (GroupKind.EIT, _("EIT – external stakeholders")),
            (GroupKind.OIT, _("OIT – open data"))]


class GroupForm(FormPage):
    """Kind and title of one group."""

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.group_id: int | None = None
        self.kind = self.bind("kind", ChoiceField(kind_choices(), self))
        self.add_row("kind", self.kind)
        self.add_row("title", self.bind("title", TextField(self, minimum_lines=2)))
        self.retranslate()

    def set_group(self, group_id: int) -> None:
        self.group_id = group_id
        self.load()

    def load(self) -> None:
        if self.group_id is not None:
            self.load_from(self.document.group(self.group_id))

    def write(self, key: str, value: Any) -> None:
        if key == "kind":  # a group without its own title yet takes the instrument's standard one
            self.document.set_group_kind(self.group_id, value)
        else:
            self.document.set_group_field(self.group_id, key, value)

    def retranslate(self) -> None:
        self.set_label("kind", _("Assessment"))
        self.set_label("title", _("Group title"))
        self.kind.set_choices(kind_choices())
