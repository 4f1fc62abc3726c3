#!/bin/sh
# Long-running reliability runs (make stress): many more SIGKILLs per scenario, then the whole test
# suite inside a network namespace with no network at all. ITA_KILLS sets the kills per scenario.
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export QT_QPA_PLATFORM=offscreen
export PYTHAINLP_DATA="${PYTHAINLP_DATA:-${TMPDIR:-/tmp}/ita-desktop-test-pythainlp}"

echo "== SIGKILL stress: ITA_KILLS=${ITA_KILLS:=150} named kill points per scenario"
ITA_KILLS=$ITA_KILLS "$PY" -m pytest -q -p no:cacheprovider tests/reliability/test_sigkill.py

echo "== SIGKILL at random moments: ${ITA_RANDOM_KILLS:=10} per scenario"
"$PY" stress/random_kills.py "$ITA_RANDOM_KILLS"

if unshare -n true 2>/dev/null; then
    echo "== the whole test suite with no network (unshare -n)"
    ITA_NO_NETWORK=1 unshare -n "$PY" -m pytest -q -p no:cacheprovider
else
    echo "== unshare -n is not permitted here: the no-network run was NOT done" >&2
    exit 3
fi
