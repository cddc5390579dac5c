/**
 * Start-up: the browser host process from spawn to "kiosk ready", and the page from navigation to the home screen
 * shown in Debian's Chromium, cold (a fresh browser profile, nothing compiled before) and warm (one profile kept
 * across restarts of the host, as the kiosk's window starts each morning: V8's code cache holds the modules).
 * Baselines from the same run: a bare `node -e ""` process start, and Chromium loading a static page with the same
 * number of bytes of HTML, JS and CSS (what the kiosk page loads at start: bench/support/startup-files.ts) from a plain
 * local server, and the same page with a Chinese word in place of its Latin one (printed beside, not the baseline).
 * It prints a breakdown of where the page's start-up goes, the figure again with the touch at a person's pace (loads of
 * their own; the figure keeps the harness's early touch), and the floor any React page pays: a page that only
 * mounts one element in a React root, and one that also runs i18next and zod (bundled here with esbuild).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { startHostWithStandIn } from '../test/e2e/support/stand-in-chromium';
import { pageLanguage, startupFiles } from './support/startup-files';
import type { BenchFigure } from './types';

const ROOT = path.resolve(__dirname, '..');
/**
 * Loads per series. The static page alone swings 150-240 ms from load to load on a shared machine; with 5 loads the
 * median ratio moved by as much as its distance to the target from run to run, with 11 it is steadier.
 */
const RUNS = 11;
/** Warm loads not counted: Chromium keeps a script's compiled code from its third load on (its heat check). */
const WARM_UP = 2;
/**
 * When the person-paced loads touch the attract screen: this long after its frame is painted (the probe's frame timer,
 * on the page's clock). A person sees the screen, reads it and reaches for it; the quickest simple reaction to a
 * change on a screen, hand ready, is about a quarter of a second, and nobody stands with a hand on a kiosk that is
 * still loading. Playwright touches 100-350 ms after the frame, while the page's modules are still being evaluated;
 * the figure keeps that early touch (the worst case).
 */
const PERSON_TOUCH_AFTER_MS = 1000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A host on `port` when given: warm loads restart it on one origin, as the kiosk's own does, so the cache applies.
 * It starts a stand-in Chromium (test/e2e/support/stand-in-chromium.ts), and the page is opened at the URL the host
 * gave it, with its one-time code: the kiosk's own way in (answered with the page at once; the launch token's link
 * is redirected first).
 */
function startKiosk(port?: number): Promise<{ ms: number; url: string; stop: () => Promise<void> }> {
  // The data dir inside a directory of its own: the kiosk keeps its key beside the data dir; all of it goes at stop.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'));
  const t0 = performance.now();
  const { chromium, child, out } = startHostWithStandIn(dir, port ? ['--port', String(port)] : []);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The host ends its connections as it closes (browser-host/server.ts); one that has still not exited after 5 s is
  // killed, so the next start finds the port free.
  const stop = async () => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', () => {
      // The stand-in is started before "kiosk ready" (browser-host/cli.ts), so its URL is there by then.
      if (!/kiosk ready: /.test(out())) return;
      const url = chromium.launchUrl();
      if (url) resolve({ ms: performance.now() - t0, url, stop });
      else reject(new Error(`kiosk ready, but the stand-in Chromium was not started:\n${out()}`));
    });
    child.once('exit', (code) => reject(new Error(`kiosk exited ${code}`)));
  });
}

function freePort(): Promise<number> {
  const server = http.createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }),
  );
}

function bareNodeStartMs(): number {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '']);
  return performance.now() - t0;
}

/**
 * Times taken on the page's own clock (ms from navigation start), so the harness's own latency is not counted: the
 * first moment each selector is shown in the page and the frame after it was painted, and the first touch. Playwright sees
 * the attract screen 100 to 350 ms after it is painted and only then touches it; counting that reaction as start-up
 * put the kiosk at a disadvantage the static page (no touch) never had.
 * "The frame after" is a timer set in the frame's animation callback: it runs once the main thread has handed the frame
 * on, not once its pixels are shown. For a page's first frame the browser's own paint timing (first contentful paint)
 * says when they are, and the figure uses that: the kiosk's first screens, real text in a CJK font rastered in
 * software, are shown 54-80 ms after that timer, the static page's one word within 15 ms of it (measured 2026-12-03).
 */
