"""The pre-print check: a list of the report's problems; activating one jumps to its node in the editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n import _, current_language
from ita_desktop.messages import Message
from ita_desktop.model.checks import Problem, Severity, check_report
from ita_desktop.ui.qt_translation import language_notifier

PROBLEM_ROLE = Qt.ItemDataRole.UserRole
REFRESH_DELAY_MS = 400  # after an edit, re-check once the clerk pauses


def problems_of(document) -> list[Problem]:
    """Check the document's report against its fiscal year's item catalogue (when there is one)."""
    try:
        codes = {code for code, _title in document.catalogue()}
    except (AttributeError, KeyError):
        codes = set()
    return check_report(document.report, codes or None)


class PreprintDialog(QDialog):
    """Lists what to fix before printing; stays open (non-modal) and re-checks as the clerk edits."""

    jumpTo = Signal(str, int)  # noqa: N815 (Qt signal naming) — node kind ("report", "measure"…), id

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.problems: list[Problem] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setColumnCount(2)
        self.tree.setColumnWidth(0, 300)
        self.tree.itemActivated.connect(self._activated)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 460)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        for signal_name in ("structureChanged", "measureChanged", "reportChanged", "sectionChanged",
                            "groupChanged", "reloaded"):
            signal = getattr(document, signal_name, None)
            if signal is not None:
                signal.connect(self._refresh_timer.start)
        language_notifier().languageChanged.connect(self.retranslate)
        self.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Check before printing"))
        self.tree.setHeaderLabels([_("Where"), _("Problem")])
        self.refresh_button.setText(_("Check again"))
        self._fill()

    def refresh(self) -> None:
        """Run the check again on the report as it is now."""
        self.problems = problems_of(self.document)
        self._fill()

    def _fill(self) -> None:
        language = current_language()
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        if not self.problems:
            self.summary.setText(_("No problems found: the report is ready to print."))
        else:
            self.summary.setText(Message.plural("{count} problem ({errors} to fix before printing). "
                                                "Double-click a line to go to it.",
                                                "{count} problems ({errors} to fix before printing). "
                                                "Double-click a line to go to it.",
                                                len(self.problems), errors=errors).text(language))
        self.tree.clear()
        style = self.style()
        icons = {Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        for index, problem in enumerate(self.problems):
            where = problem.where or _("Report header")
            item = QTreeWidgetItem([where, problem.message(language)])
            item.setIcon(0, icons[problem.severity])
            item.setToolTip(0, where)
            item.setToolTip(1, problem.message(language))
            item.setData(0, PROBLEM_ROLE, index)
            self.tree.addTopLevelItem(item)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem = self.problems[item.data(0, PROBLEM_ROLE)]
        self.jumpTo.emit(str(problem.kind), problem.node_id if problem.node_id is not None else -1)


def show_preprint_check(parent: QWidget | None, document,
                        jump_to: Callable[[str, int], None] | None = None) -> PreprintDialog:
    """Open the (non-modal) pre-print check; ``jump_to(kind, id)`` selects a node in the editor."""
    dialog = PreprintDialog(document, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if jump_to is not None:
        dialog.jumpTo.connect(jump_to)
    dialog.show()
    return dialog


def close_checks(parent: QWidget) -> None:
    """Close the pre-print checks open over ``parent``: when printing starts, and when another file is
    opened (a check left open would read the closed file)."""
    for dialog in parent.findChildren(PreprintDialog):
        dialog.close()
