"""The built-in sample report as a file in the user's data folder: what ``--demo`` (``make run``) opens."""

from __future__ import annotations

from pathlib import Path

from ita_desktop.paths import user_data_dir

SAMPLE_FILE_NAME = "ang-thong-2566.ita"


def sample_file() -> Path:
    """The sample's .ita, imported from the bundled text on first use."""
    target = user_data_dir() / SAMPLE_FILE_NAME
    if target.exists():
        return target
    from ita_desktop.importing.report_import import import_demo
    from ita_desktop.store.report_store import ReportStore

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".ita.part")
    partial.unlink(missing_ok=True)
    with ReportStore.open(partial, create=True) as store:
        import_demo(store)
    for leftover in (partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
        leftover.unlink(missing_ok=True)
    partial.replace(target)  # a half-imported sample never takes the real name
    return target