const PAINT_PROBE = `(() => {
  const seen = (window.__paint = { touch: NaN });
  const selectors = ${JSON.stringify(['.attract__start', '[data-category]', '#done'])};
  // Shown, not only in the page: home waits hidden behind the attract screen (app/home-in-standby.ts).
  const shown = (s) => [...document.querySelectorAll(s)].some((e) => e.checkVisibility({ visibilityProperty: true }));
  const check = () => {
    for (const s of selectors) {
      if (seen[s] === undefined && shown(s)) {
        seen[s] = NaN;
        requestAnimationFrame(() => setTimeout(() => (seen[s] = performance.now()), 0));
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'hidden', 'style'] });
  document.addEventListener('pointerdown', () => { if (Number.isNaN(seen.touch)) seen.touch = performance.now(); }, true);
})()`;

/** The probe's times once `selector`'s frame has been painted. */
async function paintedAt(page: Page, selector: string): Promise<Record<string, number>> {
  await page.locator(selector).first().waitFor();
  // A function, not a string: Playwright polls a string predicate with eval, which the kiosk's CSP refuses.
  await page.waitForFunction((s) => {
    const seen = (window as unknown as { __paint?: Record<string, number> }).__paint;
    return seen !== undefined && seen[s] !== undefined && !Number.isNaN(seen[s]);
  }, selector);
  return (await page.evaluate('window.__paint')) as Record<string, number>;
}

/** Where the page's start-up time goes, in ms from navigation start (the page's own clock). */
interface Phases {
  /** A redirect before the page (the launch token's link has one); 0 with the one-time code, answered with the page. */
  'launch link answered (redirect)': number;
  'HTML received': number;
  'scripts loaded (DOMContentLoaded)': number;
  /** The page's small entry ran and asked the core (src/renderer/main.tsx); boot's modules go on loading. */
  'site.info asked (the entry ran)': number;
  'modules evaluated': number;
  'site.info answered': number;
  'i18n ready': number;
  /** React rendered the app in place of the host's first screens and carried out the taps made on them. */
  'app took over (React running)': number;
  /** The probe's timer after the attract screen's frame: the main thread has handed the frame on. */
  'attract screen painted (frame timer)': number;
  /** The browser's own paint timing: the first frame with text in it (the attract screen, from the host's HTML) shown. */
  'attract screen shown (first contentful paint)': number;
  /** The figure: the attract screen shown, plus the touch to home painted (the probe's frame timer; home waits rendered in standby). */
  'home shown (touch to home added)': number;
  /** Not waited for: home's tiles show the planned counts until it is in. */
  'catalogue loaded': number;
}

const PHASES_SCRIPT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
  return { redirect: nav.redirectEnd, html: nav.responseEnd, asked: mark('boot:core-asked'), dcl: nav.domContentLoadedEventEnd, modules: mark('boot:modules-evaluated'), site: mark('boot:site-info'), i18n: mark('boot:i18n-ready'), tookOver: mark('boot:took-over'), catalog: mark('catalog:loaded'), fcp: mark('first-contentful-paint') };
})()`;

/**
 * Navigation to the attract screen shown (the browser's first contentful paint), plus the touch to the home screen
 * painted (the probe's frame timer: home waits rendered in standby, so the touch only shows it), both on the page's
 * clock; the wait between (the harness's reaction) is left out. The harness's own wall-clock figure is kept beside it.
 */
async function kioskToHomeMs(context: BrowserContext, url: string): Promise<{ ms: number; frameTimerMs: number; harnessMs: number; phases: Phases }> {
  const page = await context.newPage();
  await page.addInitScript(PAINT_PROBE);
  const t0 = performance.now();
  await page.goto(url);
  const attract = (await paintedAt(page, '.attract__start'))['.attract__start']!;
  await page.locator('.attract__start').click();
  const seen = await paintedAt(page, '[data-category]');
  const harnessMs = performance.now() - t0;
  const home = seen['[data-category]']!;
  // The catalogue's mark, for the breakdown only: it may come after home is painted (the figure does not wait for it).
  await page.waitForFunction(() => performance.getEntriesByName('catalog:loaded').length > 0);
  const p = (await page.evaluate(PHASES_SCRIPT)) as Record<string, number>;
  await page.close();
  const touchToHome = home - seen.touch!;
  return {
    ms: p.fcp! + touchToHome,
    frameTimerMs: attract + touchToHome,
    harnessMs,
    phases: {
      'launch link answered (redirect)': p.redirect!,
      'HTML received': p.html!,
      'scripts loaded (DOMContentLoaded)': p.dcl!,
      'site.info asked (the entry ran)': p.asked!,
      'modules evaluated': p.modules!,
      'site.info answered': p.site!,
      'i18n ready': p.i18n!,
      'app took over (React running)': p.tookOver!,
      'attract screen painted (frame timer)': attract,
      'attract screen shown (first contentful paint)': p.fcp!,
      'home shown (touch to home added)': p.fcp! + touchToHome,
      'catalogue loaded': p.catalog!,
    },
  };
}

/**
 * The same figure with the touch at a person's pace (PERSON_TOUCH_AFTER_MS after the attract screen's frame is
 * painted) and where a finger lands (the middle of the button, not retargeted as Playwright's click is when the
 * element goes). Printed beside the figure, not in its place: it shows how much of the figure is the early touch.
 */
async function kioskAtPersonsPaceMs(context: BrowserContext, url: string): Promise<{ ms: number; touchToHome: number }> {
  const page = await context.newPage();
  await page.addInitScript(PAINT_PROBE);
  await page.goto(url);
  const attract = (await paintedAt(page, '.attract__start'))['.attract__start']!;
  await page.waitForFunction((at) => performance.now() >= at, attract + PERSON_TOUCH_AFTER_MS);
  const box = await page.locator('.attract__start').first().boundingBox();
  if (!box) throw new Error('the attract screen has no start button to touch');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const seen = await paintedAt(page, '[data-category]');
  const fcp = (await page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN")) as number;
  await page.close();
  const touchToHome = seen['[data-category]']! - seen.touch!;
  return { ms: fcp + touchToHome, touchToHome };
}

/**
 * Prints the median of each phase in the order they happened, and the step from the one before, so a reader sees
 * where start-up goes (with the host's first screens in the page, the attract screen is painted before the modules run).
 */
function printBreakdown(label: string, all: Phases[]): void {
  const medianOf = (n: keyof Phases) => median(all.map((p) => p[n]));
  const names = (Object.keys(all[0]!) as (keyof Phases)[]).sort((a, b) => medianOf(a) - medianOf(b));
  console.error(`start-up breakdown, ${label} (median ms from navigation start, in the page):`);
  let before = 0;
  for (const n of names) {
    const at = medianOf(n);
    console.error(`  ${n.padEnd(36)} ${at.toFixed(0).padStart(6)}  (+${(at - before).toFixed(0)})`);
    before = at;
  }
}

/**
 * The bytes the kiosk page loads at start (bench/support/startup-files.ts): the page as the host serves it (`html`,
 * with the first screens the host writes in), its scripts, stylesheets (the CJK font's deferred one too) and the
 * modules the entry imports once the first frame is drawn. Lazily loaded screens and the other language come later
 * and are not counted. The renderer measured is KIOSK_RENDERER_DIR's when set (as the host serves it).
 */
function rendererBytes(html: string): { html: number; js: number; css: number } {
  const dir = process.env.KIOSK_RENDERER_DIR ?? path.join(ROOT, 'dist/renderer');
  const files = startupFiles(dir, html);
  const size = (names: string[]) => names.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  return { html: Buffer.byteLength(html), js: size(files.js), css: size(files.css) };
}

/**
 * Floors, each one minified module bundled here by esbuild from the same packages the kiosk uses: what a page pays
 * before its first screen for its libraries alone, with none of the kiosk's own code.
 * - `react`: React's production build mounting one element into a root;
 * - `libraries`: the same with the kiosk's other start-up libraries at work: i18next (through react-i18next) gives
 *   the element its text, and zod checks one small object first.
 */
const FLOOR_PAGES = {
  react: "import { createElement } from 'react'; import { createRoot } from 'react-dom/client'; createRoot(document.getElementById('root')).render(createElement('h1', { id: 'done' }, 'ok'));",
  libraries: `import { createElement } from 'react'; import { createRoot } from 'react-dom/client'; import i18next from 'i18next';
    import { initReactI18next, useTranslation } from 'react-i18next'; import { z } from 'zod';
    const Site = z.object({ name: z.string().min(1), defaultLanguage: z.enum(['zh-CN', 'en']) });
    function Done() { const { t } = useTranslation(); return createElement('h1', { id: 'done' }, t('ok')); }
    void (async () => {
      const site = Site.parse({ name: 'x', defaultLanguage: 'zh-CN' });
      await i18next.use(initReactI18next).init({ lng: site.defaultLanguage, resources: { [site.defaultLanguage]: { common: { ok: 'ok' } } }, defaultNS: 'common' });
      createRoot(document.getElementById('root')).render(createElement(Done));
    })();`,
};

async function floorScript(contents: string): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/**
 * Pages on one plain local server: at `/` a static page with the kiosk's byte counts (HTML, one script that is
 * a long comment and one DOM write, one stylesheet), at `/zh.html` the same with a Chinese word, at `/react.html` and
 * `/libraries.html` the floors, and at `/without-scripts.html` the kiosk's page as the host serves it with its scripts
 * (and the font's stylesheet, which only a script switches on) taken out: the same first screens and styles, laid out and painted, with no program.
 * All are sent `no-store`, as the host sends the kiosk's files (V8's code cache keeps their compiled scripts all the
 * same: measured).
 */
interface Pages {
  url: string;
  /** The same static page with a Chinese word (staticPage). */
  chinese: string;
  floors: Record<keyof typeof FLOOR_PAGES, string>;
  withoutScripts: string;
}

/** The served page without its scripts; its inline styles' hashes in the meta policy stay valid. */
const withoutScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link\b[^>]*data-deferred-fonts[^>]*>/g, '');

/**
 * A static page of `bytes` (HTML, one script that is a long comment and one DOM write, one stylesheet) whose one word
 * is `word`, its files under `/<name>`: the Latin page is the figure's baseline; the same page with a Chinese word in
 * the kiosk's own font stack and language shows what showing any Chinese text costs a browser (its font fallback
 * set up), apart from the kiosk's screens and program.
 */
function staticPage(name: string, bytes: { html: number; js: number; css: number }, text: { word: string; font: string; lang?: string }): Record<string, [string, string]> {
  const js = `document.body.insertAdjacentHTML('beforeend','<h1 id="done">${text.word}</h1>');/*`;
  const script = `${js}${'x'.repeat(Math.max(0, bytes.js - Buffer.byteLength(js) - 2))}*/`;
  const rule = `body{font-family:${text.font}}/*`;
  const css = `${rule}${'x'.repeat(Math.max(0, bytes.css - Buffer.byteLength(rule) - 2))}*/`;
  // The Latin page's head is as it has always been (no language, no charset: it is ASCII).
  const lang = text.lang ? ` lang="${text.lang}"` : '';
  const charset = text.lang ? '<meta charset="utf-8">' : '';
  const head = `<!doctype html><html${lang}><head>${charset}<link rel="stylesheet" href="/${name}.css"><script defer src="/${name}.js"></script></head><body>`;
  const html = `${head}<!--${'x'.repeat(Math.max(0, bytes.html - Buffer.byteLength(head) - 21))}--></body></html>`;
  return { [`/${name}.html`]: ['text/html', html], [`/${name}.js`]: ['text/javascript', script], [`/${name}.css`]: ['text/css', css] };
}

async function startStaticServer(bytes: { html: number; js: number; css: number }, servedHtml: string): Promise<Pages & { close: () => void }> {
  const files: Record<string, [string, string]> = {
    ...staticPage('a', bytes, { word: 'ok', font: 'sans-serif' }),
    // In the page's language and font stack as served (theme.css `--font`, before the CJK web font is switched on).
    ...staticPage('zh', bytes, { word: '办事', lang: pageLanguage(servedHtml), font: /--font:\s*([^;}]+)/.exec(servedHtml)?.[1] ?? 'sans-serif' }),
  };
  files['/'] = files['/a.html']!;
  for (const [name, contents] of Object.entries(FLOOR_PAGES)) {
    files[`/${name}.js`] = ['text/javascript', await floorScript(contents)];
    files[`/${name}.html`] = ['text/html', `<!doctype html><html><head><script type="module" src="/${name}.js"></script></head><body><div id="root"></div></body></html>`];
  }
  files['/without-scripts.html'] = ['text/html; charset=utf-8', withoutScripts(servedHtml)];
  const server = http.createServer((req, res) => {
    const [type, body] = files[req.url ?? ''] ?? files['/']!;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      resolve({ url, chinese: `${url}zh.html`, floors: { react: `${url}react.html`, libraries: `${url}libraries.html` }, withoutScripts: `${url}without-scripts.html`, close: () => server.close() });
    }),
  );
}

/** The static page's own phases, to read beside the kiosk's breakdown (ms from navigation start, page clock). */
interface StaticPhases {
  html: number;
  dcl: number;
  /** The probe's frame timer after the selector's frame. */
  painted: number;
  /** The browser's paint timing for the page's first frame with content: the figure's baseline. */
  fcp: number;
}

/** Navigation to the page's `#done` element (or `selector`) painted and its first frame shown, on the page's clock like the kiosk's figure. */
async function staticPageMs(context: BrowserContext, url: string, selector = '#done'): Promise<StaticPhases> {
  const page = await context.newPage();
  await page.addInitScript(PAINT_PROBE);
  await page.goto(url);
  const painted = (await paintedAt(page, selector))[selector]!;
  const nav = (await page.evaluate("(({ responseEnd, domContentLoadedEventEnd }) => ({ responseEnd, domContentLoadedEventEnd, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN }))(performance.getEntriesByType('navigation')[0])")) as { responseEnd: number; domContentLoadedEventEnd: number; fcp: number };
  await page.close();
  return { html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, painted, fcp: nav.fcp };
}

/** Each page's first frame shown (first contentful paint), the kiosk's with the touch to home added. */
interface Series {
  home: number[];
  /** The kiosk's figure and the static page's on the probe's frame timer, as the bench measured them before 2026-12-03. */
  homeFrameTimer: number[];
  staticFrameTimer: number[];
  harness: number[];
  phases: Phases[];
  static: number[];
  staticPhases: StaticPhases[];
  /** The static page with a Chinese word instead of a Latin one, shown. */
  staticChinese: number[];
  floors: Record<keyof typeof FLOOR_PAGES, number[]>;
  /** The kiosk's page without its scripts, its attract screen shown. */
  withoutScripts: number[];
  attract: number[];
  /** The figure with the touch at a person's pace (a load of its own), and that touch to home alone. */
  personPaced: number[];
  personTouchToHome: number[];
  /** The early touch to home alone, beside it. */
  touchToHome: number[];
}

const series = (): Series => ({ home: [], homeFrameTimer: [], staticFrameTimer: [], harness: [], phases: [], static: [], staticPhases: [], staticChinese: [], floors: { react: [], libraries: [] }, withoutScripts: [], attract: [], personPaced: [], personTouchToHome: [], touchToHome: [] });

/**
 * One kiosk load and the static page, the page without scripts and the floors right beside it, so a swing in load
 * moves them all. Which of the kiosk, the static page, the page without scripts and the Chinese static page comes first
 * turns with each round (`round`): the first page after a browser starts, or after a context is made, waits for a
 * renderer process the next one finds ready, and the first page with CJK text in a browser may find its fonts less
 * ready than the next (2026-12-03, one profile, a browser started per round, 8 rounds: the page without scripts shown
 * at a median 96 ms when first, 52 ms right after the kiosk's page; 76 when first in 9 more rounds). Until then that
 * page always came after the kiosk's and looked quicker beside it.
 */
