import type { Session } from 'electron';
import type { Logger } from '../logging/logger';
import { isAppUrl } from './app-origin';

type RequestDetails = { requestingUrl?: string; isMainFrame?: boolean; mediaTypes?: Array<'video' | 'audio'>; securityOrigin?: string };

/**
 * Grants only camera and microphone ("media"), and only to the app's own main frame; everything else
 * (geolocation, notifications, HID/serial from the page, clipboard, ...) is refused. The devices are driven by the
 * main process, never by the page.
 */
export function mayGrant(permission: string, details: RequestDetails): boolean {
  if (permission !== 'media') return false;
  if (!isAppUrl(details.requestingUrl ?? details.securityOrigin)) return false;
  if (details.isMainFrame === false) return false;
  return (details.mediaTypes ?? []).every((t) => t === 'video' || t === 'audio');
}

export function installPermissionHandlers(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = mayGrant(permission, details as RequestDetails);
    if (!granted) log.warn({ permission, url: (details as RequestDetails).requestingUrl?.slice(0, 200) }, 'permission refused');
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    mayGrant(permission, { requestingUrl: requestingOrigin, isMainFrame: details.isMainFrame, mediaTypes: details.mediaType === 'video' || details.mediaType === 'audio' ? [details.mediaType] : [] }),
  );
  // The page may not ask for USB, HID or serial devices itself.
  session.setDevicePermissionHandler(() => false);
}
