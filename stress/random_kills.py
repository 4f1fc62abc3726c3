"""Kills at random moments (make stress only): the driver SIGKILLed after a seeded random delay.

The test suite kills at exact named points (tests/reliability/test_sigkill.py);
this run keeps a few kills at moments no one chose, to catch a window the named
points miss. After each kill the file must pass ``integrity_check``, hold every
acknowledged edit, and open and render. Run as ``python stress/random_kills.py [KILLS]``.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ita_desktop.store.report_store import ReportStore  # noqa: E402
from tests.helpers import small_report  # noqa: E402
from tests.reliability.killing import KillRun, child_env  # noqa: E402
from tests.reliability.test_sigkill import assert_opens_and_renders, edits_on_disk, integrity  # noqa: E402

# scenario → the kill comes within this many seconds after the driver is ready
SCENARIOS = {"edit": 0.6, "photos": 0.8, "render": 2.5}


def kill_after(scenario: str, path: Path, seed: int, delay_s: float) -> KillRun:
    child = subprocess.Popen([sys.executable, "-m", "tests.reliability.kill_driver", scenario, str(path), str(seed)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                             env=child_env())
    run = KillRun(f"random:{delay_s:.3f}s")
    ready = threading.Event()

    def read() -> None:
        for line in child.stdout:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ack":
                run.acks[parts[1]] = int(parts[2])
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(120)
    time.sleep(delay_s)
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(5)
    run.exit_code = child.returncode
    run.stderr = child.stderr.read()
    return run


def check(path: Path, run: KillRun) -> None:
    assert integrity(path) == "ok", run
    with ReportStore.open(path) as store:
        assert edits_on_disk(store) >= run.last("edit"), run
        assert store.db.execute("SELECT count(*) FROM photos").fetchone()[0] >= run.last("photos"), run
    assert_opens_and_renders(path)


def main(kills: int) -> int:
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        for scenario, max_delay_s in SCENARIOS.items():
            path = Path(folder) / f"{scenario}.ita"
            with ReportStore.open(path, create=True) as store:
                store.insert_report(small_report())
            killed = 0
            for _ in range(kills):
                run = kill_after(scenario, path, rng.randrange(1 << 30), rng.uniform(0, max_delay_s))
                check(path, run)
                killed += run.exit_code == -signal.SIGKILL
            print(f"{scenario}: {kills} runs, {killed} killed at random moments, nothing acknowledged lost")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
