"""Base of the form pages: one explicit list of widget ↔ field bindings, loaded and saved in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QFormLayout, QWidget

from ita_desktop.ui.document import ReportDocument
from ita_desktop.ui.word_label import WordLabel


def _same(value: Any) -> Any:
    return value


@dataclass
class Binding:
    """A field of the model object and the widget that edits it."""

    key: str
    widget: Any  # has value(), set_value(v) and an ``edited`` signal
    to_model: Callable[[Any], Any] = _same
    from_model: Callable[[Any], Any] = _same
    compare: Callable[[Any], Any] = _same  # what must differ for a reload to touch the widget


class FormPage(QWidget):
    """A form for one kind of node; subclasses declare bindings and say how a field is written."""

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.bindings: list[Binding] = []
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, WordLabel] = {}
        self._writing = False

    def bind(self, key: str, widget: Any, **conversions: Callable[[Any], Any]) -> Any:
        binding = Binding(key, widget, **conversions)
        self.bindings.append(binding)
        widget.edited.connect(lambda value, b=binding: self._edited(b, value))
        return widget

    def _edited(self, binding: Binding, value: Any) -> None:
        # The change this write announces comes straight back to load(); the widgets already show it,
        # so reading every field back (tables included) on each keystroke is skipped.
        self._writing = True
        try:
            self.write(binding.key, binding.to_model(value))
        finally:
            self._writing = False

    def add_row(self, key: str, widget: QWidget) -> None:
        label = WordLabel(self)
        label.setBuddy(widget)
        self._labels[key] = label
        self.form.addRow(label, widget)

    def set_label(self, key: str, text: str) -> None:
        self._labels[key].set_words(text)

    def load_from(self, obj: Any) -> None:
        """Show ``obj``'s values; widgets whose value already matches are left alone (cursor stays)."""
        if self._writing:
            return
        for b in self.bindings:
            current = getattr(obj, b.key)
            if b.compare(b.to_model(b.widget.value())) != b.compare(current):
                b.widget.set_value(b.from_model(current))

    def write(self, key: str, value: Any) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError
