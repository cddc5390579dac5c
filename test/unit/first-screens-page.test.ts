import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { coreSiteInfo, DEFAULT_FIRST_SCREENS_BUNDLE, firstScreensPage } from '../../src/main/page/first-screens-page';
import { SAMPLE_SITE_INFO } from '../support/sample-site-info';
import { INDEX_HTML, writeFirstScreensBundle } from '../support/first-screens-bundle';
import { startTestCore } from '../support/core-harness';

function setUp(options: { index?: string; throws?: boolean; bundle?: 'missing' | 'noExport' | 'throwsOnLoad' | 'async'; site?: unknown } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-screens-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), options.index ?? INDEX_HTML);
  const bundle = writeFirstScreensBundle(dir, { throws: options.throws });
  let bundleFile = bundle.file;
  if (options.bundle === 'missing') bundleFile = path.join(dir, 'nowhere', 'first-screens.cjs');
  if (options.bundle === 'noExport') fs.writeFileSync(bundleFile, 'exports.somethingElse = 1;\n');
  if (options.bundle === 'async') fs.writeFileSync(bundleFile, "exports.renderFirstScreens = async () => '<main>late</main>';\n");
  if (options.bundle === 'throwsOnLoad') fs.writeFileSync(bundleFile, "throw new Error('bundle broken at load\\nRequire stack:\\n- somewhere');\n");
  let site: unknown = options.site ?? SAMPLE_SITE_INFO;
  const { logger, lines } = createMemoryLogger();
  const page = firstScreensPage({ rendererDir, bundleFile, siteInfo: () => site, log: logger });
  const warnings = () => lines().filter((l) => l.includes('first screens not served'));
  return { page, rendererDir, renders: bundle.renders, setSite: (next: unknown) => (site = next), warnings, lines };
}

const injected = (name: string) => INDEX_HTML.replace('<div id="root"></div>', () => `<div id="root"><main class="attract">${name}</main></div>`);

describe('the page with the first screens', () => {
  it('puts the rendered first screens inside the root element and leaves the rest of index.html as built', async () => {
    const { page, warnings } = setUp();
    expect(await page.html()).toBe(injected('Example village point'));
    expect(warnings()).toEqual([]);
  });

  it('renders once per site info, and again when the answer changes (hours or duty person from the county)', async () => {
    const { page, renders, setSite } = setUp();
    await page.html();
    await page.html();
    expect(renders()).toBe(1);
    // The same answer in a new object is the same answer.
    setSite(JSON.parse(JSON.stringify(SAMPLE_SITE_INFO)));
    await page.html();
    expect(renders()).toBe(1);
    setSite({ ...SAMPLE_SITE_INFO, onDuty: 'Clerk Wang', name: { ...SAMPLE_SITE_INFO.name, en: 'Renamed point' } });
    expect(await page.html()).toBe(injected('Renamed point'));
    expect(renders()).toBe(2);
  });

  it('takes the markup as it is, even where it holds $ patterns a string replacement would read', async () => {
    const { page, setSite } = setUp();
    setSite({ ...SAMPLE_SITE_INFO, name: { ...SAMPLE_SITE_INFO.name, en: 'Point $$ 1 $` x' } });
    expect(await page.html()).toBe(injected('Point $$ 1 $` x'));
  });

  it('reads index.html again when an update replaces it', async () => {
    const { page, rendererDir } = setUp();
    await page.html();
    const file = path.join(rendererDir, 'index.html');
    // A build of the same size (only the time tells it apart), then one of another size (with the time unchanged).
    const sameSize = INDEX_HTML.replace('<title>t</title>', '<title>u</title>');
    fs.writeFileSync(file, sameSize);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(await page.html()).toContain('<title>u</title>');
    fs.writeFileSync(file, INDEX_HTML.replace('<title>t</title>', '<title>updated build</title>'));
    fs.utimesSync(file, later, later);
    expect(await page.html()).toContain('<title>updated build</title>');
    expect(await page.html()).toContain('<main class="attract">Example village point</main>');
  });

  it('sets <html lang> to the point\'s default language, so an English point\'s page is English from its first paint', async () => {
    const { page, setSite } = setUp({ site: { ...SAMPLE_SITE_INFO, defaultLanguage: 'en' } });
    const html = await page.html();
    expect(html).toBe(injected('Example village point').replace('<html lang="zh-CN"', '<html lang="en"'));
    // Back to zh-CN when the point is set back (the answer changed, so it is rendered again).
    setSite(SAMPLE_SITE_INFO);
    expect(await page.html()).toBe(injected('Example village point'));
  });

  it('adds lang to an <html> that has none, and replaces only the lang attribute itself', async () => {
    const en = { ...SAMPLE_SITE_INFO, defaultLanguage: 'en' };
    const bare = INDEX_HTML.replace('<html lang="zh-CN" translate="no">', '<html>');
    expect(await setUp({ index: bare, site: en }).page.html()).toContain('<!doctype html><html lang="en"><head>');
    const others = INDEX_HTML.replace('<html lang="zh-CN" translate="no">', "<html data-language='zh-CN' xml:lang='zh-CN' LANG=zh-CN translate=\"no\">");
    expect(await setUp({ index: others, site: en }).page.html()).toContain("<html data-language='zh-CN' xml:lang='zh-CN' lang=\"en\" translate=\"no\"><head>");
  });

  it('leaves <html lang> as built for a default language the contract does not allow', async () => {
    // (The real bundle refuses such a site info; the stand-in renders it, so only the host's own check is left.)
    const { page } = setUp({ site: { ...SAMPLE_SITE_INFO, defaultLanguage: 'en" onload="x' } });
    expect(await page.html()).toBe(injected('Example village point'));
  });

  it('warms: loads the bundle and renders once, so the first request renders nothing', async () => {
    const { page, renders } = setUp();
    await page.warm();
    expect(renders()).toBe(1);
    expect(await page.html()).toBe(injected('Example village point'));
    expect(renders()).toBe(1);
  });
});