async function measureOnce(context: BrowserContext, kioskUrl: string, pages: Pages, into: Series | null, round: number): Promise<void> {
  let run!: Awaited<ReturnType<typeof kioskToHomeMs>>;
  let stat!: StaticPhases;
  let bare!: StaticPhases;
  let chinese!: StaticPhases;
  const loads = [
    async () => (run = await kioskToHomeMs(context, kioskUrl)),
    async () => (stat = await staticPageMs(context, pages.url)),
    async () => (bare = await staticPageMs(context, pages.withoutScripts, '.attract__start')),
    async () => (chinese = await staticPageMs(context, pages.chinese)),
  ];
  for (let i = 0; i < loads.length; i += 1) await loads[(i + round) % loads.length]!();
  const react = await staticPageMs(context, pages.floors.react);
  const libraries = await staticPageMs(context, pages.floors.libraries);
  if (!into) return;
  into.home.push(run.ms);
  into.homeFrameTimer.push(run.frameTimerMs);
  into.staticFrameTimer.push(stat.painted);
  into.harness.push(run.harnessMs);
  into.phases.push(run.phases);
  into.static.push(stat.fcp);
  into.staticPhases.push(stat);
  into.floors.react.push(react.fcp);
  into.floors.libraries.push(libraries.fcp);
  into.withoutScripts.push(bare.fcp);
  into.staticChinese.push(chinese.fcp);
  into.attract.push(run.phases['attract screen shown (first contentful paint)']);
  into.touchToHome.push(run.ms - run.phases['attract screen shown (first contentful paint)']);
}

