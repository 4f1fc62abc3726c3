"""Messages the clerk reads: an English msgid and its parameters, translated by gettext only when shown.

The one way to word anything the clerk sees, in the window and on the command line alike:

    raise ReportFileError(Message("{path}: no such file.", path=path))
    Message.plural("{count} photo", "{count} photos", n)

Thai lives in the catalogue (``resources/translations``), never in code. Numbers given as
parameters (and clock times) are written in Thai digits when the message is shown in Thai. Tables of messages
declared ahead of use mark their msgids with :func:`N_` so ``make i18n`` extracts them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time

from ita_desktop import i18n


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction without translating it (it is translated when shown)."""
    return msgid


@dataclass(frozen=True)
class Message:
    """An English msgid (a ``str.format`` template) with its parameters; :meth:`text` translates it."""

    msgid: str
    params: Mapping[str, object] = field(default_factory=dict)
    plural_msgid: str | None = None
    count: int | None = None

    def __init__(self, msgid: str, /, **params: object) -> None:
        object.__setattr__(self, "msgid", msgid)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "plural_msgid", None)
        object.__setattr__(self, "count", None)

    @classmethod
    def plural(cls, singular: str, plural: str, count: int, /, **params: object) -> Message:
        """A message whose wording follows ``count`` (also available as ``{count}``)."""
        message = cls(singular, count=count, **params)
        object.__setattr__(message, "plural_msgid", plural)
        object.__setattr__(message, "count", count)
        return message

    def text(self, language: str | None = None) -> str:
        """The message in ``language`` ("th"/"en"; default: the language in use), parameters filled in."""
        language = language or i18n.current_language()
        catalogue = i18n.translations(language)
        if self.plural_msgid is None:
            template = catalogue.gettext(self.msgid)
        else:
            template = catalogue.ngettext(self.msgid, self.plural_msgid, self.count or 0)
        values = {name: _shown(value, language) for name, value in self.params.items()}
        return template.format(**values)

    def __str__(self) -> str:
        return self.text()


class Worded:
    """Anything the clerk reads through its ``text`` :class:`Message` (an error, a warning, a problem)."""

    text: Message

    @property
    def english(self) -> str:
        return self.text.text("en")

    @property
    def thai(self) -> str:
        return self.text.text("th")

    def message(self, language: str | None = None) -> str:
        """The text in ``language`` (default: the language in use)."""
        return self.text.text(language)


def _shown(value: object, language: str) -> object:
    """A parameter as the message shows it: numbers in Thai digits in Thai, nested messages translated."""
    from ita_desktop.model.numbering import thai_digits  # here: the model's own messages import this module

    if isinstance(value, Message):
        return value.text(language)
    if isinstance(value, (list, tuple)):  # a list of names: "Steps or method, Outcome"
        return ", ".join(str(_shown(item, language)) for item in value)
    if isinstance(value, time):  # a clock time: "14:03:12", "๑๔:๐๓:๑๒" in Thai
        value = value.strftime("%H:%M:%S")
        return thai_digits(value) if language == "th" else value
    if isinstance(value, int) and not isinstance(value, bool) and language == "th":
        return thai_digits(value)
    return value

