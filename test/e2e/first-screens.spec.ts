import { expect, test, type Page, type Route } from '@playwright/test';
import { resources } from '../../src/shared/locales';
import { appTookOver } from './support/app';
import { useKiosk } from './support/point';
import { expectNoAxeViolations } from './support/resident';

/**
 * The host writes the point's first screens into the page it serves (src/main/page/first-screens-page.ts,
 * src/renderer/first-paint/): the attract screen is painted with the page's first frame, before React runs, and a
 * touch shows home at once. Here the page's boot chunk (React and the screens) is held back by the test, so what is
 * on screen can only be the host's markup and the page's first script; then it is let through and the page goes on
 * from where the person left it. Issue 15 item 9; the start-up bench prints the figures.
 */
const point = useKiosk();
const zh = resources['zh-CN'].common;
const POINT_NAME = '示例村就业社保服务点';

/** Holds the boot chunk's request until `release()`; says whether it was asked for. */
async function holdBootChunk(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/boot-[\w-]+\.js$/, async (route: Route) => {
    asked = true;
    await released;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/**
 * Keeps the page from drawing its first frame until `release()`: a render-blocking stylesheet of the test's own, added
 * to the head as soon as there is one, and held. (The page's own styles are written into it, so nothing it fetches
 * holds that frame back; and the page itself is not rewritten: a page the test serves is not on the loopback address,
 * and Chromium's local network checks would then refuse its socket to the host.) Layout, the DOM and events work
 * meanwhile; what waits for the frame (boot's import, the font) does not start.
 */
async function holdFirstFrame(page: Page) {
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      if (!document.head) return;
      observer.disconnect();
      const held = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/assets/held-back.css' });
      held.setAttribute('blocking', 'render');
      document.head.append(held);
    }).observe(document, { childList: true, subtree: true });
  });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/held-back\.css$/, async (route) => {
    asked = true;
    await released;
    await route.fulfill({ contentType: 'text/css', body: '' });
  });
  return { release, asked: () => asked };
}

const reactRunning = (page: Page) => page.evaluate(() => performance.getEntriesByName('boot:modules-evaluated').length > 0);

test("the point's attract screen and home are there before React runs; a tile touched meanwhile opens once it does", async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  const boot = await holdBootChunk(page);
  await page.goto(point.kiosk.url);

  // The host's attract screen: the point's name, hours and phone from its settings, in the point's language.
  await expect(page.getByRole('heading', { name: POINT_NAME })).toBeVisible();
  await expect(page.getByRole('button', { name: zh.attract.touchToStart })).toBeVisible();
  await expect(page.locator('.attract__facts')).toContainText(zh.attract.officeHours);
  await expect.poll(() => boot.asked()).toBe(true);
  expect(await reactRunning(page)).toBe(false);

  // A touch shows home at once, still without React.
  await page.getByRole('button', { name: zh.attract.touchToStart }).click();
  await expect(page.getByRole('heading', { name: zh.home.heading })).toBeVisible();
  await expect(page.locator('[data-category]')).toHaveCount(4);
  expect(await reactRunning(page)).toBe(false);
  await page.locator('[data-category="insurance"]').click();
  await expect(page.getByRole('heading', { name: zh.home.heading })).toBeVisible(); // nothing opens before React

  // React runs: the tile touched meanwhile opens, with its items from the catalogue.
  boot.release();
  await expect(page.locator('[data-screen="category:insurance"]')).toBeVisible({ timeout: 30_000 });
  expect(await reactRunning(page)).toBe(true);
  await expect(page.locator('[data-item]').first()).toBeVisible();
  // And the page is React's now: back goes home, the tiles work.
  await page.getByRole('button', { name: zh.nav.back }).click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
  await page.locator('[data-category="card"]').click();
  await expect(page.locator('[data-screen="category:card"]')).toBeVisible();
  expect(refused).toEqual([]);
});

