#!/usr/bin/env bash
# make bundle: the Linux one-folder app in dist/ita-desktop/ (PyInstaller), built in its own venv
# (build/bundle-venv) from a normal, non-editable install of the app's wheel, with the system's
# own libthai (built from the sources it ships) and Thai dictionary inside, loaded by full path as on
# Windows, and the
# licences of all it ships; then packaging/check_bundle.py runs it as a clean account would.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
venv=build/bundle-venv

scripts/install-system-deps.sh
scripts/build-libthai.sh linux
command -v unshare >/dev/null && command -v pdftotext >/dev/null

[[ -x $venv/bin/python ]] || "$PYTHON" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
rm -rf build/bundle-wheel
nice -n 10 "$venv/bin/python" -m pip wheel --quiet --no-deps -w build/bundle-wheel .
"$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps build/bundle-wheel/ita_desktop-*.whl
"$venv/bin/python" -m pip install --quiet build/bundle-wheel/ita_desktop-*.whl 'pyinstaller>=6.10,<7'

thai=build/thai-linux  # libthai.so.0 (libdatrie inside), thbrk.tri, COPYING, sources/
licences=build/bundle-licences
rm -rf "$licences" && mkdir -p "$licences"
cp packaging/licences/* "$licences/"
cp resources/fonts/OFL.txt "$licences/Sarabun-OFL.txt"
cp /usr/share/common-licenses/LGPL-3 /usr/share/common-licenses/GPL-3 "$licences/"

rm -rf dist/ita-desktop
ITA_THAI_DIR=$PWD/$thai ITA_LICENCES_DIR=$PWD/$licences nice -n 10 "$venv/bin/pyinstaller" --noconfirm --clean \
  --log-level WARN --distpath dist --workpath build/pyinstaller packaging/pyinstaller/ita-desktop.spec
"$PYTHON" packaging/check_bundle.py dist/ita-desktop ${REFERENCE_PYTHON:+--reference-python "$REFERENCE_PYTHON"}
