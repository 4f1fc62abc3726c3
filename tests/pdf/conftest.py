"""Fixtures for the PDF tests: the seed sample rendered once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop.importing import import_demo
from ita_desktop.model import Report
from ita_desktop.pdf import render_to_file
from ita_desktop.store.report_store import ReportStore


@pytest.fixture(scope="session")
def demo_store_file(tmp_path_factory) -> tuple[Path, int]:
    """A .ita file holding the imported seed report, and the report's id."""
    path = tmp_path_factory.mktemp("demo") / "sample.ita"
    with ReportStore.open(path, create=True) as store:
        report_id = import_demo(store)
    return path, report_id


@pytest.fixture(scope="session")
def demo_report(demo_store_file) -> Report:
    path, report_id = demo_store_file
    with ReportStore.open_reader(path) as store:
        return store.load_report(report_id)


@pytest.fixture(scope="session")
def demo_pdf(demo_store_file, tmp_path_factory) -> Path:
    """The seed report printed to PDF."""
    path, report_id = demo_store_file
    output = tmp_path_factory.mktemp("demo-pdf") / "sample.pdf"
    render_to_file(path, report_id, output)
    return output
