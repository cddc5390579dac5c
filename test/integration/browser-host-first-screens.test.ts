import fs from 'node:fs';
import path from 'node:path';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/server';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { openLaunchLink, startTestCore, tempDir } from '../support/core-harness';
import { INDEX_HTML, writeFirstScreensBundle } from '../support/first-screens-bundle';

/** The browser host serving the page with the first screens in it (page/first-screens-page.ts), from a stand-in bundle. */
describe('browser host: the page with the first screens', () => {
  let core: KioskCore;
  let host: BrowserHost;
  let rendererDir: string;
  let renders: () => number;
  let logLines: () => string[];
  let page: string;

  beforeAll(async () => {
    ({ core, logLines } = await startTestCore());
    // What the stand-in bundle makes of the core's own site.info answer (the demo village's English name).
    const site = (await core.dispatcher.dispatch(core.newConnection('ws'), 'site.info', {})) as { result: { name: { en: string } } };
    page = INDEX_HTML.replace('<div id="root"></div>', () => `<div id="root"><main class="attract">${site.result.name.en}</main></div>`);
    rendererDir = tempDir('kiosk-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log("page");\n');
    const bundle = writeFirstScreensBundle(tempDir('kiosk-first-screens-'));
    renders = bundle.renders;
    host = await startBrowserHost({ core, rendererDir, firstScreensBundle: bundle.file });
  });
  afterAll(async () => {
    await host.close();
    await core.close();
  });

  function expectPageHeaders(res: Response): void {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  }

  it('warms up before any page is asked for: the bundle renders once (its own answer of the page renders nothing new)', async () => {
    await host.warmUp();
    expect(renders()).toBe(1);
  });

  it('serves / with the first screens in the root element and the headers every answer has', async () => {
    const res = await fetch(`${host.origin}/`);
    expectPageHeaders(res);
    expect(await res.text()).toBe(page);
  });

  it('serves /index.html the same, rendering nothing new while the site info is the same', async () => {
    const res = await fetch(`${host.origin}/index.html`);
    expectPageHeaders(res);
    expect(await res.text()).toBe(page);
    expect(renders()).toBe(1);
    expect((await fetch(`${host.origin}/?x=1`)).status).toBe(200);
    expect(renders()).toBe(1);
  });

  it('answers HEAD for the page without a body', async () => {
    const res = await fetch(`${host.origin}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('still serves the other files of the renderer as built, with the same headers', async () => {
    const res = await fetch(`${host.origin}/assets/index.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("page");\n');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${host.origin}/assets/nope.js`)).status).toBe(404);
    // A folder is not the page (nor listed).
    expect((await fetch(`${host.origin}/assets/`)).status).toBe(403);
  });

  it('still swaps the launch token for the cookie with a 303 to / (the page is never served to the token)', async () => {
    const link = await openLaunchLink(host.url);
    expect(link).toMatchObject({ status: 303, location: '/' });
    expect(link.cookie).toMatch(/^kiosk_session=/);
    expect((await openLaunchLink(`${host.origin}/index.html?code=spent`)).status).toBe(401);
  });

  it('answers 404 while index.html is missing (an update half done) and the page again once it is back', async () => {
    const file = path.join(rendererDir, 'index.html');
    fs.renameSync(file, `${file}.away`);
    try {
      // The warm-up's own answer of the page is a 404 too, and it still settles ("kiosk ready" must come).
      await expect(host.warmUp()).resolves.toBeUndefined();
      const res = await fetch(`${host.origin}/`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(rendererDir);
    } finally {
      fs.renameSync(`${file}.away`, file);
    }
    expect(await (await fetch(`${host.origin}/`)).text()).toBe(page);
    expect(logLines().some((l) => l.includes('the page cannot be read'))).toBe(true);
  });
});

describe('browser host: the page of a point whose default language is English', () => {
  it('is served as <html lang="en"> with the first screens, before any script runs', async () => {
    const demo = demoSiteConfig();
    const config = { ...demo, kiosk: { ...demo.kiosk, defaultLanguage: 'en' as const } };
    const core = await createKioskCore({ config, dataDir: tempDir('kiosk-data-'), simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test' });
    const rendererDir = tempDir('kiosk-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
    const host = await startBrowserHost({ core, rendererDir, firstScreensBundle: writeFirstScreensBundle(tempDir('kiosk-first-screens-')).file });
    try {
      const html = await (await fetch(`${host.origin}/`)).text();
      expect(html).toMatch(/^<!doctype html><html lang="en" translate="no"><head>.*<div id="root"><main class="attract">[^<]+<\/main><\/div>/);
    } finally {
      await host.close();
      await core.close();
    }
  });
});

describe('browser host without the first screens bundle', () => {
  it('serves index.html as built, and says once why', async () => {
    const { core, logLines } = await startTestCore();
    const rendererDir = tempDir('kiosk-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
    const host = await startBrowserHost({ core, rendererDir, firstScreensBundle: path.join(rendererDir, 'missing.cjs') });
    try {
      await host.warmUp();
      for (const url of ['/', '/index.html']) {
        const res = await fetch(`${host.origin}${url}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(await res.text()).toBe(INDEX_HTML);
      }
      expect(logLines().filter((l) => l.includes('first screens not served'))).toHaveLength(1);
    } finally {
      await host.close();
      await core.close();
    }
  });
});

describe('browser host whose core cannot answer site.info', () => {
  it('gives up warming up after its limit, says so, and answers other requests all the same', async () => {
    const { core, logLines } = await startTestCore();
    // site.info never settles: the render, and the page's answer, wait for it for ever.
    const stuck: KioskCore = {
      ...core,
      dispatcher: { ...core.dispatcher, dispatch: (connection, method, params) => (method === 'site.info' ? new Promise(() => {}) : core.dispatcher.dispatch(connection, method, params)) } as KioskCore['dispatcher'],
    };
    const rendererDir = tempDir('kiosk-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log("page");\n');
    const host = await startBrowserHost({ core: stuck, rendererDir, firstScreensBundle: writeFirstScreensBundle(tempDir('kiosk-first-screens-')).file, warmUpLimitMs: 300 });
    try {
      await expect(host.warmUp()).resolves.toBeUndefined();
      expect(logLines().some((l) => l.includes('warm-up not done in time') && l.includes('"limitMs":300'))).toBe(true);
      expect((await fetch(`${host.origin}/assets/index.js`)).status).toBe(200);
    } finally {
      await host.close();
      await core.close();
    }
  });
});
