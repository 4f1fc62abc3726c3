#!/usr/bin/env bash
# thai.dll for Windows: libthai 0.1.29 + libdatrie 0.2.13 (Debian's sources, LGPL-2.1) cross-built
# with mingw-w64 into one 64-bit DLL, patched to read its dictionary from its own folder by wide
# path (packaging/thai/dictionary-beside-dll.patch); beside it thbrk.tri (Debian's libthai-data of
# the same version), the sources, the patch and the licence. Qt breaks Thai lines only through it.
# Output: build/thai/ (thai.dll, thbrk.tri, COPYING, sources/).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=$repo/build/thai
work=$repo/build/thai-work
LIBTHAI=0.1.29
LIBDATRIE=0.2.13
CC=x86_64-w64-mingw32-gcc

scripts/install-windows-build-deps.sh
rm -rf "$work" "$out"
mkdir -p "$work" "$out/sources"

scripts/fetch-thai-sources.sh
cp build/thai-sources/* "$out/sources/"
cd "$work"
tar xf "$repo/build/thai-sources/libthai_$LIBTHAI.orig.tar.xz"
tar xf "$repo/build/thai-sources/libdatrie_$LIBDATRIE.orig.tar.xz"

patch -d "libthai-$LIBTHAI" -p1 --quiet < "$repo/packaging/thai/dictionary-beside-dll.patch"

# One DLL: libdatrie linked in, libgcc static, exports exactly libthai's (its .def file). No
# default dictionary folder: the dictionary is the one beside the DLL (or in LIBTHAI_DICTDIR).
mkdir -p include/thai
cp "libthai-$LIBTHAI"/include/thai/*.h include/thai/
datrie_sources=("libdatrie-$LIBDATRIE"/datrie/*.c)
thai_sources=("libthai-$LIBTHAI"/src/libthai.c "libthai-$LIBTHAI"/src/th*/*.c)
{ echo "LIBRARY thai.dll"; echo "EXPORTS"; cat "libthai-$LIBTHAI/src/libthai.def"; } > thai.def
nice -n 10 $CC -shared -O2 -o "$out/thai.dll" \
  -I include -I "libdatrie-$LIBDATRIE" -I "libthai-$LIBTHAI/src" \
  -DDICT_DIR='"C:/libthai-dictionary-is-beside-thai.dll"' \
  "${datrie_sources[@]}" "${thai_sources[@]}" thai.def \
  -static-libgcc -Wl,--no-insert-timestamp
x86_64-w64-mingw32-strip "$out/thai.dll"

cp /usr/share/libthai/thbrk.tri "$out/thbrk.tri"
cp "libthai-$LIBTHAI/COPYING" "$out/COPYING"
cat > "$out/README.txt" <<TXT
thai.dll: libthai $LIBTHAI with libdatrie $LIBDATRIE linked in (GNU LGPL 2.1 or later, see COPYING),
cross-built with mingw-w64 by ITA Desktop's scripts/build-thai-dll.sh from the sources in sources/
with one change, sources/dictionary-beside-dll.patch: on Windows the dictionary thbrk.tri is read
from the DLL's own folder by its wide path. thbrk.tri is Debian's libthai-data $LIBTHAI (built from
the word lists in the libthai sources). To rebuild the DLL, or link the app with a changed one, run
that script or replace thai.dll beside Qt6Core.dll.
TXT
echo "built $out/thai.dll ($(stat -c %s "$out/thai.dll") bytes)"
