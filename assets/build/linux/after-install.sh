#!/bin/sh
# deb post-install: start the kiosk at every graphical login (kiosk machines log in a dedicated user automatically).
set -e
mkdir -p /etc/xdg/autostart
cat > /etc/xdg/autostart/village-kiosk.desktop <<'DESKTOP'
[Desktop Entry]
Type=Application
Name=VillageKiosk
Exec=/opt/VillageKiosk/village-kiosk --config /etc/village-kiosk/site.json
X-GNOME-Autostart-enabled=true
NoDisplay=true
DESKTOP
mkdir -p /etc/village-kiosk
# The serial card readers need the dialout group; udev rules for the HID devices go with the device models.
exit 0
