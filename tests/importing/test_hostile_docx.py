"""Hostile Word files that are already handled, kept so: billion laughs, pictures linked to the network, zip-slip
names. Each is imported or refused in one clear line, reads nothing outside the .docx and fetches nothing."""

from __future__ import annotations

import json
import re
import select
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ita_desktop.errors import UserError
from ita_desktop.importing.docx_import import import_docx
from ita_desktop.store.report_store import ReportStore
from tests.helpers import jpeg_bytes
from tests.importing.test_docx_import import build_seed_docx

REPO = Path(__file__).resolve().parents[2]
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _write(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _retarget_pictures(members: dict[str, bytes], target: str, external: bool) -> None:
    """Point every picture relationship of document.xml at ``target`` (embedded, or linked if ``external``)."""
    rels_name = "word/_rels/document.xml.rels"
    mode = ' TargetMode="External"' if external else ""

    def retarget(tag: re.Match) -> str:
        return re.sub(r'\sTarget="[^"]*"', lambda _m: f' Target="{target}"{mode}', tag.group(0))

    rels = re.sub(r"<Relationship\s[^>]*" + re.escape(f'Type="{IMAGE_REL}"') + r"[^>]*/>", retarget,
                  members[rels_name].decode())
    assert rels.count(target) >= 2, rels
    members[rels_name] = rels.encode()
    if external:  # a linked picture is r:link, not r:embed
        members["word/document.xml"] = members["word/document.xml"].replace(b"r:embed=", b"r:link=")


@pytest.fixture
def seed(tmp_path) -> Path:
    return build_seed_docx(tmp_path / "seed.docx", broken=False)


@pytest.fixture
def store(tmp_path):
    with ReportStore.open(tmp_path / "r.ita", create=True) as opened:
        yield opened


_LAUGHS = """
import json, sys
from tests.helpers import peak_rss_mb
from pathlib import Path
from ita_desktop.errors import UserError
from ita_desktop.importing.docx_import import import_docx
from ita_desktop.store.report_store import ReportStore
with ReportStore.open(Path(sys.argv[2]), create=True) as store:
    try:
        outcome, text = "imported", str(import_docx(store, Path(sys.argv[1])).report_id)
    except UserError as refused:
        outcome, text = "refused", refused.english
    longest = store.db.execute("SELECT max(length(summary) + length(steps)) FROM measures").fetchone()[0]
print(json.dumps({"outcome": outcome, "text": text, "longest": longest,
                  "peak_mb": peak_rss_mb()}))
"""


def test_billion_laughs_in_the_document_is_not_expanded(seed, tmp_path):
    members = _members(seed)
    body = members["word/document.xml"].decode()
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    declaration_end = body.index("?>") + 2
    root_name = body[declaration_end:].lstrip()[1:].split()[0]
    body = body[:declaration_end] + f"<!DOCTYPE {root_name} [{entities}]>" + body[declaration_end:]
    body = body.replace("<w:t>", "<w:t>&lol9;", 1)  # 10^9 "lol"s if it were expanded
    bomb = _write(tmp_path / "laughs.docx", {**members, "word/document.xml": body.encode()})
    child = subprocess.run([sys.executable, "-c", _LAUGHS, str(bomb), str(tmp_path / "laughs.ita")], cwd=REPO,
                           capture_output=True, text=True, timeout=300)
    assert child.returncode == 0, child.stderr[-3000:]
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["peak_mb"] < 400, result
    assert result["outcome"] == "refused" or (result["longest"] or 0) < 1_000_000, result


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/photo.jpg", "\\\\127.0.0.1\\share\\photo.jpg",
                                    "file://127.0.0.1/share/photo.jpg"])
def test_pictures_linked_to_the_network_are_never_fetched(seed, tmp_path, store, target, monkeypatch):
    listener = socket.create_server(("127.0.0.1", 0))
    connects = []
    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: connects.append(address) or real_connect(
        self, address))
    try:
        members = _members(seed)
        _retarget_pictures(members, target.format(port=listener.getsockname()[1]), external=True)
        outcome = import_docx(store, _write(tmp_path / "linked.docx", members))
        ready, _, _ = select.select([listener], [], [], 0)
    finally:
        listener.close()
    assert ready == [] and connects == []  # nobody knocked
    assert store.db.execute("SELECT count(*) FROM photos").fetchone()[0] == 0
    assert outcome.warnings and any("linked" in w.english or "link" in w.english for w in outcome.warnings)


@pytest.mark.parametrize("target", ["../../secret.jpg", "/../../secret.jpg", "media/../../../secret.jpg"])
def test_zip_slip_picture_targets_read_nothing_outside_the_docx(seed, tmp_path, store, target):
    (tmp_path / "secret.jpg").write_bytes(jpeg_bytes(64, 48))  # where "../../" would lead from word/
    members = _members(seed)
    _retarget_pictures(members, target, external=False)
    outcome = import_docx(store, _write(tmp_path / "slip.docx", members))
    assert store.db.execute("SELECT count(*) FROM photos").fetchone()[0] == 0  # the secret was not read
    assert outcome.photos_skipped > 0 and outcome.warnings


def test_zip_slip_member_names_are_only_names(seed, tmp_path, store):
    members = _members(seed)
    members["../../evil.jpg"] = jpeg_bytes(32, 32)
    members["/tmp/evil-absolute.jpg"] = jpeg_bytes(32, 32)
    path = _write(tmp_path / "slip-names.docx", members)

    def beside() -> list[str]:  # but the report file's own (-wal, -shm, lock)
        return sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("r.ita"))

    before = beside()
    import_docx(store, path)
    assert beside() == before  # nothing written beside or above the file
    assert not (tmp_path.parent / "evil.jpg").exists() and not Path("/tmp/evil-absolute.jpg").exists()


def test_a_docx_of_only_hostile_parts_is_refused_in_one_line(tmp_path, store):
    path = _write(tmp_path / "empty.docx", {"../[Content_Types].xml": b"<x/>", "word/document.xml": b"<w:document/>"})
    with pytest.raises(UserError) as refused:
        import_docx(store, path)
    assert "\n" not in refused.value.english and str(path) in refused.value.english
    assert store.list_reports() == []
