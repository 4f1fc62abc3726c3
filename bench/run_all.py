"""Run every benchmark script in bench/ (bench_*.py); each prints one JSON line per benchmark."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

failed = 0
for script in sorted(Path(__file__).parent.glob("bench_*.py")):
    failed |= subprocess.call([sys.executable, str(script)]) != 0
sys.exit(failed)
