@echo off
rem Build ITA Desktop and its installer on an offline Windows PC, from this kit alone.
rem Needs Python 3.11 or 3.12 (64-bit) installed, e.g. from the python.org installer on a USB stick.
rem Result: dist\ITA-Desktop-<version>-setup.exe (and the program folder dist\ita-desktop).
setlocal EnableExtensions
cd /d "%~dp0"
set "KIT=%~dp0"
set "KIT=%KIT:~0,-1%"

call :find_python
if not defined PY (
  echo Python 3.11 or 3.12, 64-bit, is needed: install it first ^(python.org installer^).
  exit /b 1
)
echo Using %PY%

if exist build rmdir /s /q build
%PY% -m venv build\venv || goto failed
rem Everything comes from wheels\ in this kit: no network is used.
build\venv\Scripts\python -m pip install --no-index --find-links "%KIT%\wheels" ita-desktop pyinstaller || goto failed

set "ITA_THAI_DIR=%KIT%\thai"
set "ITA_LICENCES_DIR=%KIT%\licences"
set "ITA_ICON=%KIT%\icons\ita-desktop.ico"
set "ITA_VERSION_FILE=%KIT%\version_info.txt"
build\venv\Scripts\pyinstaller --noconfirm --clean --distpath "%KIT%\dist" --workpath "%KIT%\build\pyinstaller" "%KIT%\pyinstaller\ita-desktop.spec" || goto failed

rem A quick look that the program starts and prints: the console program renders the sample.
"%KIT%\dist\ita-desktop\ita-desktop-cli.exe" render --demo -o "%KIT%\build\sample.pdf" || goto failed

for /f "usebackq delims=" %%v in ("%KIT%\VERSION") do set "VERSION=%%v"
"%KIT%\nsis\bin\makensis.exe" /V2 /DPAYLOAD="%KIT%\dist\ita-desktop" /DVERSION=%VERSION% /DOUTFILE="%KIT%\dist\ITA-Desktop-%VERSION%-setup.exe" "%KIT%\installer.nsi" || goto failed

echo.
echo Done: %KIT%\dist\ITA-Desktop-%VERSION%-setup.exe
echo Install it on each PC by double-clicking it (no administrator rights needed).
exit /b 0

:failed
echo.
echo The build stopped with an error (see above).
exit /b 1

:find_python
rem The py launcher's 3.12 or 3.11, else python on PATH if it is one of them (64-bit).
set "PY="
py -3.12 -c "import struct, sys; sys.exit(struct.calcsize('P') != 8)" >nul 2>&1
if not errorlevel 1 (set "PY=py -3.12" & goto :eof)
py -3.11 -c "import struct, sys; sys.exit(struct.calcsize('P') != 8)" >nul 2>&1
if not errorlevel 1 (set "PY=py -3.11" & goto :eof)
python -c "import struct, sys; sys.exit(sys.version_info[:2] not in ((3, 11), (3, 12)) or struct.calcsize('P') != 8)" >nul 2>&1
if not errorlevel 1 set "PY=python"
goto :eof
