# make run   – set up .venv and open the app on the built-in sample report
# make test  – set up .venv and run every test (offscreen)
# make bench – benchmarks, one JSON line each
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench lint i18n system-deps system-deps-gui clean

$(STAMP): setup.cfg pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps:
	@scripts/install-system-deps.sh

system-deps-gui:
	@scripts/install-system-deps.sh --gui

run: system-deps-gui $(STAMP)
	$(VENV)/bin/ita-desktop --demo

test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

lint: $(STAMP)
	$(VENV)/bin/ruff check ita_desktop forms database resources tests bench

clean:
	rm -rf $(VENV) build *.egg-info
