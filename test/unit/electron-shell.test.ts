import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as electron from '../support/electron-mock';
import { BrowserWindow, FakeWebContents, recorded, resetElectronMock } from '../support/electron-mock';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { createKioskWindow, lockDownWebContents } from '../../src/main/electron/window';
import { mayGrant } from '../../src/main/electron/permissions';
import { resolveAppFile, serveRenderer } from '../../src/main/electron/protocol';
import type { FirstScreensPage } from '../../src/main/page/first-screens-page';
import { INDEX_HTML, writeFirstScreensBundle } from '../support/first-screens-bundle';
import { isAppUrl } from '../../src/main/electron/app-origin';
import { INVOKE_CHANNEL, isTrustedSender, registerIpc } from '../../src/main/electron/ipc';
import { parseShellArgs } from '../../src/main/electron/shell-args';
import { startTestCore } from '../support/core-harness';

beforeEach(() => resetElectronMock());

describe('kiosk window settings', () => {
  const options = () => (createKioskWindow('/app/preload.js', { kiosk: true }) as unknown as BrowserWindow).options;
  it('isolates and sandboxes the renderer with no Node and web security on', () => {
    expect(options().webPreferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });
  it('keeps compiled scripts from the first start, so the next morning starts warm', () => {
    expect(options().webPreferences).toMatchObject({ v8CacheOptions: 'bypassHeatCheck' });
  });
  it('is a full-screen kiosk window', () => {
    expect(options()).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
  });
});

describe('window lockdown', () => {
  const { logger } = createMemoryLogger();
  function lockedContents() {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as never, logger);
    return contents;
  }
  it('cancels navigation away from the app and allows the app itself', () => {
    const contents = lockedContents();
    const away = { preventDefault: jest.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const lookalike = { preventDefault: jest.fn() };
    contents.emit('will-navigate', lookalike, 'app://kiosk.evil/index.html');
    expect(lookalike.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: jest.fn() };
    contents.emit('will-navigate', home, 'app://kiosk/index.html');
    expect(home.preventDefault).not.toHaveBeenCalled();
  });
  it('denies every new window and webview', () => {
    const contents = lockedContents();
    expect(contents.windowOpenHandler!({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const attach = { preventDefault: jest.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('grants camera and microphone to the app main frame only', () => {
    expect(mayGrant('media', { requestingUrl: 'app://kiosk/index.html', isMainFrame: true, mediaTypes: ['video'] })).toBe(true);
    expect(mayGrant('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    expect(mayGrant('media', { requestingUrl: 'app://kiosk/index.html', isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
  });
  it('refuses every other permission', () => {
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'display-capture']) {
      expect(mayGrant(p, { requestingUrl: 'app://kiosk/index.html', isMainFrame: true })).toBe(false);
    }
  });
});

describe('app:// protocol', () => {
  it('serves only files inside the renderer folder', () => {
    expect(resolveAppFile('/r', 'app://kiosk/index.html')).toBe('/r/index.html');
    expect(resolveAppFile('/r', 'app://kiosk/')).toBe('/r/index.html');
    expect(resolveAppFile('/r', 'app://kiosk/assets/a.js')).toBe('/r/assets/a.js');
    // The URL parser folds dot segments, so these stay inside the folder...
    expect(resolveAppFile('/r', 'app://kiosk/../etc/passwd')).toBe('/r/etc/passwd');
    expect(resolveAppFile('/r', 'app://kiosk/%2e%2e/%2e%2e/etc/passwd')).toBe('/r/etc/passwd');
    // ...and an encoded slash that would climb out after decoding is refused.
    expect(resolveAppFile('/r', 'app://kiosk/x%2F..%2F..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppFile('/r', 'app://other/index.html')).toBeNull();
  });
  it('recognises the app origin exactly', () => {
    expect(isAppUrl('app://kiosk/x')).toBe(true);
    expect(isAppUrl('app://kiosk.evil/x')).toBe(false);
    expect(isAppUrl('file:///app/kiosk/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('app:// protocol: the page', () => {
  const handler = () => recorded.protocolHandlers.get('app') as (request: { url: string }) => Promise<Response>;
  function servedRenderer(html: FirstScreensPage['html']): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-renderer-'));
    fs.writeFileSync(path.join(root, 'index.html'), INDEX_HTML);
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'export {};\n');
    serveRenderer(electron.protocol as unknown as Parameters<typeof serveRenderer>[0], root, { html });
    return root;
  }

  it('answers index.html (by name or as /) with the page, not the file, with the kiosk CSP', async () => {
    const html = jest.fn(async () => '<!doctype html><div id="root"><main>first</main></div>');
    servedRenderer(html);
    for (const url of ['app://kiosk/index.html', 'app://kiosk/']) {
      const res = await handler()({ url });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await res.text()).toBe('<!doctype html><div id="root"><main>first</main></div>');
    }
    expect(html).toHaveBeenCalledTimes(2);
  });

  it("allows the page's own inline script and style by their hashes, and only on the page", async () => {
    const page = '<!doctype html><html><head><script>window.a = 1;</script><style>body{margin:0}</style></head><body><div id="root"></div></body></html>';
    servedRenderer(async () => page);
    const policy = (await handler()({ url: 'app://kiosk/' })).headers.get('content-security-policy') ?? '';
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(policy).toContain(`script-src 'self' ${sha('window.a = 1;')};`);
    expect(policy).toContain(`style-src 'self' ${sha('body{margin:0}')};`);
    expect(policy).not.toContain('unsafe-inline');
    const file = (await handler()({ url: 'app://kiosk/assets/a.js' })).headers.get('content-security-policy') ?? '';
    expect(file).not.toContain('sha256-');
  });

  it('answers every other file from the folder as built, without asking the page', async () => {
    const html = jest.fn(async () => 'page');
    servedRenderer(html);
    const res = await handler()({ url: 'app://kiosk/assets/a.js' });
    expect(await res.text()).toBe('export {};\n');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler()({ url: 'app://kiosk/assets/none.js' })).status).toBe(404);
    expect((await handler()({ url: 'app://other/index.html' })).status).toBe(404);
    expect(html).not.toHaveBeenCalled();
  });

  it('answers 404 when the page cannot be read (no index.html)', async () => {
    servedRenderer(() => Promise.reject(new Error('ENOENT: index.html')));
    expect((await handler()({ url: 'app://kiosk/index.html' })).status).toBe(404);
  });
});

describe('IPC carrier', () => {
  it('dispatches calls from the app main frame and refuses other senders', async () => {
    const { core } = await startTestCore();
    registerIpc(core, electron.ipcMain as never);
    const handler = recorded.ipcHandlers.get(INVOKE_CHANNEL)!;
    const sender = new FakeWebContents();
    const trusted = { sender, senderFrame: sender.mainFrame };
    await expect(handler(trusted, 'system.ping', {})).resolves.toMatchObject({ result: { uptimeSeconds: expect.any(Number) } });
    await expect(handler(trusted, 'system.info', {})).resolves.toMatchObject({ error: { code: 'forbidden' } });
    await expect(handler(trusted, 42, {})).resolves.toMatchObject({ error: { code: 'invalid_request' } });
    const subframe = { sender, senderFrame: { url: 'app://kiosk/index.html' } };
    await expect(handler(subframe, 'system.ping', {})).resolves.toMatchObject({ error: { code: 'unauthenticated' } });
    const elsewhere = new FakeWebContents();
    elsewhere.mainFrame = { url: 'https://evil.example/' };
    expect(isTrustedSender({ sender: elsewhere, senderFrame: elsewhere.mainFrame } as never)).toBe(false);
    await core.close();
  });

  it('forwards core events to attached windows', async () => {
    const { core } = await startTestCore();
    const ipc = registerIpc(core, electron.ipcMain as never);
    const contents = new FakeWebContents();
    ipc.attach(contents as never);
    core.events.emit('help.requested', { callId: 'call-1', at: '2026-11-29T10:00:00.000Z', screen: 'home' });
    expect(contents.sent).toEqual([['kiosk:event', 'help.requested', { callId: 'call-1', at: '2026-11-29T10:00:00.000Z', screen: 'home' }]]);
    await core.close();
  });
});

describe('preload', () => {
  it('exposes only invoke and on, over the fixed channels', async () => {
    jest.isolateModules(() => {
      require('../../src/main/electron/preload');
    });
    const api = recorded.exposed.get('kiosk') as { invoke: (m: string, p: unknown) => Promise<unknown>; on: (l: (e: string, d: unknown) => void) => () => void };
    expect([...recorded.exposed.keys()]).toEqual(['kiosk']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    await api.invoke('site.info', {});
    expect(electron.ipcRenderer.invocations).toEqual([['kiosk:invoke', 'site.info', {}]]);
    const seen: unknown[] = [];
    const off = api.on((event, data) => seen.push([event, data]));
    electron.ipcRenderer.emit('kiosk:event', {}, 'card.inserted', { deviceId: 'x', kind: 'idCard' });
    off();
    electron.ipcRenderer.emit('kiosk:event', {}, 'card.removed', { deviceId: 'x', kind: 'idCard' });
    expect(seen).toEqual([['card.inserted', { deviceId: 'x', kind: 'idCard' }]]);
  });
});

describe('main process', () => {
  it('quits when another kiosk instance holds the lock', () => {
    recorded.singleInstanceLock = false;
    jest.isolateModules(() => {
      require('../../src/main/electron/main');
    });
    expect(recorded.quitCalls).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('starts one locked-down kiosk window on app://kiosk with the permission handlers installed', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-'));
    process.env.KIOSK_TEST_USER_DATA = userData;
    jest.isolateModules(() => {
      require('../../src/main/electron/main');
    });
    try {
      await startsWindow();
    } finally {
      // The app quitting closes the core main.ts started (its store, sync timer and device loops): left running, they
      // kept this file's Jest worker from exiting ("A worker process has failed to exit gracefully").
      electron.app.emit('before-quit');
    }
  });
});

describe('main process: the first screens', () => {
  it('serves app://kiosk/ with the first screens rendered from the core\'s site info, warmed before the page asks', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-'));
    const renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-renderer-'));
    fs.writeFileSync(path.join(renderer, 'index.html'), INDEX_HTML);
    const bundle = writeFirstScreensBundle(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-first-screens-')));
    process.env.KIOSK_TEST_USER_DATA = userData;
    process.env.KIOSK_RENDERER_DIR = renderer;
    jest.isolateModules(() => {
      // The real bundle comes from the renderer's SSR build; main.ts gets the stand-in as its default.
      const actual = jest.requireActual<typeof import('../../src/main/page/first-screens-page')>('../../src/main/page/first-screens-page');
      jest.doMock('../../src/main/page/first-screens-page', () => ({ ...actual, DEFAULT_FIRST_SCREENS_BUNDLE: bundle.file }));
      require('../../src/main/electron/main');
    });
    try {
      for (let i = 0; i < 100 && (BrowserWindow.instances[0]?.loadedUrls.length !== 1 || bundle.renders() === 0); i += 1) await new Promise((r) => setTimeout(r, 20));
      expect(bundle.renders()).toBe(1);
      const res = await (recorded.protocolHandlers.get('app') as (request: { url: string }) => Promise<Response>)({ url: 'app://kiosk/' });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^<!doctype html>.*<div id="root"><main class="attract">Example Village [^<]+<\/main><\/div>/);
      expect(bundle.renders()).toBe(1);
    } finally {
      delete process.env.KIOSK_RENDERER_DIR;
      electron.app.emit('before-quit');
    }
  });
});

/** The window main.ts opened, its protocol, IPC and permission handlers (the test above, with the app still running). */
async function startsWindow(): Promise<void> {
  for (let i = 0; i < 50 && BrowserWindow.instances[0]?.loadedUrls.length !== 1; i += 1) await new Promise((r) => setTimeout(r, 20));
  const window = BrowserWindow.instances[0]!;
  expect(BrowserWindow.instances).toHaveLength(1);
  expect(window.loadedUrls).toEqual(['app://kiosk/index.html']);
  expect(window.options).toMatchObject({ kiosk: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.js$/);
  expect(recorded.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  expect(recorded.protocolHandlers.has('app')).toBe(true);
  expect(recorded.ipcHandlers.has('kiosk:invoke')).toBe(true);
  expect(recorded.permissionRequestHandler).not.toBeNull();
  expect(recorded.permissionCheckHandler).not.toBeNull();
  expect(recorded.devicePermissionHandler!()).toBe(false);
  // A renderer crash reloads the start page.
  window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  expect(window.loadedUrls).toEqual(['app://kiosk/index.html', 'app://kiosk/index.html']);
  const callback = jest.fn();
  recorded.permissionRequestHandler!(window.webContents, 'geolocation', callback, { requestingUrl: 'app://kiosk/index.html', isMainFrame: true });
  expect(callback).toHaveBeenCalledWith(false);
}

describe('shell arguments', () => {
  it('reads the kiosk options and ignores Chromium flags', () => {
    expect(parseShellArgs(['--config', 'site.json', '--simulate', '--enable-logging', '.'])).toEqual({
      config: 'site.json',
      dataDir: undefined,
      simulate: true,
      windowed: false,
    });
  });
});
