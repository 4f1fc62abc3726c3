"""Parent side of the SIGKILL tests: start the driver, kill it at a seeded random moment, collect acks."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass
class KillRun:
    """What one killed child acknowledged before it died."""

    acks: dict[str, int] = field(default_factory=dict)
    lines: int = 0
    exit_code: int | None = None
    stderr: str = ""

    def last(self, name: str, default: int = 0) -> int:
        return self.acks.get(name, default)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("PYTHAINLP_DATA", str(Path(os.environ.get("TMPDIR", "/tmp")) / "ita-desktop-test-pythainlp"))
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def kill_once(scenario: str, path: Path, seed: int, delay_after: str, delay_s: float,
              timeout_s: float = 60.0) -> KillRun:
    """Start the driver; ``delay_s`` after it acknowledges ``delay_after``, SIGKILL it."""
    child = subprocess.Popen([sys.executable, "-m", "tests.reliability.kill_driver", scenario, str(path), str(seed)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=_child_env())
    run = KillRun()
    armed = threading.Event()

    def read() -> None:
        for line in child.stdout:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ack":
                run.acks[parts[1]] = int(parts[2])
                run.lines += 1
                if parts[1] == delay_after:
                    armed.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout_s
    while not armed.wait(0.01):
        if child.poll() is not None or time.monotonic() > deadline:
            break
    time.sleep(delay_s)
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(5)
    run.exit_code = child.returncode
    run.stderr = child.stderr.read()
    child.stderr.close()
    return run


def kill_many(scenario: str, path: Path, kills: int, seed: int, check: Callable[[KillRun, int], None], *,
              delay_after: str = "ready", max_delay_s: float = 0.6) -> list[KillRun]:
    """``kills`` seeded kills of ``scenario`` on the same file; ``check(run, index)`` after each."""
    rng = random.Random(seed)
    runs = []
    for index in range(kills):
        run = kill_once(scenario, path, rng.randrange(1 << 30), delay_after, rng.uniform(0, max_delay_s))
        assert run.exit_code == -signal.SIGKILL, f"kill {index}: child ended by itself:\n{run.stderr[-3000:]}"
        check(run, index)
        runs.append(run)
    return runs


def kills_per_scenario() -> int:
    """20 in ``make test``; ``ITA_KILLS`` raises it (``make stress``)."""
    return int(os.environ.get("ITA_KILLS", "20"))
