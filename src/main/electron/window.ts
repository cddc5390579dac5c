import { BrowserWindow, type WebContents } from 'electron';
import type { Logger } from '../logging/logger';
import { isAppUrl } from './app-origin';

/**
 * The one kiosk window, with its settings in one place (tests and the static security scan read them here, so
 * they stay a literal): full-screen kiosk, the renderer isolated and sandboxed with no Node, web security on,
 * and nothing that lets a page reach beyond itself.
 */
export function createKioskWindow(preloadPath: string, options: { kiosk: boolean }): BrowserWindow {
  return new BrowserWindow({
    show: false,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would open links in new windows; the kiosk has no use for it.
      disableBlinkFeatures: 'Auxclick',
      devTools: !options.kiosk,
      // V8 keeps the compiled modules from the first start (Chromium's default waits for a script's third load): the
      // kiosk restarts every morning on the same build, so from the second start it skips most of compiling its
      // ~550 kB of scripts (docs/architecture.md, "Start-up"). The app:// scheme allows it (`codeCache` in protocol.ts).
      v8CacheOptions: 'bypassHeatCheck',
    },
  });
}

/**
 * Window lockdown: navigation away from the app is cancelled, new windows are always denied, webviews cannot be
 * attached. A kiosk page that tried any of these is logged (it should never happen).
 */
export function lockDownWebContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn({ url: url.slice(0, 200) }, 'navigation blocked');
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn({ url: url.slice(0, 200) }, 'redirect blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn({ url: url.slice(0, 200) }, 'new window blocked');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
}
