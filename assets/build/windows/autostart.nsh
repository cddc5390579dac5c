; Start the kiosk at logon on kiosk machines (all users), and remove that on uninstall.
!macro customInstall
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "VillageKiosk" '"$INSTDIR\VillageKiosk.exe" --config "$APPDATA\village-kiosk\site.json"'
!macroend
!macro customUnInstall
  DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "VillageKiosk"
!macroend
