#!/usr/bin/env bash
# Debian packages that `make windows-kit` and `make windows-check` need (with --bundle: only what
# `make bundle` needs): gcc or mingw-w64 to build libthai, dpkg-dev for `apt-get source` (libthai,
# libdatrie: the LGPL sources shipped beside it), libthai-data for its dictionary, wine64 to run
# the real Windows Qt6Core.dll, nsis to build the installer, binutils for objdump.
# A deb-src line is added (once) so `apt-get source` works on a fresh machine.
set -euo pipefail

packages=(gcc libc6-dev dpkg-dev libthai-data binutils python3-venv file util-linux xz-utils patch)
if [[ "${1:-}" != "--bundle" ]]; then
  packages+=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 wine wine64 nsis unzip)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

sources=/etc/apt/sources.list.d/ita-desktop-deb-src.sources
need_src=0
grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/ || need_src=1
[[ ${#missing[@]} -eq 0 && $need_src -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "Missing system packages (or deb-src). Please run as root: $0" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if [[ $need_src -eq 1 ]]; then
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  cat > "$sources" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $codename
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
apt-get -o DPkg::Lock::Timeout=600 update -qq
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "Installing system packages: ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
fi
