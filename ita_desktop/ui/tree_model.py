"""The report tree (report → sections → groups → measures) as a Qt item model, numbered as printed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ita_desktop.i18n import _, current_language
from ita_desktop.messages import Message
from ita_desktop.model import Measure, MeasureGroup, headings
from ita_desktop.model import numbering as num
from ita_desktop.model.measure_checks import empty_parts
from ita_desktop.ui.document import ReportDocument

MEASURE_MIME = "application/x-ita-desktop-measures"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "report", "section", "group", "measure"
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # all the text a search should find
EMPTY_PARTS_ROLE = Qt.ItemDataRole.UserRole + 4  # keys of empty parts (measures)

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()  # the invisible root, as a default argument


@dataclass(eq=False)
class TreeNode:
    """One row: a model object, its position and its children."""

    kind: str
    obj: Any
    parent: TreeNode | None = None
    row: int = 0
    children: list[TreeNode] = field(default_factory=list)

    def add(self, kind: str, obj: Any) -> TreeNode:
        child = TreeNode(kind, obj, self, len(self.children))
        self.children.append(child)
        return child


class ReportTreeModel(QAbstractItemModel):
    """Read-only view of the document's tree plus drag-and-drop of measures (which goes through the document)."""

    def __init__(self, document: ReportDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._root = TreeNode("root", None)
        self._nodes: dict[tuple[str, int], TreeNode] = {}
        self._warning_icon: QIcon | None = None
        self._thai_digits = document.report.thai_digits
        self._build()
        document.structureChanged.connect(self.rebuild)
        document.reloaded.connect(self.rebuild)
        document.reportChanged.connect(self._report_changed)
        document.sectionChanged.connect(lambda i: self._refresh("section", i))
        document.groupChanged.connect(lambda i: self._refresh("group", i))
        document.measureChanged.connect(lambda i: self._refresh("measure", i))

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self._root = TreeNode("root", None)
        self._nodes = {}
        report = self.document.report
        report_node = self._root.add("report", report)
        for section in report.sections:
            section_node = self._remember(report_node.add("section", section))
            for group in section.groups:
                group_node = self._remember(section_node.add("group", group))
                for measure in group.measures:
                    self._remember(group_node.add("measure", measure))

    def _remember(self, node: TreeNode) -> TreeNode:
        self._nodes[(node.kind, node.obj.id)] = node
        return node

    def rebuild(self) -> None:
        """Numbering and counts depend on order, so any structural change redraws the whole (small) tree."""
        self._thai_digits = self.document.report.thai_digits
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def _refresh(self, kind: str, row_id: int) -> None:
        node = self._nodes.get((kind, row_id))
        if node is not None:
            index = self.createIndex(node.row, 0, node)
            self.dataChanged.emit(index, index)
            if kind == "measure":  # the section and group counts stay, but the marker may have moved
                self._refresh_node(node.parent)

    def _refresh_node(self, node: TreeNode | None) -> None:
        if node is not None and node.kind != "root":
            index = self.createIndex(node.row, 0, node)
            self.dataChanged.emit(index, index)

    def _report_changed(self) -> None:
        """Only the report row shows agency and year; every label depends on the digit switch."""
        thai = self.document.report.thai_digits
        if thai != self._thai_digits:
            self._thai_digits = thai
            self._refresh_all()
        elif self._root.children:
            self._refresh_node(self._root.children[0])

    def _refresh_all(self) -> None:
        def walk(node: TreeNode) -> None:
            if node.children:
                first = self.createIndex(0, 0, node.children[0])
                last = self.createIndex(len(node.children) - 1, 0, node.children[-1])
                self.dataChanged.emit(first, last)
                for child in node.children:
                    walk(child)
        walk(self._root)

    # -- QAbstractItemModel ------------------------------------------------------------
    def node(self, index: AnyIndex) -> TreeNode:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: AnyIndex = _TOP) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        children = self.node(parent).children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: AnyIndex = _TOP) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: AnyIndex = _TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: AnyIndex = _TOP) -> int:
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: TreeNode = index.internalPointer()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(node)
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return node.obj.id
        if role == SEARCH_ROLE:
            return self._search_text(node)
        if node.kind != "measure":
            # The full label, for when the pane is too narrow for it.
            return self.label(node) if role == Qt.ItemDataRole.ToolTipRole else None
        missing = empty_parts(node.obj)
        if role == EMPTY_PARTS_ROLE:
            return [part.key for part in missing]
        if role == Qt.ItemDataRole.DecorationRole and missing:
            if self._warning_icon is None:  # made once: the view asks for it on every repaint
                self._warning_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            if not missing:
                return self.label(node)
            return self.label(node) + "\n" + Message("Empty parts: {parts}.", parts=[p.title for p in missing]).text()
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = index.internalPointer().kind
        if kind == "measure":
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren
        elif kind == "group":
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- labels --------------------------------------------------------------------
    def label(self, node: TreeNode) -> str:
        thai = self.document.report.thai_digits
        if node.kind == "report":
            report = node.obj
            year = f" {num.digits(report.fiscal_year, thai)}" if report.fiscal_year else ""
            return (report.agency or report.title or _("Untitled report")) + year
        if node.kind == "section":
            return headings.section_heading(node.obj, node.row, thai, untitled=_("Untitled section"))
        if node.kind == "group":
            return self._group_label(node, thai)
        return headings.measure_heading(node.parent.obj, node.row, node.obj, thai, untitled=_("Untitled measure"))

    def _group_label(self, node: TreeNode, thai: bool) -> str:
        group: MeasureGroup = node.obj
        if not headings.group_has_heading(group):  # printed without a heading; the tree still needs a row
            # All in the UI's language (the English tree read "Measures จำนวน ๑ ข้อ"); in Thai, digits as the
            # report prints them.
            count, language = num.measure_count(group), current_language()
            return Message.plural("{shown} measure, no group heading", "{shown} measures, no group heading",
                                  count, shown=num.digits(count, thai and language == "th")).text(language)
        return headings.group_heading(group, node.parent.row, node.row, thai, untitled=_("Untitled group"))

    def _search_text(self, node: TreeNode) -> str:
        if node.kind != "measure":
            return self.label(node)
        measure: Measure = node.obj
        texts = [self.label(node), " ".join(measure.items), measure.steps, measure.responsible, measure.summary,
                 measure.outcome, measure.notes]
        return "\n".join(texts)

    # -- finding ---------------------------------------------------------------------
    def index_of(self, kind: str, row_id: int | None) -> QModelIndex:
        """The index of a section/group/measure by id ("report" ignores the id)."""
        if kind == "report":
            return self.index(0, 0)
        node = self._nodes.get((kind, row_id))
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

    # -- drag and drop of measures -------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MEASURE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = [self.node(i).obj.id for i in indexes if i.isValid() and self.node(i).kind == "measure"]
        data = QMimeData()
        data.setData(MEASURE_MIME, json.dumps(ids).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        return (data.hasFormat(MEASURE_MIME) and action == Qt.DropAction.MoveAction
                and parent.isValid() and self.node(parent).kind == "group")

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = [i for i in json.loads(bytes(data.data(MEASURE_MIME)).decode() or "[]") if isinstance(i, int)]
        if not ids:
            return False
        group: MeasureGroup = self.node(parent).obj
        position = len(group.measures) if row < 0 else row
        stack = self.document.undo_stack
        stack.beginMacro(_("Move measure"))
        for measure_id in ids:
            source, source_index = self.document.locate_measure(measure_id)
            # ``position`` counts the rows as they were before the drag took this one out.
            if source is group and source_index < position:
                position -= 1
            self.document.move_measure(measure_id, group.id, position)
            position += 1
        stack.endMacro()
        return True


class TreeSearchProxy(QSortFilterProxyModel):
    """Filters the tree by a search text, keeping the ancestors of every match."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.setFilterFixedString(text.strip())