/**
 * How far the figure's ratio could be from its value by the luck of these loads alone: the ratio of the medians over
 * the same pairs of loads resampled with replacement (a bootstrap), its 5th and 95th percentiles. On a shared 2-core
 * machine the ratio of one build moved from 1.24x to 1.48x (cold) and 1.29x to 2.13x (warm) between two runs 20
 * minutes apart (2026-12-04), so a figure near 1.3x says little without its spread.
 */
function ratioInterval(home: number[], baseline: number[], draws = 2000): [number, number] {
  const ratios: number[] = [];
  for (let d = 0; d < draws; d += 1) {
    const picks = home.map(() => Math.floor(Math.random() * home.length));
    ratios.push(median(picks.map((i) => home[i]!)) / median(picks.map((i) => baseline[i]!)));
  }
  ratios.sort((a, b) => a - b);
  return [ratios[Math.floor(draws * 0.05)]!, ratios[Math.floor(draws * 0.95)]!];
}

function printSeries(label: string, s: Series): void {
  printBreakdown(label, s.phases);
  const staticMedian = (n: keyof StaticPhases) => median(s.staticPhases.map((p) => p[n])).toFixed(0);
  console.error(`  the static page beside it: HTML received ${staticMedian('html')}, DOMContentLoaded ${staticMedian('dcl')}, painted (frame timer) ${staticMedian('painted')}, shown (first contentful paint) ${staticMedian('fcp')}`);
  // Each load is paired with the static page loaded beside it, so a swing in the machine's load moves both: on a
  // shared machine the median of these per-pair ratios is steadier than the ratio of the two medians.
  const pairRatios = s.home.map((ms, i) => ms / s.static[i]!);
  console.error(`  harness wall clock, navigation to home painted with its own reaction to the attract screen: ${median(s.harness).toFixed(0)} ms`);
  console.error(`  home shown ${median(s.home).toFixed(0)} ms / static page shown ${median(s.static).toFixed(0)} ms = ${(median(s.home) / median(s.static)).toFixed(2)}x; per pair: ${pairRatios.map((r) => r.toFixed(2)).join(' ')} (median ${median(pairRatios).toFixed(2)})`);
  const [low, high] = ratioInterval(s.home, s.static);
  console.error(`  the ratio's spread from these loads alone (bootstrap, 5th-95th percentile): ${low.toFixed(2)}x to ${high.toFixed(2)}x`);
  // The same load with the touch at a person's pace (a load of its own after each): not the figure, beside it.
  const paced = median(s.personPaced);
  console.error(`  touched at a person's pace (${PERSON_TOUCH_AFTER_MS} ms after the attract screen is painted, loads of their own): home shown ${paced.toFixed(0)} ms = ${(paced / median(s.static)).toFixed(2)}x the static page; touch to home ${median(s.personTouchToHome).toFixed(0)} ms, against ${median(s.touchToHome).toFixed(0)} ms for the harness's early touch`);
  const timer = { home: median(s.homeFrameTimer), static: median(s.staticFrameTimer) };
  console.error(`  on the probe's frame timer instead (the bench's figure before 2026-12-03): ${timer.home.toFixed(0)} ms / ${timer.static.toFixed(0)} ms = ${(timer.home / timer.static).toFixed(2)}x`);
  const floor = (ms: number[]) => `${median(ms).toFixed(0)} ms = ${(median(ms) / median(s.static)).toFixed(2)}x the static page`;
  console.error(`  floors: empty React root shown ${floor(s.floors.react)}; React + i18next + zod, no kiosk code, ${floor(s.floors.libraries)}`);
  // What the page's program costs, apart from laying out and painting real screens in real text.
  const bare = median(s.withoutScripts);
  console.error(`  the same page without its scripts (plain server): attract shown ${bare.toFixed(0)} ms = ${(bare / median(s.static)).toFixed(2)}x the static page; against it the kiosk's attract screen is ${(median(s.attract) / bare).toFixed(2)}x, its home figure ${(median(s.home) / bare).toFixed(2)}x`);
  // The least these screens could take if the page's program cost nothing before the touch: its screens in real CJK
  // text shown, and the touch's own cost to home. Above 1.3x, no change to the scripts alone can meet the target.
  const floorFigure = bare + median(s.touchToHome);
  console.error(`  that page's attract screen plus the kiosk's touch to home: ${floorFigure.toFixed(0)} ms = ${(floorFigure / median(s.static)).toFixed(2)}x the static page (the figure's floor for these screens)`);
  // What any page pays to show Chinese text at all (the browser's CJK font fallback set up), apart from the kiosk's
  // screens and program: the figure's baseline with one Chinese word instead of a Latin one. Not the figure's baseline.
  const chinese = median(s.staticChinese);
  const chinesePairs = s.home.map((ms, i) => ms / s.staticChinese[i]!);
  console.error(`  the static page with a Chinese word in the kiosk's font stack: shown ${chinese.toFixed(0)} ms = ${(chinese / median(s.static)).toFixed(2)}x the Latin one; the kiosk's home figure against it ${(median(s.home) / chinese).toFixed(2)}x (per pair median ${median(chinesePairs).toFixed(2)}), its page without scripts ${(bare / chinese).toFixed(2)}x`);
}

