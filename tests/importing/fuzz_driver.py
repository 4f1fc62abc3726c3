"""Child process of the import fuzzing test: mutates realistic .docx and .txt reports and imports each one.

Run as ``python -m tests.importing.fuzz_driver CASES SEED WORKDIR``. Prints one
JSON line per case (mutation, outcome, seconds, whether a refused import left
the .ita byte-for-byte as it was, the traceback of anything that is not a
clean refusal), then ``{"peak_mb": …}``: the peak RSS of the whole run, so no
single case went above it. A case that runs past ``CASE_LIMIT_S`` is stopped
by an alarm and reported as hung (a watchdog, not a measurement).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import signal
import sys
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

CASE_LIMIT_S = 10
Mutation = Callable[[random.Random, bytes], bytes]


class Hung(Exception):
    """The case ran past CASE_LIMIT_S."""


# -- zip-level mutations of a .docx ---------------------------------------------------------------
def _members(data: bytes) -> list[tuple[str, bytes]]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _zipped(members: list[tuple[str, bytes]]) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def swap_members(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    first, second = rng.sample(range(len(members)), 2)
    (name_a, data_a), (name_b, data_b) = members[first], members[second]
    members[first], members[second] = (name_a, data_b), (name_b, data_a)
    return _zipped(members)


def rename_member(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    index = rng.randrange(len(members))
    name, content = members[index]
    new_name = rng.choice([name.upper(), name + ".old", "word/" + name.rsplit("/", 1)[-1], "../" + name,
                           name.replace("document", "document2"), members[rng.randrange(len(members))][0]])
    members[index] = (new_name, content)
    return _zipped(members)


def drop_member(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    del members[rng.randrange(len(members))]
    return _zipped(members)


_TAG = re.compile(rb"<[^<>]{1,80}>")


def edit_xml(rng: random.Random, data: bytes) -> bytes:
    """Change word/document.xml (or another XML part) as a careless tool or a hand edit would."""
    members = _members(data)
    xml_parts = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
    index = rng.choice([i for i in xml_parts if members[i][0] == "word/document.xml"] * 3 + xml_parts)
    name, xml = members[index]
    start, length = rng.randrange(len(xml)), rng.randint(1, 4000)
    tags = _TAG.findall(xml) or [b"<w:p>"]
    edits = [
        lambda: xml[:start] + xml[start + length:],  # a slice cut out, tags and all
        lambda: xml[:start] + xml[start: start + length] * rng.randint(2, 50) + xml[start:],
        lambda: xml[:start] + rng.choice(tags) * rng.randint(1, 3000) + xml[start:],  # unbalanced, deep
        lambda: xml.replace(b"w:t>", b"w:x>", rng.randint(1, 20)),
        lambda: re.sub(rb'xmlns:w="[^"]*"', b"", xml, count=1),
        lambda: xml[:start] + ("ทดสอบ" * rng.randint(1, 200_000)).encode() + xml[start:],
        lambda: xml[:start] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))) + xml[start:],
        lambda: xml.replace(b"<w:body>", b'<w:body><w:p w:rsidR="' + b"9" * rng.randint(1, 100_000) + b'"/>', 1),
    ]
    members[index] = (name, rng.choice(edits)())
    return _zipped(members)


DOCX_MUTATIONS: dict[str, Mutation] = {"flip_bits": flip_bits, "truncate": truncate, "swap_members": swap_members,
                                       "rename_member": rename_member, "drop_member": drop_member,
                                       "edit_xml": edit_xml}


# -- text mutations of a .txt ---------------------------------------------------------------------------
def shuffle_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    start = rng.randrange(len(lines))
    piece = lines[start: start + rng.randint(2, 40)]
    rng.shuffle(piece)
    return b"\n".join(lines[:start] + piece + lines[start + len(piece):])


def cut_or_repeat(rng: random.Random, data: bytes) -> bytes:
    start, length = rng.randrange(len(data)), rng.randint(1, 5000)
    if rng.random() < 0.5:
        return data[:start] + data[start + length:]
    return data[:start] + data[start: start + length] * rng.randint(2, 200) + data[start:]


def inject_noise(rng: random.Random, data: bytes) -> bytes:
    noise = rng.choice([b"\x00" * rng.randint(1, 50), b"\xef\xbb\xbf", b"\r", b"\x1b[31m", b"\xff\xfe",
                        "\u200b\u00a0\u0e4d\u0e32".encode(), b"\t" * 50, b"\n" * 500, bytes(range(32))])
    at = rng.randrange(len(data))
    return data[:at] + noise + data[at:]


def re_encode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    return text.encode(rng.choice(["utf-16", "utf-16-be", "tis-620", "cp874", "utf-8-sig"]), "replace")


TXT_MUTATIONS: dict[str, Mutation] = {"flip_bits": flip_bits, "truncate": truncate, "shuffle_lines": shuffle_lines,
                                      "cut_or_repeat": cut_or_repeat, "inject_noise": inject_noise,
                                      "re_encode": re_encode}


# -- running the cases --------------------------------------------------------------------------------
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _import(kind: str, source: Path, target: Path) -> None:
    from ita_desktop.importing.docx_import import import_docx
    from ita_desktop.importing.report_import import recognise_file, save_recognised
    from ita_desktop.store.report_store import ReportStore

    with ReportStore.open(target) as store:
        if kind == "docx":
            import_docx(store, source, workers=2)
        else:
            save_recognised(store, recognise_file(source))


def run_case(kind: str, name: str, source: Path, pristine: Path, target: Path) -> dict:
    from ita_desktop.errors import UserError

    shutil.copyfile(pristine, target)
    before = _digest(target)
    result = {"kind": kind, "mutation": name, "outcome": "imported", "untouched": None, "error": ""}
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, CASE_LIMIT_S)
    try:
        _import(kind, source, target)
    except UserError as refused:
        result["outcome"] = "refused"
        result["error"] = refused.english
    except Hung:
        result["outcome"] = "hung"
    except Exception:  # noqa: BLE001 (anything else is what the test is looking for)
        result["outcome"] = "traceback"
        result["error"] = traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    result["seconds"] = round(time.perf_counter() - started, 3)
    if result["outcome"] == "refused":
        result["untouched"] = _digest(target) == before
    return result


def _bases(workdir: Path) -> tuple[bytes, bytes, Path]:
    from ita_desktop.paths import sample_report_text
    from ita_desktop.store.report_store import ReportStore
    from tests.helpers import small_report
    from tests.importing.test_docx_import import build_seed_docx

    docx = build_seed_docx(workdir / "seed.docx", broken=False).read_bytes()
    text = sample_report_text().encode("utf-8")
    pristine = workdir / "pristine.ita"
    with ReportStore.open(pristine, create=True) as store:
        store.insert_report(small_report())
    return docx, text, pristine


def main(cases: int, seed: int, workdir: Path) -> None:
    def hung(_signal: int, _frame: object) -> None:
        raise Hung

    signal.signal(signal.SIGALRM, hung)
    warnings.filterwarnings("ignore", "Duplicate name", UserWarning)  # a renamed member may take another's name
    docx, text, pristine = _bases(workdir)
    for index in range(cases):
        rng = random.Random(seed * 1_000_003 + index)
        kind = "docx" if rng.random() < 0.65 else "txt"
        mutations = DOCX_MUTATIONS if kind == "docx" else TXT_MUTATIONS
        name = rng.choice(sorted(mutations))
        source = workdir / f"case.{kind}"
        try:
            source.write_bytes(mutations[name](rng, docx if kind == "docx" else text))
        except (zipfile.BadZipFile, ValueError, IndexError):  # the mutation itself did not apply: count it anyway
            source.write_bytes(flip_bits(rng, docx if kind == "docx" else text))
            name = "flip_bits"
        result = run_case(kind, name, source, pristine, workdir / "case.ita")
        print(json.dumps({"case": index, **result}, ensure_ascii=False), flush=True)
    from tests.helpers import peak_rss_mb

    peak_mb = peak_rss_mb()
    print(json.dumps({"peak_mb": round(peak_mb, 1)}), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))
