"""Spell check while typing: unknown Thai words underlined in red, suggestions and "Add to dictionary" on right-click.

Typing must never wait for it: each run of text between spaces is checked once and
its result cached by its text (one keystroke re-checks one run), and
checking that does not fit in a few milliseconds of one event-loop turn (opening a
200 kB field) is left for later turns, the paragraph underlined when it is done.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from contextlib import contextmanager
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from ita_desktop.i18n import _
from ita_desktop.messages import Message
from ita_desktop.model.report_words import report_words
from ita_desktop.spelling import Misspelling, SpellChecker, UserWords, suggestions
from ita_desktop.spelling.lexicon import lexicon_loaded, load_in_background

TURN_BUDGET_S = 0.012  # checking per event-loop turn; the rest waits for the next turn
CHUNK_CHARS = 400  # a run without spaces longer than this is checked in pieces
CACHE_SIZE = 20_000  # chunks remembered
POLL_MS = 50  # while the dictionaries load
LOAD_AFTER_IDLE_MS = 800  # of no edits after the editor is made
_RUN = re.compile(r"\S+")


class SpellCheck(QObject):
    """The spell check of one open report: its checker, its cache and the fields it underlines."""

    def __init__(self, document, parent: QObject | None = None, user_words: UserWords | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.user_words = user_words or UserWords()
        self.checker: SpellChecker | None = None
        self.highlighters: list[SpellHighlighter] = []
        self.line_underliners: list = []  # LineUnderliner: one per one-line field
        self._cache: OrderedDict[str, list[Misspelling]] = OrderedDict()
        self._turn_deadline: float | None = None
        self._pending: dict[SpellHighlighter, set[int]] = {}
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(1)
        self._later.timeout.connect(self._check_pending)
        self._words_timer = QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(300)
        self._words_timer.timeout.connect(self._update_words)
        for signal in (document.reportChanged, document.measureChanged, document.reloaded):
            signal.connect(self._words_timer.start)
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.underline.setUnderlineColor(QColor("#d00000"))
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._start_when_loaded)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(LOAD_AFTER_IDLE_MS)
        self._idle.timeout.connect(self._load)
        if lexicon_loaded():
            self._start()
        else:
            # Not while the window comes up nor while the clerk types: loading takes the interpreter
            # for about a second, in steps of up to ~50 ms. Each edit puts it off again.
            for signal in _change_signals(document):
                signal.connect(self._idle.start)
            self._idle.start()

    def _load(self) -> None:
        if self._poll.isActive() or self.checker is not None:
            return  # already loading or loaded
        self._idle.stop()
        for signal in _change_signals(self.document):
            signal.disconnect(self._idle.start)
        load_in_background()
        self._poll.start()

    # -- start-up -----------------------------------------------------------------------
    def _start_when_loaded(self) -> None:
        if lexicon_loaded():
            self._poll.stop()
            self._start()

    def _start(self) -> None:
        self.checker = SpellChecker(self._known_words())
        self._recheck_all()

    def ready(self) -> bool:
        return self.checker is not None

    def _known_words(self) -> set[str]:
        return set(report_words(self.document.report)) | self.user_words.words

    def _update_words(self) -> None:
        if self.checker is not None and self.checker.set_extra_words(self._known_words()):
            self._recheck_all()

    def _recheck_all(self) -> None:
        """Check every paragraph again, a turn's budget at a time (not all at once: each one underlined is
        laid out again, and all the forms' fields together took ~0.2 s)."""
        self._cache.clear()
        for highlighter in self.highlighters:
            for number in range(highlighter.document().blockCount()):
                self.check_later(highlighter, number)
        for underliner in self.line_underliners:
            underliner.underline()

    # -- fields ------------------------------------------------------------------------
    def attach(self, field: QPlainTextEdit) -> SpellHighlighter:
        """Underline misspellings in ``field`` and offer corrections on right-click."""
        highlighter = SpellHighlighter(field, self)
        self.highlighters.append(highlighter)
        field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        field.customContextMenuRequested.connect(partial(self._show_menu, field))
        return highlighter

    def attach_all(self, widget: QWidget) -> None:
        """Every text field of a form: several lines highlighted per paragraph, one line by its own underliner."""
        from ita_desktop.ui.form_pages.fields import LineField
        from ita_desktop.ui.spell_check_lines import LineUnderliner

        for field in widget.findChildren(QPlainTextEdit):
            if not any(h.field is field for h in self.highlighters):
                self.attach(field)
        for line in widget.findChildren(LineField):
            if not any(u.field is line for u in self.line_underliners):
                self.line_underliners.append(LineUnderliner(line, self))

    # -- checking ----------------------------------------------------------------------
    def misspelt(self, line: str, wait: bool = False) -> list[Misspelling] | None:
        """The misspellings of one paragraph; None if checking it must wait for a later turn (unless ``wait``)."""
        if self.checker is None:
            return None if not wait else []
        found: list[Misspelling] = []
        for offset, chunk in _chunks(line):
            result = self._cache.get(chunk)
            if result is None:
                if not wait and not self.has_time():
                    return None
                result = self._cache[chunk] = self.checker.misspelt(chunk)
                if len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
            else:
                self._cache.move_to_end(chunk)
            found += [Misspelling(m.start + offset, m.end + offset, m.correction) for m in result]
        return found

    def has_time(self) -> bool:
        now = time.perf_counter()
        if self._turn_deadline is None:
            self._turn_deadline = now + TURN_BUDGET_S
            QTimer.singleShot(0, self, self._end_turn)
        return now < self._turn_deadline

    def _end_turn(self) -> None:
        self._turn_deadline = None

    def check_later(self, highlighter: SpellHighlighter, block_number: int) -> None:
        self._pending.setdefault(highlighter, set()).add(block_number)
        if not self._later.isActive():
            self._later.start()

    def _check_pending(self) -> None:
        """Check waiting paragraphs for one turn's budget; underline each one that is done, keep the rest waiting."""
        pending, self._pending = self._pending, {}
        for highlighter, numbers in pending.items():
            if highlighter not in self.highlighters:
                continue
            document = highlighter.document()
            for number in sorted(numbers):
                block = document.findBlockByNumber(number)
                if not block.isValid():
                    continue
                # Underlining costs time too (Qt lays the paragraph out again): the budget covers both.
                found = self.misspelt(block.text()) if self.has_time() else None
                if found is None:
                    self.check_later(highlighter, number)
                    continue
                if not found and not block.layout().formats():
                    continue  # nothing to underline, nothing underlined: no need to lay it out again
                with _quiet(highlighter.field):
                    highlighter.rehighlightBlock(block)  # all cached now: only the underlining is left
        if self._pending and not self._later.isActive():
            self._later.start()

    def pending_count(self) -> int:
        return sum(len(n) for n in self._pending.values())

    # -- the context menu -----------------------------------------------------------------
    def context_menu(self, field: QPlainTextEdit, position: QPoint) -> QMenu:
        """The field's usual menu, with corrections and "Add to dictionary" on top if the word there is misspelt."""
        menu = field.createStandardContextMenu(position)
        cursor = field.cursorForPosition(position)
        block = cursor.block()
        self.offer(menu, block.text(), cursor.positionInBlock(),
                   lambda start, end, text: _replace(field, block.position() + start, block.position() + end, text))
        return menu

    def offer(self, menu: QMenu, line: str, offset: int, replace) -> None:
        """Put the corrections of the misspelling at ``offset`` of ``line`` on top of ``menu``.

        ``replace(start, end, text)`` puts a correction in the field, as typing would.
        """
        misspelling = next((m for m in self.misspelt(line, wait=True) or [] if m.start <= offset <= m.end), None)
        if misspelling is None or self.checker is None:
            return
        first = menu.actions()[0] if menu.actions() else None
        offered = suggestions(self.checker, line, misspelling)
        for suggestion in offered:
            action = QAction(suggestion.text, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(partial(replace, suggestion.start, suggestion.end, suggestion.text))
            menu.insertAction(first, action)
        if not offered:
            none = QAction(_("(no suggestions)"), menu)
            none.setEnabled(False)
            menu.insertAction(first, none)
        word = line[misspelling.start:misspelling.end]
        add = QAction(Message("Add “{word}” to the dictionary", word=word).text(), menu)
        add.triggered.connect(partial(self.add_word, word))
        menu.insertAction(first, add)
        menu.insertSeparator(first)

    def _show_menu(self, field: QPlainTextEdit, position: QPoint) -> None:
        menu = self.context_menu(field, position)
        menu.exec(field.mapToGlobal(position))
        menu.deleteLater()

    def add_word(self, word: str) -> None:
        """Teach the check ``word`` for good (the user's word list) and underline it nowhere any more."""
        self.user_words.add(word)
        self._update_words()


@contextmanager
def _quiet(field: QPlainTextEdit):
    """Re-underlining marks the document changed: the field must not take it for the clerk's typing."""
    was = field.blockSignals(True)
    try:
        yield
    finally:
        field.blockSignals(was)


def _replace(field: QPlainTextEdit, start: int, end: int, text: str) -> None:
    cursor = field.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)  # as if typed: the field reports the edit, the document makes it undoable
    field.setTextCursor(cursor)


