; Otklik's additions to electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; Saved as UTF-8 with BOM: makensis reads a BOM-less file in the ANSI code page and would garble Cyrillic.

; Per-user only. Office workstations give no administrator rights, so the installer never offers
; "for all users" (that page would ask for elevation); it installs into %LOCALAPPDATA%\Programs\Otklik
; or a folder the user picks (allowToChangeInstallationDirectory).
!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
!macroend

; The uninstaller keeps the user's data (%APPDATA%\Otklik: the database, its backups, settings) unless
; asked: this adds an unchecked component «Delete my data» to the uninstaller's components page.
; Updates run the old uninstaller silently with --updated: then the section is never selected, and the
; isUpdated check below keeps the data even so. `Uninstall Otklik.exe --delete-app-data` (the flag
; electron-builder's uninstaller understands) removes the same folder without the page.
LangString otklikDeleteData 1049 "Удалить мои данные (базу упоминаний, резервные копии и настройки)"
LangString otklikDeleteData 1033 "Delete my data (the mentions database, its backups and settings)"

!macro customUnInstallSection
  Section /o "un.$(otklikDeleteData)" otklikDeleteDataSection
    ${ifNot} ${isUpdated}
      SetShellVarContext current
      RMDir /r "$APPDATA\${APP_FILENAME}"
      !ifdef APP_PACKAGE_NAME
        RMDir /r "$APPDATA\${APP_PACKAGE_NAME}"
      !endif
    ${endIf}
  SectionEnd
!macroend