test('untouched, the attract screen stays as it is when React takes over, and works from there', async ({ page }) => {
  const boot = await holdBootChunk(page);
  await page.goto(point.kiosk.url);
  await expect(page.getByRole('heading', { name: POINT_NAME })).toBeVisible();
  const served = await page.locator('#root').innerHTML();
  boot.release();
  await expect.poll(() => reactRunning(page), { timeout: 30_000 }).toBe(true);
  await appTookOver(page);
  // The same markup, now React's (the county's announcements may arrive after it and are not compared).
  expect((await page.locator('#root').innerHTML()).startsWith(served.replace(/<template[\s\S]*$/, '').replace(/<\/main>[\s\S]*$/, ''))).toBe(true);
  await page.getByRole('button', { name: zh.attract.touchToStart }).click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
});

test("the CJK font's faces wait for the app: neither fetched nor on beside the first screens, then on and drawing their text", async ({ page }) => {
  // Its ~200 @font-face rules, fetched and matched beside the first screens, slowed their first frame and the first
  // touch's answer (vite.deferred-fonts.mts): the stylesheet is linked `disabled` and boot switches it on.
  const fontsAsked: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/fonts-[\w-]+\.css$/.test(new URL(request.url()).pathname)) fontsAsked.push(request.url());
  });
  const boot = await holdBootChunk(page);
  await page.goto(point.kiosk.url);
  await expect(page.getByRole('heading', { name: POINT_NAME })).toBeVisible();
  // Painted, and the entry has gone on to ask for boot (held): the font is still off and was never asked for.
  await expect.poll(boot.asked).toBe(true);
  await expect(page.locator('link[data-deferred-fonts]')).toHaveAttribute('disabled', '');
  expect(fontsAsked).toEqual([]);

  // With the app running it is switched on, and the page's own text makes the browser fetch the faces it needs
  // (nothing here asks for them): the point's name is drawn in the font.
  boot.release();
  await appTookOver(page);
  await expect(page.locator('link[data-deferred-fonts]')).not.toHaveAttribute('disabled');
  await expect.poll(() => fontsAsked.length).toBe(1);
  const loadedFaces = () => page.evaluate(() => [...document.fonts].filter((face) => face.family.replace(/"/g, '') === 'Noto Sans SC' && face.status === 'loaded').length);
  await expect.poll(loadedFaces).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate((name) => document.fonts.check('700 32px "Noto Sans SC"', name), POINT_NAME)).toBe(true);
});

test("the page's modules are asked for only once the first screens' first frame is drawn", async ({ page }) => {
  const frame = await holdFirstFrame(page);
  const boot = await holdBootChunk(page);
  await page.goto(point.kiosk.url, { waitUntil: 'commit' });
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('boot:core-asked').length)).toBe(1);
  expect(frame.asked()).toBe(true);
  // The entry has run; give a wrongly eager import time to be asked for (it would be at once), then check none was.
  await page.waitForTimeout(500);
  expect(boot.asked()).toBe(false);
  expect(await page.locator('link[rel="modulepreload"]').count()).toBe(0);

  // The first frame is drawn: now boot is asked for, and once let through the app takes over.
  frame.release();
  await expect.poll(() => boot.asked()).toBe(true);
  boot.release();
  await appTookOver(page);
  await page.getByRole('button', { name: zh.attract.touchToStart }).click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
});

test("the host's first screens pass axe before React runs (held before their first frame, so nothing else can take the page)", async ({ page }) => {
  const frame = await holdFirstFrame(page);
  await page.goto(point.kiosk.url, { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: POINT_NAME })).toBeVisible();
  await expectNoAxeViolations(page, 'first screens: attract (before React)');
  // A touch (as an event: no frame is drawn for a pointer to aim at) shows home, still without React.
  await page.getByRole('button', { name: zh.attract.touchToStart }).dispatchEvent('click');
  await expect(page.getByRole('heading', { name: zh.home.heading })).toBeVisible();
  await expect(page.locator('[data-category]')).toHaveCount(4);
  await expectNoAxeViolations(page, 'first screens: home (before React)');
  expect(await reactRunning(page)).toBe(false);
  frame.release();
  await appTookOver(page);
});
