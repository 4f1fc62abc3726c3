#!/usr/bin/env bash
# make windows-check: what can be proven here about the Windows kit, under wine64.
#  1. The real Qt6Core.dll of the kit's PySide6 wheel, driven by a small mingw-built harness, finds
#     the Thai line breaks Linux Qt finds, with the kit's thai.dll loaded from a folder with a Thai
#     name; none without thai.dll; none with thai.dll but no dictionary beside it.
#  2. makensis (Debian's NSIS, 64-bit stubs) builds the kit's installer.nsi over a stand-in payload,
#     and wine64 installs it silently for the user, then uninstalls it, leaving the clerk's reports.
#     (The kit's own makensis.exe is 32-bit and cannot run in wine64: its files are checked.)
#  3. build-windows.bat parses in cmd.exe and, with no Python on the PC, says so and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
PY=${PY:-.venv/bin/python}
kit=$repo/dist/windows-kit
work=$repo/build/windows-check
MINGW=x86_64-w64-mingw32

scripts/install-windows-build-deps.sh
[[ -f $kit/thai/thai.dll ]] || { echo "no kit: run make windows-kit first" >&2; exit 1; }
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver64)
# wine links the prefix's Desktop and Documents to $HOME: a scratch home keeps the installer and
# the stand-in reports out of the real one (and two checks running at once apart).
export HOME=$work/home WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko prompts, and no Linux menu entries or file types made from the test install.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
fail() { echo "windows-check: FAILED: $*" >&2; exit 1; }
winpath() { printf 'Z:%s' "${1//\//\\}"; }  # wine maps / to drive Z:

find "$work" -mindepth 1 -maxdepth 1 ! -name prefix ! -name home -exec rm -rf {} + 2>/dev/null || true
desktop=$WINEPREFIX/drive_c/users/$(id -un)/Desktop
if [[ -L $desktop && $(readlink -f "$desktop") != "$HOME"* ]]; then
  rm -rf "$WINEPREFIX"  # made with another HOME: its Desktop is someone's real one
fi
mkdir -p "$work" "$HOME"
if [[ ! -f $WINEPREFIX/system.reg ]]; then
  echo "creating the wine prefix (once)"
  nice -n 10 "$wine" wineboot -i >"$work/wineboot.log" 2>&1 || true
  "$wineserver" -w
fi

# --- 1. Thai line breaks in the real Windows Qt ------------------------------------------------
qt="$work/คิวที ๖"
mkdir -p "$qt"
unzip -j -q "$(ls "$kit"/wheels/pyside6_essentials-*win_amd64.whl | head -1)" \
  'PySide6/Qt6Core.dll' 'PySide6/msvcp140*.dll' 'PySide6/vcruntime140*.dll' -d "$qt"
# Qt6Core imports ICU's converters from Windows' own icuuc.dll, which wine lacks: a stand-in,
# built from Qt6Core's own import table, for this check only (line breaking never calls them).
{
  echo '/* Stand-in icuuc.dll for windows-check only: never shipped. */'
  "$MINGW-objdump" -p "$qt/Qt6Core.dll" |
    awk '/DLL Name: icuuc.dll/{f=1;next} /DLL Name:/{f=0} f && NF==3 && $3 ~ /^[A-Za-z_]/ {
           print "__declspec(dllexport) void *" $3 "(void) { return 0; }" }'
} > "$work/icuuc_stand_in.c"
"$MINGW-gcc" -shared -O2 -o "$qt/icuuc.dll" "$work/icuuc_stand_in.c"
"$MINGW-gcc" -municode -O2 -Wall -o "$qt/thai_breaks.exe" packaging/windows-check/thai_breaks.c

with_dll="$work/โปรแกรม ไอทีเอ"
no_dictionary="$work/ไม่มีพจนานุกรม"
mkdir -p "$with_dll" "$no_dictionary"
cp "$kit/thai/thai.dll" "$kit/thai/thbrk.tri" "$with_dll/"
cp "$kit/thai/thai.dll" "$no_dictionary/"

breaks() {  # breaks NAME [THAI.DLL]: the harness's answer, in $work/NAME.txt
  local name=$1 args="$work/$1.args"
  { winpath "$qt"; echo; winpath "$work/$name.txt"; echo; [[ -n ${2:-} ]] && winpath "$2" && echo; } > "$args"
  (cd "$qt" && "$wine" ./thai_breaks.exe "$(winpath "$args")") || fail "the harness failed ($name)"
  [[ -f $work/$name.txt ]] || fail "the harness wrote nothing ($name)"
}
breaks without
breaks with "$with_dll/thai.dll"
breaks no-dictionary "$no_dictionary/thai.dll"
"$PY" packaging/windows-check/expected_breaks.py > "$work/linux.txt"
echo "Linux Qt + Debian libthai:        $(head -1 "$work/linux.txt")"
echo "Windows Qt6Core + kit's thai.dll: $(head -1 "$work/with.txt")"
cmp -s "$work/with.txt" "$work/linux.txt" || fail "the Windows Qt with thai.dll breaks differently from Linux"
[[ $(tail -1 "$work/with.txt") -ge 5 ]] || fail "too few breaks with thai.dll"
[[ $(tail -1 "$work/without.txt") == 0 ]] || fail "breaks found without thai.dll: the check proves nothing"
[[ $(tail -1 "$work/no-dictionary.txt") == 0 ]] || fail "breaks found without the dictionary beside thai.dll"
echo "without thai.dll: $(tail -1 "$work/without.txt") breaks; thai.dll without its dictionary: $(tail -1 "$work/no-dictionary.txt")"