const homeFigure = (label: string, s: Series): BenchFigure => {
  const homeMs = median(s.home);
  const staticMs = median(s.static);
  return {
    name: `page load to home shown (first contentful paint + touch to home), ${label}, page clock, without the harness reaction (median of ${RUNS})`,
    value: homeMs,
    unit: 'ms',
    baselineName: `static page of the same bytes shown (first contentful paint), ${label} (page clock)`,
    baselineValue: staticMs,
    ratio: homeMs / staticMs,
    target: 'ratio <= 1.3 (issue 15 item 9)',
    met: homeMs / staticMs <= 1.3,
  };
};

/** A kiosk started (on `port` when given) and a browser context opened for it, both closed once `use` is done. */
async function withKiosk(open: () => Promise<BrowserContext>, port: number | undefined, use: (context: BrowserContext, kiosk: { ms: number; url: string }) => Promise<void>): Promise<void> {
  const kiosk = await startKiosk(port);
  try {
    const context = await open();
    try {
      await use(context, kiosk);
    } finally {
      await context.close();
    }
  } finally {
    await kiosk.stop();
  }
}

async function measureAtPersonsPace(context: BrowserContext, url: string, into: Series): Promise<void> {
  const run = await kioskAtPersonsPaceMs(context, url);
  into.personPaced.push(run.ms);
  into.personTouchToHome.push(run.touchToHome);
}

