# make run   – set up .venv and open the app on the built-in sample report
# make test  – set up .venv and run every test (offscreen)
# make test-fast – the same without the SIGKILL, network-free and slow tests (the inner loop)
# make bench – benchmarks, one JSON line each
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-fast bench lint i18n system-deps system-deps-gui system-deps-bench clean bundle windows-kit \
	windows-check

$(STAMP): setup.cfg pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps:
	@scripts/install-system-deps.sh

system-deps-gui:
	@scripts/install-system-deps.sh --gui

system-deps-bench:
	@scripts/install-system-deps.sh --bench

run: system-deps-gui $(STAMP)
	$(VENV)/bin/ita-desktop --demo

test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The inner loop: everything but the SIGKILL, network-free and other slow tests (under a minute idle).
test-fast: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not sigkill and not no_network and not slow"

bench: system-deps system-deps-bench $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

lint: $(STAMP)
	$(VENV)/bin/ruff check ita_desktop forms database resources tests bench packaging scripts stress

# Translations: extract the English UI strings (and Qt's own, keyed by Qt context), merge them into the
# Thai catalogue, compile the .mo that ships in resources/translations. Message.plural is found by its
# last name, "plural": Babel's Python extractor does not follow dotted names.
I18N_DIR := resources/translations
# Through the venv's own interpreter: the form extractor (babel.cfg) is imported from this checkout.
PYBABEL := $(PY) -m babel.messages.frontend
i18n: $(STAMP)
	$(PYBABEL) extract -F babel.cfg -k qt_string:1c,2 -k Message:1 -k plural:1,2 --no-location --sort-output --project=ITA-Desktop \
		--copyright-holder="ITA Desktop" --msgid-bugs-address="" -o $(I18N_DIR)/ita_desktop.pot .
	@if test -f $(I18N_DIR)/th/LC_MESSAGES/ita_desktop.po; then \
		$(PYBABEL) update -i $(I18N_DIR)/ita_desktop.pot -d $(I18N_DIR) -D ita_desktop -l th --no-fuzzy-matching --ignore-obsolete; \
	else \
		$(PYBABEL) init -i $(I18N_DIR)/ita_desktop.pot -d $(I18N_DIR) -D ita_desktop -l th; \
	fi
	$(PYBABEL) compile -d $(I18N_DIR) -D ita_desktop --statistics

clean:
	rm -rf $(VENV) build dist *.egg-info

# make stress – long reliability runs: ITA_KILLS SIGKILLs per scenario, then every test without network
.PHONY: stress
stress: system-deps $(STAMP)
	ITA_KILLS=$${ITA_KILLS:-150} PY=$(PY) stress/run_stress.sh

# Packaging (heavy, not part of make test; each target checks what it built and fails otherwise).
# make bundle        – the Linux one-folder app in dist/ita-desktop/ (ita-desktop, ita-desktop-cli)
# make windows-kit   – dist/windows-kit/: all an offline Windows PC needs to build and install the app
# make windows-check – the kit's Windows Qt + thai.dll under wine64, and its installer built and run
bundle: $(STAMP)
	REFERENCE_PYTHON=$(PY) scripts/build-bundle.sh

windows-kit: $(STAMP)
	PY=$(PY) scripts/build-windows-kit.sh

windows-check: windows-kit
	PY=$(PY) scripts/windows-check.sh
