#!/bin/sh
# deb removal: stop autostarting; the site config and the data dir are left for the technician to archive.
rm -f /etc/xdg/autostart/village-kiosk.desktop
exit 0
