"""Load on a helper thread, once the window is up, what the first save and word-aware layout need."""

from __future__ import annotations

import sys
import threading

_started = threading.Event()


def warm_up_in_background() -> None:
    """Start (once per process) importing sqlite-utils (the first write needs it), then the word dictionary."""
    if _started.is_set():
        return
    _started.set()
    # A daemon: closing the window never waits for it (nothing it does needs finishing; the cache is atomic).
    threading.Thread(target=_import_modules, name="ita-warm-up", daemon=True).start()


def _import_modules() -> None:
    from ita_desktop.store.lazy_database import warm_up_sqlite_utils
    from ita_desktop.ui.word_breaks import load_dictionary

    if "sqlite_utils" not in sys.modules:
        warm_up_sqlite_utils()
    load_dictionary()  # labels, tree titles and table cells are laid out again, between words
