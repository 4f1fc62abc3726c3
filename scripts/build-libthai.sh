#!/usr/bin/env bash
# libthai for the apps to carry: libthai 0.1.29 + libdatrie 0.2.13 (Debian's sources, LGPL-2.1)
# built into one library from exactly the sources shipped beside it, with one patch
# (packaging/thai/dictionary-beside-dll.patch: on Windows the dictionary is read from the DLL's own
# folder by wide path). Beside it thbrk.tri (Debian's libthai-data of the same version, made from
# the word lists in those sources), the sources, the patch and the licence. Qt breaks Thai lines
# only through it.
#   scripts/build-libthai.sh windows  → build/thai/thai.dll         (mingw-w64, 64-bit)
#   scripts/build-libthai.sh linux    → build/thai-linux/libthai.so.0 (gcc, the bundle's)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
target=${1:?windows or linux}
LIBTHAI=0.1.29
LIBDATRIE=0.2.13
case $target in
  windows) out=$repo/build/thai; CC=x86_64-w64-mingw32-gcc; library=thai.dll
           scripts/install-windows-build-deps.sh ;;
  linux)   out=$repo/build/thai-linux; CC=gcc; library=libthai.so.0
           scripts/install-windows-build-deps.sh --bundle ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
work=$repo/build/thai-work-$target
rm -rf "$work" "$out"
mkdir -p "$work" "$out/sources"

scripts/fetch-thai-sources.sh
cp build/thai-sources/* "$out/sources/"
cd "$work"
tar xf "$repo/build/thai-sources/libthai_$LIBTHAI.orig.tar.xz"
tar xf "$repo/build/thai-sources/libdatrie_$LIBDATRIE.orig.tar.xz"
patch -d "libthai-$LIBTHAI" -p1 --quiet < "$repo/packaging/thai/dictionary-beside-dll.patch"

# One library: libdatrie linked in, exporting libthai's API. No default dictionary folder: the
# dictionary is the one beside the library on Windows, or where LIBTHAI_DICTDIR points.
mkdir -p include/thai
cp "libthai-$LIBTHAI"/include/thai/*.h include/thai/
sources=("libdatrie-$LIBDATRIE"/datrie/*.c "libthai-$LIBTHAI"/src/libthai.c "libthai-$LIBTHAI"/src/th*/*.c)
flags=(-shared -O2 -I include -I "libdatrie-$LIBDATRIE" -I "libthai-$LIBTHAI/src"
       -DDICT_DIR='"/libthai-dictionary-is-beside-the-library"')
if [[ $target == windows ]]; then
  { echo "LIBRARY thai.dll"; echo "EXPORTS"; cat "libthai-$LIBTHAI/src/libthai.def"; } > thai.def
  nice -n 10 $CC "${flags[@]}" -o "$out/$library" "${sources[@]}" thai.def -static-libgcc -Wl,--no-insert-timestamp
  x86_64-w64-mingw32-strip "$out/$library"
else
  # libthai's own version script: only its API is exported; -Bsymbolic keeps its calls to the
  # datrie inside it, whatever else the process loads.
  nice -n 10 $CC "${flags[@]}" -fPIC -o "$out/$library" "${sources[@]}" -Wl,-soname,libthai.so.0 \
    -Wl,-Bsymbolic -Wl,--version-script="libthai-$LIBTHAI/src/libthai.map"
  strip --strip-unneeded "$out/$library"
fi

cp /usr/share/libthai/thbrk.tri "$out/thbrk.tri"
cp "libthai-$LIBTHAI/COPYING" "$out/COPYING"
cat > "$out/README.txt" <<TXT
$library: libthai $LIBTHAI with libdatrie $LIBDATRIE linked in (GNU LGPL 2.1 or later, see COPYING),
built by ITA Desktop's scripts/build-libthai.sh from the sources in sources/ with one change,
sources/dictionary-beside-dll.patch: on Windows the dictionary thbrk.tri is read from the DLL's own
folder by its wide path. thbrk.tri is Debian's libthai-data $LIBTHAI (built from the word lists in
the libthai sources). To use a changed libthai, build it from these sources and put it in place of
$library beside the program's Qt libraries (Windows) or in _internal/libthai (Linux).
TXT
echo "built $out/$library ($(stat -c %s "$out/$library") bytes)"
