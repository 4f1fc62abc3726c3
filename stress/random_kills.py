"""Kills at random moments (make stress only): the driver SIGKILLed after a seeded random delay.

The test suite kills at exact named points (tests/reliability/test_sigkill.py);
this run keeps a few kills at moments no one chose, to catch a window the named
points miss. Each scenario is first run once to its end, unkilled, to time it on
this machine; the kills then fall anywhere in that time, so they land mid-work on a
fast machine and a slow one alike (fixed delays let a fast machine finish first).
After each kill the file must pass ``integrity_check``, hold every acknowledged
edit, and open and render. Run as ``python stress/random_kills.py [KILLS]``.
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

SCENARIOS = ("edit", "photos", "render")
# The kills fall within this share of the timed run: later ones could miss a run that went faster.
SHARE_OF_THE_RUN = 0.9


def kill_after(scenario: str, path: Path, seed: int, delay_s: float | None) -> tuple[KillRun, float]:
    """Run the driver and SIGKILL it ``delay_s`` after it is ready (never, with None); returns the run and
    the seconds from ready to its end."""
    child = subprocess.Popen([sys.executable, "-m", "tests.reliability.kill_driver", scenario, str(path), str(seed)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                             env=child_env())
    run = KillRun(f"random:{delay_s:.3f}s" if delay_s is not None else "unkilled")
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
    started = time.monotonic()
    if delay_s is not None:
        time.sleep(delay_s)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
    child.wait()
    ended = time.monotonic()
    reader.join(5)
    run.exit_code = child.returncode
    run.stderr = child.stderr.read()
    return run, ended - started


def check(path: Path, run: KillRun) -> None:
    assert integrity(path) == "ok", run
    with ReportStore.open(path) as store:
        assert edits_on_disk(store) >= run.last("edit"), run
        assert store.db.execute("SELECT count(*) FROM photos").fetchone()[0] >= run.last("photos"), run
    assert_opens_and_renders(path)


def main(kills: int) -> int:
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        for scenario in SCENARIOS:
            path = Path(folder) / f"{scenario}.ita"
            with ReportStore.open(path, create=True) as store:
                store.insert_report(small_report())
            timed, duration_s = kill_after(scenario, path, rng.randrange(1 << 30), None)
            assert timed.exit_code == 0, timed.stderr[-3000:]
            check(path, timed)
            killed = 0
            for _ in range(kills):
                run, _seconds = kill_after(scenario, path, rng.randrange(1 << 30),
                                           rng.uniform(0, duration_s * SHARE_OF_THE_RUN))
                check(path, run)
                killed += run.exit_code == -signal.SIGKILL
            print(f"{scenario}: a run takes {duration_s:.1f} s here; {kills} runs, {killed} killed at random "
                  "moments in it, nothing acknowledged lost", flush=True)
            if kills and not killed:  # a stage whose kills all came too late proved nothing
                print(f"{scenario}: no kill landed", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