export default async function bench(): Promise<BenchFigure[]> {
  const launch = { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS };
  const viewport = { viewport: { width: 1920, height: 1080 } };
  const ready: number[] = [];
  const bare: number[] = [];
  const cold = series();
  const warm = series();
  // The page as the host serves it (with the first screens it writes in), for the static page's HTML bytes.
  const probe = await startKiosk();
  const servedHtml = await fetch(probe.url).then((r) => r.text());
  await probe.stop();
  const pages = await startStaticServer(rendererBytes(servedHtml), servedHtml);
  const browser = await chromium.launch(launch);
  try {
    // Cold: every load in a fresh context, so nothing compiled before is kept.
    const fresh = () => browser.newContext(viewport);
    for (let i = 0; i < RUNS; i += 1) {
      bare.push(bareNodeStartMs());
      await withKiosk(fresh, undefined, (context, kiosk) => {
        ready.push(kiosk.ms);
        return measureOnce(context, kiosk.url, pages, cold, i);
      });
      await withKiosk(fresh, undefined, (context, kiosk) => measureAtPersonsPace(context, kiosk.url, cold));
    }
  } finally {
    await browser.close();
  }
  // Warm: one profile on disk; before each load the browser and the host both start afresh, the host on one port
  // (the kiosk's morning start). A browser kept running between loads would also keep compiled code in memory,
  // which a restarted kiosk does not have: only what the profile holds on disk is counted.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-profile-'));
  const port = await freePort();
  const restarted = async () => {
    const context = await chromium.launchPersistentContext(profile, { ...launch, ...viewport });
    // The browser's own start-up work runs on for a moment after launch, and it sets up each script's fonts the first
    // time a page shows that script; an unmeasured Latin page and Chinese page let both settle, as in the cold series,
    // where every load after the first finds the browser running with both in use. With the Latin page alone, only the
    // baseline's font was ready: the Chinese static page was shown at 1.05-1.32x the Latin one here, 0.92-1.13x cold
    // (2026-12-04, three runs).
    await staticPageMs(context, pages.url);
    await staticPageMs(context, pages.chinese);
    return context;
  };
  try {
    for (let i = 0; i < WARM_UP + RUNS; i += 1) {
      await withKiosk(restarted, port, (context, kiosk) => measureOnce(context, kiosk.url, pages, i < WARM_UP ? null : warm, i));
      if (i >= WARM_UP) await withKiosk(restarted, port, (context, kiosk) => measureAtPersonsPace(context, kiosk.url, warm));
    }
  } finally {
    pages.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.error(`machine load (uptime): ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  printSeries('cold (fresh profile)', cold);
  printSeries(`warm (one profile, after ${WARM_UP} loads)`, warm);
  const readyMs = median(ready);
  const bareMs = median(bare);
  return [
    {
      name: `browser host spawn to "kiosk ready" (median of ${RUNS})`,
      value: readyMs,
      unit: 'ms',
      baselineName: 'bare node process start',
      baselineValue: bareMs,
      ratio: readyMs / bareMs,
      target: 'ratio <= 20 (core, store and devices come up in well under a second)',
      met: readyMs / bareMs <= 20,
    },
    homeFigure('cold', cold),
    homeFigure('warm', warm),
  ];
}