# --- 2. The installer ----------------------------------------------------------------------------
payload=$work/payload
mkdir -p "$payload/_internal"
echo 'int main(void) { return 0; }' > "$work/stand_in.c"
"$MINGW-gcc" -O2 -o "$payload/ita-desktop.exe" "$work/stand_in.c"
cp "$payload/ita-desktop.exe" "$payload/ita-desktop-cli.exe"
echo "stand-in for the PyInstaller folder" > "$payload/_internal/base_library.txt"
version=$(tr -d '\r' < "$kit/VERSION")
setup=$work/ITA-Desktop-$version-setup.exe
makensis -V2 "-DPAYLOAD=$payload" "-DVERSION=$version" "-DOUTFILE=$setup" "$kit/installer.nsi"
[[ -f $setup ]] || fail "makensis made no installer"
file "$setup" | grep -q 'PE32+ executable.*x86-64' || fail "the installer is not a 64-bit program"
echo "makensis (Debian, 64-bit stubs): $(basename "$setup"), $(stat -c %s "$setup") bytes"
# The kit's own makensis.exe is a 32-bit program, which wine64 cannot run: what it needs to build
# this script (the stubs and plugins it targets, the Modern UI, Thai) is checked instead.
for file in Stubs/lzma_solid-x86-unicode Stubs/uninst Plugins/x86-unicode/System.dll Include/MUI2.nsh \
            "Contrib/Language files/Thai.nlf" "Contrib/Language files/English.nlf" "Contrib/Modern UI 2/MUI2.nsh"; do
  [[ -f "$kit/nsis/$file" ]] || fail "the kit's NSIS lacks $file"
done
echo "the kit's NSIS ($(basename "$(ls -d "$kit"/nsis/bin)")/makensis.exe) has the stubs, plugins and languages installer.nsi uses"

user_dir=$WINEPREFIX/drive_c/users/$(id -un)
install_dir="$user_dir/AppData/Local/Programs/ITA Desktop"
rm -rf "$install_dir"
"$wine" "$setup" /S
"$wineserver" -w
for file in ita-desktop.exe ita-desktop-cli.exe _internal/base_library.txt ita-report.ico uninstall.exe; do
  [[ -f "$install_dir/$file" ]] || fail "not installed: $file"
done
[[ -f "$user_dir/Desktop/ITA Desktop.lnk" ]] || fail "no desktop shortcut"
[[ -f "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/ITA Desktop.lnk" ]] || fail "no Start menu shortcut"
"$wine" reg query 'HKCU\Software\Classes\.ita' | grep -q ITADesktop.Report || fail ".ita is not registered"
"$wine" reg query 'HKCU\Software\Classes\ITADesktop.Report\shell\open\command' | grep -q 'ita-desktop.exe' \
  || fail "no open command for .ita"
"$wine" reg query 'HKCU\Software\Classes\ITADesktop.Report\DefaultIcon' | grep -q 'ita-report.ico' || fail "no .ita icon"
echo "installed silently for the user (no admin): files, shortcuts, .ita type with icon and open command"

# The clerk keeps a report in the program folder and one in Documents: both must survive.
echo "report" > "$install_dir/รายงานของฉัน.ita"
mkdir -p "$user_dir/Documents" && echo "report" > "$user_dir/Documents/รายงาน 2568.ita"
"$wine" "$install_dir/uninstall.exe" /S
"$wineserver" -w
for file in ita-desktop.exe ita-desktop-cli.exe _internal uninstall.exe ita-report.ico; do
  [[ ! -e "$install_dir/$file" ]] || fail "left after uninstalling: $file"
done
[[ -f "$install_dir/รายงานของฉัน.ita" && -f "$user_dir/Documents/รายงาน 2568.ita" ]] || fail "the uninstaller removed a report"
[[ ! -e "$user_dir/Desktop/ITA Desktop.lnk" ]] || fail "desktop shortcut left"
if "$wine" reg query 'HKCU\Software\Classes\.ita' >/dev/null 2>&1; then fail ".ita still registered"; fi
if "$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ITADesktop' >/dev/null 2>&1; then
  fail "still listed in Apps"
fi
echo "uninstalled silently: program files, shortcuts and registry entries gone; the clerk's reports kept"
# --- 3. build-windows.bat, as cmd.exe reads it, on a PC without Python: a clear message, no build.
answer=$(cd "$kit" && "$wine" cmd /c build-windows.bat 2>&1) && fail "build-windows.bat went on without Python"
grep -q "Python 3.11 or 3.12, 64-bit, is needed" <<<"$answer" || fail "build-windows.bat said: $answer"
[[ ! -d $kit/build ]] || fail "build-windows.bat started building without Python"
echo "build-windows.bat under wine's cmd.exe, no Python installed: stops with 'Python 3.11 or 3.12, 64-bit, is needed'"
echo "windows-check: all checks passed"
