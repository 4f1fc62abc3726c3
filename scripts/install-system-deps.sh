#!/usr/bin/env bash
# Debian packages the app and its tests need beyond Python: Qt's runtime libraries,
# the X11 (xcb) plugin's libraries for a real window (--gui), poppler-utils for the
# PDF text-layer tests, python3-venv, and libthai with its dictionary (Qt breaks Thai lines
# only through it; the line-break tests consult it as a second segmenter); for `make bench`
# (--bench) LibreOffice Writer, the justification benchmark's yardstick, and ICU.
# Installs what is missing when run as root;
# otherwise prints the exact command to run.
set -euo pipefail

packages=(python3-venv libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
          poppler-utils libthai0 libthai-data)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(libreoffice-writer-nogui libicu72)
fi
if [[ "${1:-}" == "--gui" ]]; then
  packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
             libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1)
fi

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: nothing to check here
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || true
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Missing system packages. Please run:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
fi
