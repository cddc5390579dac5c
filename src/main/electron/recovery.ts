import type { BrowserWindow } from 'electron';
import type { Logger } from '../logging/logger';
import { APP_START_URL } from './app-origin';

/** How long a hung renderer gets before it is reloaded. */
export const UNRESPONSIVE_GRACE_MS = 10_000;

/**
 * A renderer that crashed or hangs is reloaded to the attract screen (which starts with no resident data),
 * and the event is logged for the technician. The core keeps running; nothing submitted is lost.
 */
export function installRecovery(window: BrowserWindow, log: Logger): void {
  const contents = window.webContents;
  let hangTimer: NodeJS.Timeout | undefined;
  const reload = (why: string) => {
    log.error({ why }, 'reloading the kiosk page');
    if (!window.isDestroyed()) void window.loadURL(APP_START_URL);
  };
  contents.on('render-process-gone', (_event, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer process gone');
    if (details.reason !== 'clean-exit') reload(`render-process-gone:${details.reason}`);
  });
  window.on('unresponsive', () => {
    log.warn('renderer unresponsive');
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      contents.forcefullyCrashRenderer();
      reload('unresponsive');
    }, UNRESPONSIVE_GRACE_MS);
  });
  window.on('responsive', () => {
    clearTimeout(hangTimer);
    log.info('renderer responsive again');
  });
}
