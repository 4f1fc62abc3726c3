"""A picture that claims 85 KB and inflates to 1 GiB of zeros is refused by name; the import stays small."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from ita_desktop.importing.zip_member import MemberTooLarge, read_member
from tests.importing.test_docx_import import build_seed_docx
from tests.importing.zip_forge import members_of, write_zip, zeros_bomb

REPO = Path(__file__).resolve().parents[2]
GIB = 1 << 30
LIMIT_MB = 400

_IMPORT = """
import json, sys
from pathlib import Path
from ita_desktop.importing.docx_import import import_docx
from ita_desktop.store.report_store import ReportStore
from tests.helpers import peak_rss_mb

with ReportStore.open(Path(sys.argv[2]), create=True) as store:
    outcome = import_docx(store, Path(sys.argv[1]), workers=2)
    photos = store.db.execute("SELECT count(*) FROM photos").fetchone()[0]
peak_mb = peak_rss_mb()
print(json.dumps({"peak_mb": peak_mb, "photos": photos, "skipped": outcome.photos_skipped,
                  "warnings": [w.english for w in outcome.warnings]}))
"""


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[int, tuple[Path, str]]:
    """The seed report with its first picture replaced by 1 GiB of zeros, claiming 85 KB or 2 MB."""
    folder = tmp_path_factory.mktemp("bomb")
    members = members_of(build_seed_docx(folder / "seed.docx", broken=False))
    victim = next(m for m in members if m.name.startswith("word/media/"))
    bomb = zeros_bomb(victim.name, GIB, 0)
    made = {}
    for claimed in (85_000, 2_000_000):
        forged = [replace(bomb, size=claimed) if m is victim else m for m in members]
        made[claimed] = write_zip(folder / f"bomb-{claimed}.docx", forged), victim.name
    return made


@pytest.fixture
def bomb_docx(bombs) -> tuple[Path, str]:
    return bombs[2_000_000]  # a stream short enough for its claim: refused while inflating


def test_the_member_is_refused_after_inflating_only_its_claim(bomb_docx):
    path, victim = bomb_docx
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(victim)
    with pytest.raises(MemberTooLarge, match="inflates to more than its claimed 2000000 bytes"):
        read_member(path, info)


def test_a_longer_stream_than_the_claim_allows_is_refused_before_reading(bombs):
    path, victim = bombs[85_000]  # the 1 MB stream of zeros cannot be the deflate of 85 KB
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(victim)
    with pytest.raises(MemberTooLarge, match="longer than its claimed size allows"):
        read_member(path, info)


@pytest.mark.parametrize("claimed", [85_000, 2_000_000])
def test_the_import_stays_under_400_mb_and_keeps_the_rest(bombs, claimed, tmp_path):
    path, victim = bombs[claimed]
    child = subprocess.run([sys.executable, "-c", _IMPORT, str(path), str(tmp_path / "r.ita")], cwd=REPO,
                           capture_output=True, text=True, timeout=300)
    assert child.returncode == 0, child.stderr[-3000:]
    outcome = json.loads(child.stdout.strip().splitlines()[-1])
    assert outcome["peak_mb"] < LIMIT_MB, outcome
    assert outcome["skipped"] == 1 and outcome["photos"] == 5  # the seed's six pictures but the bomb
    named = [w for w in outcome["warnings"] if Path(victim).name in w]
    assert named and "damaged" in named[0], outcome["warnings"]
