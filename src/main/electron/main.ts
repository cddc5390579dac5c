/**
 * The Electron main process: single instance, one locked-down kiosk window on app://kiosk, the core behind
 * one IPC channel. All kiosk logic lives in the core (src/main); this file only wires Electron to it.
 */
import path from 'node:path';
import { app, ipcMain, protocol, safeStorage, session } from 'electron';
import { demoSiteConfig, loadSiteConfigFile, SiteConfigError } from '../config/load-site-config';
import { createKioskCore, type KioskCore } from '../core';
import { createLogger } from '../logging/logger';
import { appVersion, rendererDir } from '../paths';
import { coreSiteInfo, DEFAULT_FIRST_SCREENS_BUNDLE, firstScreensPage } from '../page/first-screens-page';
import { APP_START_URL } from './app-origin';
import { registerIpc } from './ipc';
import { installPermissionHandlers } from './permissions';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './protocol';
import { installRecovery } from './recovery';
import { createKioskWindow, lockDownWebContents } from './window';
import { parseShellArgs } from './shell-args';
import { SafeStorageKeyKeeper } from './safe-storage-key-keeper';
import { ElectronHostPrinter } from './electron-host-printer';
import type { KeyKeeper } from '../crypto/key-keeper';

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // Another kiosk is already running on this machine: it owns the devices and the database.
  app.quit();
} else {
  void start().catch((error: unknown) => {
    console.error(`kiosk failed to start: ${(error as Error).message}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const args = parseShellArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  const dataDir = args.dataDir ?? app.getPath('userData');
  let config;
  try {
    config = args.config ? loadSiteConfigFile(args.config) : demoSiteConfig();
  } catch (error) {
    if (error instanceof SiteConfigError) {
      console.error(`kiosk cannot start: ${error.message}`);
      app.exit(1);
      return;
    }
    throw error;
  }

  await app.whenReady();
  const log = await createLogger({ dir: path.join(dataDir, 'logs') });
  let keyKeeper: KeyKeeper | undefined;
  try {
    keyKeeper = new SafeStorageKeyKeeper(safeStorage);
  } catch (error) {
    log.warn({ reason: (error as Error).message }, 'no usable OS secret store: the data key is kept in a 0600 key file');
  }
  const core: KioskCore = await createKioskCore({
    config,
    dataDir,
    ...(args.config ? { configFile: path.resolve(args.config) } : {}),
    simulate: args.simulate || !args.config,
    log,
    appVersion: appVersion(),
    keyKeeper,
    // CUPS lp where the OS has it (Linux village PCs); Chromium's own print path on Windows.
    hostPrinter: process.platform === 'win32' ? new ElectronHostPrinter() : undefined,
  });

  installPermissionHandlers(session.defaultSession, log);
  const page = firstScreensPage({ rendererDir: rendererDir(), bundleFile: DEFAULT_FIRST_SCREENS_BUNDLE, siteInfo: coreSiteInfo(core), log });
  serveRenderer(protocol, rendererDir(), page);
  // The first screens' bundle loads while Electron starts the window's renderer process, not after the page asks.
  void page.warm();
  const ipc = registerIpc(core, ipcMain);

  // No page may create a second window or navigate away, whatever webContents it is.
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, log));

  const window = createKioskWindow(path.join(__dirname, 'preload.js'), { kiosk: !args.windowed });
  ipc.attach(window.webContents);
  installRecovery(window, log);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_START_URL);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void core.close());
  log.info({ version: appVersion() }, 'kiosk started (electron)');
}
