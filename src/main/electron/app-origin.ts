/**
 * The kiosk page is served from a privileged custom scheme (app://kiosk/...), not file://, so it has a real
 * origin that the IPC sender check, the permission handler and the CSP can name exactly.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of the app's own origin (parsed, never a prefix comparison that "app://kiosk.evil" passes). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
