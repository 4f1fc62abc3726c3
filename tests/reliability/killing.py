"""Parent side of the SIGKILL tests: start the driver with a named kill point, collect its acks until it dies.

The child kills itself (``ita_desktop.kill_points``) at exactly the point named
in ``ITA_KILL_AT``, so where each kill lands does not depend on the machine's speed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ita_desktop.kill_points import ENVIRONMENT

REPO = Path(__file__).resolve().parents[2]
# A driver that never reaches its point ends by itself (its loops are bounded); this is a backstop only.
TIMEOUT_S = 300


@dataclass
class KillRun:
    """What one killed child acknowledged before it died."""

    point: str
    acks: dict[str, int] = field(default_factory=dict)
    lines: int = 0
    exit_code: int | None = None
    stderr: str = ""

    def last(self, name: str, default: int = 0) -> int:
        return self.acks.get(name, default)


def child_env(point: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("PYTHAINLP_DATA", str(Path(os.environ.get("TMPDIR", "/tmp")) / "ita-desktop-test-pythainlp"))
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop(ENVIRONMENT, None)
    if point is not None:
        env[ENVIRONMENT] = point
    return env


def kill_at(scenario: str, path: Path, seed: int, point: str) -> KillRun:
    """Run the driver until it kills itself at ``point`` (``NAME:N``, see ``ita_desktop.kill_points``)."""
    child = subprocess.run([sys.executable, "-m", "tests.reliability.kill_driver", scenario, str(path), str(seed)],
                           capture_output=True, text=True, cwd=REPO, env=child_env(point), timeout=TIMEOUT_S)
    run = KillRun(point, exit_code=child.returncode, stderr=child.stderr)
    for line in child.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ack":
            run.acks[parts[1]] = int(parts[2])
            run.lines += 1
    return run


def kill_many(scenario: str, path: Path, points: Sequence[str], seed: int,
              check: Callable[[KillRun, int], None]) -> list[KillRun]:
    """One killed run of ``scenario`` per point, on the same file; ``check(run, index)`` after each."""
    rng = random.Random(seed)
    runs = []
    for index, point in enumerate(points):
        run = kill_at(scenario, path, rng.randrange(1 << 30), point)
        assert run.exit_code == -signal.SIGKILL, (
            f"kill {index} at {point}: the child ended by itself ({run.exit_code}):\n{run.stderr[-3000:]}")
        check(run, index)
        runs.append(run)
    return runs


def writes(count: int, seed: int, low: int, high: int) -> list[str]:
    """``count`` seeded ``write:N`` points, N in ``[low, high]`` (each names one exact statement)."""
    rng = random.Random(seed)
    return [f"write:{rng.randint(low, high)}" for _ in range(count)]


def kills_per_scenario() -> int:
    """20 in ``make test``; ``ITA_KILLS`` raises it (``make stress``)."""
    return int(os.environ.get("ITA_KILLS", "20"))
