"""Keep siblings (sections, groups, measures, photos) numbered 0..n-1 by ``position_index``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class SiblingList:
    """The rows of ``table`` under one parent column, in print order."""

    table: str
    parent_column: str
    soft_delete: bool = False

    def _live(self) -> str:
        return " AND deleted = 0" if self.soft_delete else ""

    def ids(self, db: Database, parent_id: int) -> list[int]:
        sql = (f"SELECT id FROM {self.table} WHERE {self.parent_column} = ?{self._live()} "
               "ORDER BY position_index, id")
        return [row[0] for row in db.execute(sql, [parent_id]).fetchall()]

    def parent_of(self, db: Database, row_id: int) -> int:
        row = db.execute(f"SELECT {self.parent_column} FROM {self.table} WHERE id = ?", [row_id]).fetchone()
        if row is None:
            raise KeyError(f"{self.table} {row_id} does not exist")
        return row[0]

    def renumber(self, db: Database, parent_id: int, ordered_ids: list[int]) -> None:
        """Give ``ordered_ids`` positions 0..n-1 under ``parent_id``, writing only the rows that change.

        (Appending the 100th photo used to rewrite the 99 before it: a hundred statements per photo.)
        """
        placed = dict(db.execute(f"SELECT id, position_index FROM {self.table} WHERE {self.parent_column} = ?",
                                 [parent_id]).fetchall())
        for index, row_id in enumerate(ordered_ids):
            if placed.get(row_id) != index:
                db.execute(f"UPDATE {self.table} SET position_index = ?, {self.parent_column} = ? WHERE id = ?",
                           [index, parent_id, row_id])

    def place(self, db: Database, row_id: int, parent_id: int, index: int | None) -> int:
        """Put ``row_id`` under ``parent_id`` at ``index`` (None: at the end); return the index used."""
        old_parent = self.parent_of(db, row_id)
        if old_parent != parent_id:
            self.renumber(db, old_parent, [i for i in self.ids(db, old_parent) if i != row_id])
        siblings = [i for i in self.ids(db, parent_id) if i != row_id]
        index = len(siblings) if index is None else max(0, min(index, len(siblings)))
        siblings.insert(index, row_id)
        self.renumber(db, parent_id, siblings)
        return index

    def delete(self, db: Database, row_id: int) -> None:
        """Soft-delete ``row_id`` (undoable until the file is reopened) and close the gap it leaves."""
        parent_id = self.parent_of(db, row_id)
        db.execute(f"UPDATE {self.table} SET deleted = 1 WHERE id = ?", [row_id])
        self.close_gap(db, parent_id)

    def restore(self, db: Database, row_id: int, parent_id: int | None, index: int) -> None:
        """Undo :meth:`delete`: the same row back under ``parent_id`` (None: where it was) at ``index``."""
        db.execute(f"UPDATE {self.table} SET deleted = 0 WHERE id = ?", [row_id])
        self.place(db, row_id, self.parent_of(db, row_id) if parent_id is None else parent_id, index)

    def close_gap(self, db: Database, parent_id: int) -> None:
        self.renumber(db, parent_id, self.ids(db, parent_id))

    def next_index(self, db: Database, parent_id: int) -> int:
        return len(self.ids(db, parent_id))
