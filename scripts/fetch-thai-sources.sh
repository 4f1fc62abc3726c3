#!/usr/bin/env bash
# Debian's sources of libthai 0.1.29 and libdatrie 0.2.13 (LGPL-2.1), shipped beside the libthai
# the apps carry: build/thai-sources/ (the upstream tarballs, Debian's .dsc, the patch). Only the
# upstream tarballs are needed; each is checked against the checksum in Debian's signed source
# index, so a mirror missing the .debian.tar.xz (it happens) still gives the genuine sources.
# Needs a deb-src line: scripts/install-windows-build-deps.sh adds one.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/thai-sources
LIBTHAI=0.1.29
LIBDATRIE=0.2.13
if [[ -f $out/libthai_$LIBTHAI.orig.tar.xz && -f $out/libdatrie_$LIBDATRIE.orig.tar.xz ]]; then
  cp packaging/thai/dictionary-beside-dll.patch "$out/"
  exit 0
fi
rm -rf "$out" && mkdir -p "$out"
cd "$out"
apt-get source --download-only "libthai=$LIBTHAI-1" "libdatrie=$LIBDATRIE-2" >apt-source.log 2>&1 || true
for package in "libthai $LIBTHAI" "libdatrie $LIBDATRIE"; do
  read -r name version <<<"$package"
  tarball=${name}_${version}.orig.tar.xz
  expected=$(apt-cache showsrc "$name" | awk -v t="$tarball" '/^Checksums-Sha256:/{s=1;next} /^[^ ]/{s=0} s && $3==t {print $1; exit}')
  [[ -n "$expected" && -f "$tarball" ]] || { cat apt-source.log >&2; echo "no $tarball from apt-get source" >&2; exit 1; }
  echo "$expected  $tarball" | sha256sum --check --quiet
done
rm -f apt-source.log
cp ../../packaging/thai/dictionary-beside-dll.patch .
