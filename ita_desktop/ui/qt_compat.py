"""Work around PySide6 6.12 losing references to None/True/False returned to C++ by Python code.

Measured here (PySide6 6.12.0, Python 3.11): every ``data()`` override returning
None, every ``mergeWith()`` returning True and several slot calls drop one
reference to the returned singleton. On Python 3.11 these singletons are
reference-counted, so after a few thousand edits the count reaches zero and the
interpreter aborts ("deallocating None"). If the running PySide6 shows the bug,
the three singletons get a reserve of references large enough for any session,
which is what Python 3.12 does for them anyway (immortal objects).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex

_TRIES = 64
_RESERVE = 1 << 40
_done = False


class _Probe(QAbstractListModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index, role: int = 0) -> None:
        return None


def _add_references(obj: object, count: int) -> None:
    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(obj)).value += count


def none_loses_references() -> bool:
    probe = _Probe()
    index = probe.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(_TRIES):
        index.data()
    lost = before - sys.getrefcount(None)
    if lost > 0:
        _add_references(None, lost)  # give back what the probe itself cost
    return lost >= _TRIES // 2


def protect_singletons() -> bool:
    """Apply the reserve once if this PySide6 has the bug; returns whether it did."""
    global _done
    if _done:
        return True
    if sys.version_info >= (3, 12) or not none_loses_references():
        return False
    for singleton in (None, True, False):
        _add_references(singleton, _RESERVE)
    _done = True
    return True


def no_value() -> None:
    """What ``data()`` returns for a role it does not answer."""
    return None