describe('the page without the first screens (slower to paint, never broken)', () => {
  it('serves index.html unchanged when the bundle is missing, and warns once', async () => {
    const { page, warnings } = setUp({ bundle: 'missing' });
    expect(await page.html()).toBe(INDEX_HTML);
    expect(await page.html()).toBe(INDEX_HTML);
    await page.warm();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('"reason":"bundleNotLoaded"');
    expect(warnings()[0]).toContain('Cannot find module');
  });

  it('serves index.html unchanged when the bundle throws as it loads, and logs the first line of why', async () => {
    const { page, warnings } = setUp({ bundle: 'throwsOnLoad' });
    expect(await page.html()).toBe(INDEX_HTML);
    expect(warnings()).toHaveLength(1);
    // (Node's own "Cannot find module" carries its require stack on further lines, as this one does.)
    expect(warnings()[0]).toContain('"error":"Error: bundle broken at load"');
  });

  it('serves index.html unchanged when renderFirstScreens answers anything but a string (a stream, a promise)', async () => {
    const { page, warnings } = setUp({ bundle: 'async' });
    expect(await page.html()).toBe(INDEX_HTML);
    expect(warnings()[0]).toContain('renderFirstScreens returned object, not a string');
  });

  it('serves index.html unchanged when the bundle exports no renderFirstScreens', async () => {
    const { page, warnings } = setUp({ bundle: 'noExport' });
    expect(await page.html()).toBe(INDEX_HTML);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('no renderFirstScreens');
  });

  it('leaves <html lang> as built when the first screens are not served', async () => {
    const { page } = setUp({ throws: true, site: { ...SAMPLE_SITE_INFO, defaultLanguage: 'en' } });
    expect(await page.html()).toBe(INDEX_HTML);
    expect(INDEX_HTML).toContain('<html lang="zh-CN"');
  });

  it('serves index.html unchanged when the bundle throws, warns once, and tries again on the next request', async () => {
    const { page, warnings, renders } = setUp({ throws: true });
    expect(await page.html()).toBe(INDEX_HTML);
    expect(await page.html()).toBe(INDEX_HTML);
    expect(renders()).toBe(2);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('"reason":"renderFailed"');
    expect(warnings()[0]).toContain('renderer broke');
  });

  it('a site info the bundle refuses does not spoil the next one', async () => {
    const { page, setSite, warnings } = setUp();
    setSite({ broken: true });
    expect(await page.html()).toBe(INDEX_HTML);
    setSite(SAMPLE_SITE_INFO);
    expect(await page.html()).toBe(injected('Example village point'));
    expect(warnings()).toHaveLength(1);
    // Served again, so a later failure is told again.
    setSite({ broken: 2 });
    expect(await page.html()).toBe(INDEX_HTML);
    expect(warnings()).toHaveLength(2);
  });

  it('serves index.html unchanged when the site info cannot be had', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-screens-'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
    const { logger, lines } = createMemoryLogger();
    const page = firstScreensPage({ rendererDir: dir, bundleFile: writeFirstScreensBundle(dir).file, siteInfo: () => Promise.reject(new Error('core closing')), log: logger });
    expect(await page.html()).toBe(INDEX_HTML);
    expect(lines().filter((l) => l.includes('"reason":"siteInfoFailed"'))).toHaveLength(1);
  });

  it('serves index.html unchanged when it has no empty root element, renders nothing, and warns once', async () => {
    const index = '<!doctype html><body><div id="root" class="x"></div></body>';
    const { page, warnings, renders } = setUp({ index });
    expect(await page.html()).toBe(index);
    expect(await page.html()).toBe(index);
    expect(renders()).toBe(0);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('"reason":"noRootElement"');
  });

  it('fails the request only when there is no index.html at all (there is no page to serve)', async () => {
    const { page, rendererDir } = setUp();
    fs.rmSync(path.join(rendererDir, 'index.html'));
    await expect(page.html()).rejects.toThrow(/ENOENT/);
    await expect(page.warm()).resolves.toBeUndefined();
  });
});

describe('the first screens bundle by default', () => {
  it('is dist/first-screens/first-screens.cjs beside the compiled main code', () => {
    // Here the source runs from src/main/page/; compiled, from dist/main/page/: two folders up either way.
    const base = path.resolve(__dirname, '..', '..', 'src');
    expect(DEFAULT_FIRST_SCREENS_BUNDLE).toBe(path.join(base, 'first-screens', 'first-screens.cjs'));
  });
});

describe('the site info the page renders with', () => {
  it('is the core\'s own site.info answer, on a connection that does not stay', async () => {
    const { core } = await startTestCore();
    try {
      const dropped: string[] = [];
      const counted = { ...core, dispatcher: core.dispatcher, newConnection: core.newConnection, dropConnection: (c: Parameters<typeof core.dropConnection>[0]) => (dropped.push(c.id), core.dropConnection(c)) };
      const site = await coreSiteInfo(counted)();
      const connection = core.newConnection('ws');
      expect(site).toEqual(((await core.dispatcher.dispatch(connection, 'site.info', {})) as { result: unknown }).result);
      expect(dropped).toHaveLength(1);
    } finally {
      await core.close();
    }
  });
});
