/**
 * The browser host answers Chromium's launch URL (`/?code=...`, a one-time code) with the page itself, and the code is
 * spent by the time the page runs (browser-host/server.ts). Taken out of the address here, by the page's first script
 * (first-taps.ts, before any other script), so a reload (the waiting screen's, a technician's F5) asks for `/` with
 * the session cookie instead of the spent code, which would be refused. The page takes no query of its own. Only
 * that script may import this (it must build to a plain script).
 */
export function forgetLaunchCode(location: Location, history: History): void {
  if (location.search === '') return;
  history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
}