def _change_signals(document) -> list:
    return [document.reportChanged, document.sectionChanged, document.groupChanged, document.measureChanged,
            document.photoChanged]


def _chunks(line: str) -> list[tuple[int, str]]:
    """(offset, text) of each run between spaces (no Thai word spans a space), cut if longer than CHUNK_CHARS.

    Runs repeat across a report ("ดำเนินการ", "ครั้งที่"), so most are checked once.
    """
    pieces = []
    for match in _RUN.finditer(line):
        run, start = match.group(), match.start()
        pieces += [(start + i, run[i:i + CHUNK_CHARS]) for i in range(0, len(run), CHUNK_CHARS)]
    return pieces


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines one field's misspellings, paragraph by paragraph."""

    def __init__(self, field: QPlainTextEdit, spelling: SpellCheck) -> None:
        super().__init__(field.document())
        self.field = field
        self.spelling = spelling

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not text or self.spelling.checker is None:
            return
        # Out of time (a 200 kB paste lays out thousands of paragraphs in one go): not even a look now.
        found = self.spelling.misspelt(text) if self.spelling.has_time() else None
        if found is None:
            self.spelling.check_later(self, self.currentBlock().blockNumber())
            return
        for misspelling in found:
            self.setFormat(misspelling.start, misspelling.end - misspelling.start, self.spelling.underline)
