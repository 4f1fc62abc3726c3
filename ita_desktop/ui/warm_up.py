"""Import what the first save needs on a helper thread once the window is up, so typing never waits for it."""

from __future__ import annotations

import sys
import threading

_started = threading.Event()


def warm_up_in_background() -> None:
    """Start (once per process) importing sqlite-utils, which the store first needs at the first write."""
    if _started.is_set() or "sqlite_utils" in sys.modules:
        return
    _started.set()
    threading.Thread(target=_import_modules, name="ita-warm-up").start()


def _import_modules() -> None:
    from ita_desktop.store.lazy_database import warm_up_sqlite_utils

    warm_up_sqlite_utils()
