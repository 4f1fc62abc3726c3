; ITA Desktop installer (NSIS 3): for the signed-in user only, no administrator rights needed.
; Start menu and desktop shortcuts, the .ita file type with its icon, and an uninstaller that
; removes only what was installed: the clerk's reports and backups are never touched.
;
;   makensis /DPAYLOAD=<folder of ita-desktop.exe> /DVERSION=0.1.0 /DOUTFILE=<setup.exe> installer.nsi
;
; Built by build-windows.bat on the offline PC, and by scripts/windows-check.sh over a stand-in.
Unicode true
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "build\dist\ita-desktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "ITA-Desktop-${VERSION}-setup.exe"
!endif
; 64-bit installer where this NSIS has the stubs for it (Debian's does); the kit's own makensis
; has only 32-bit ones, which install the same 64-bit program just as well.
!if /FileExists "${NSISDIR}\Stubs\zlib-amd64-unicode"
  Target amd64-unicode
!endif

!define APP_NAME "ITA Desktop"
!define PROG_ID "ITADesktop.Report"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ITADesktop"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "Software\${APP_NAME}" "InstallDir"
SetCompressor /SOLID lzma
ManifestDPIAware true

!include "MUI2.nsh"
!define MUI_ICON "icons\ita-desktop.ico"
!define MUI_UNICON "icons\ita-desktop.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\ita-desktop.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Thai"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT licence; see licences in the program folder"

Section "ITA Desktop"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An older version's program files go first; nothing else in the folder is touched.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  File "icons\ita-report.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APP_NAME}" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\ita-desktop.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\ita-desktop.exe"

  ; The .ita file type, for this user: double-click opens the report, with the report icon.
  WriteRegStr HKCU "Software\Classes\.ita" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "ITA report"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\ita-report.ico"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\ita-desktop.exe" "%1"'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\ita-desktop.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; file types changed
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Only the program's own files: reports (.ita) and their backups (in the user's AppData)
  ; stay wherever they are, even inside the program folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ita-desktop.exe"
  Delete "$INSTDIR\ita-desktop-cli.exe"
  Delete "$INSTDIR\ita-report.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when nothing else is left in it

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  ReadRegStr $0 HKCU "Software\Classes\.ita" ""
  StrCmp $0 "${PROG_ID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.ita"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_NAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
