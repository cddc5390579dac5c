import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { resources } from '../../src/shared/locales';
import { appTookOver } from './support/app';
import { useKiosk } from './support/point';
import { expectNoAxeViolations } from './support/resident';

/**
 * The kiosk's page when its core does not answer at start-up (defect: a blank page forever). The page's socket to the
 * host is routed through the test (Playwright's routeWebSocket): for a while the core answers `site.info` with an
 * error, or the socket is closed as soon as it opens; then everything passes through to the real host. The page must
 * say, in its language, that the machine is starting and what to do, keep asking, and go on to the attract screen
 * by itself, in the same document (no reload).
 */
const point = useKiosk();
const zh = resources['zh-CN'].common.app.starting;
const POINT_NAME = '示例村就业社保服务点';

/** The page's /api socket, passed to the host unless `block` says otherwise; counts what it held back. */
async function routeCoreSocket(page: Page, block: (ws: WebSocketRoute, message: { id: number; method: string } | null) => 'pass' | 'error' | 'close') {
  const held = { errors: 0, closed: 0 };
  await page.routeWebSocket(/\/api$/, (ws) => {
    if (block(ws, null) === 'close') {
      held.closed += 1;
      void ws.close({ code: 1011, reason: 'core not up' });
      return;
    }
    const server = ws.connectToServer();
    ws.onMessage((text) => {
      const message = JSON.parse(String(text)) as { id: number; method: string };
      if (block(ws, message) === 'error') {
        held.errors += 1;
        ws.send(JSON.stringify({ id: message.id, error: { code: 'internal', messageKey: 'errors:internal', retryable: true } }));
      } else server.send(text);
    });
  });
  return held;
}

/** Marks the document, so the test can tell the page went on without a reload. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { startedInThisDocument: true }));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { startedInThisDocument?: boolean }).startedInThisDocument === true);

test('site.info answered with an error: the page says the machine is starting, asks again, then shows the attract screen', async ({ page }) => {
  let failing = true;
  const held = await routeCoreSocket(page, (_ws, message) => (failing && message?.method === 'site.info' ? 'error' : 'pass'));
  await page.goto(point.kiosk.url);

  await expect(page.getByRole('heading', { name: zh.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText(zh.unreachable)).toBeVisible();
  await expect(page.getByText(zh.advice)).toBeVisible();
  await markDocument(page);
  // It asks again by itself (1 s after the first failure, 2 s after the second), and says how often it tried.
  await expect.poll(() => held.errors, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('status')).toHaveText(zh.retrying_other.replace('{{count}}', String(held.errors)));
  await expectNoAxeViolations(page, 'start-up waiting (zh-CN)');

  failing = false;
  await expect(page.getByRole('heading', { name: POINT_NAME })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: zh.title })).toHaveCount(0);
  expect(await sameDocument(page)).toBe(true);
  // The kiosk works on from there: the touch to start reaches home.
  await page.getByRole('button', { name: '轻触屏幕开始办理' }).click();
  await expect(page.getByRole('heading', { name: '请选择您要办理的业务' })).toBeVisible();
});

test('the socket closed as soon as it opens for a while: the page says so, then shows the attract screen once the core takes it', async ({ page }) => {
  let refusing = true;
  const held = await routeCoreSocket(page, (_ws, message) => (refusing && message === null ? 'close' : 'pass'));
  await page.goto(point.kiosk.url);

  await expect(page.getByRole('heading', { name: zh.title })).toBeVisible({ timeout: 15_000 });
  await markDocument(page);
  await expect.poll(() => held.closed, { timeout: 15_000 }).toBeGreaterThanOrEqual(3); // the page keeps trying
  refusing = false;
  await expect(page.getByRole('heading', { name: POINT_NAME })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: zh.title })).toHaveCount(0);
  expect(await sameDocument(page)).toBe(true);
});

test("the boot chunk failing to load for a while (the host restarting, a file briefly missing): the waiting screen, then the attract screen", async ({ page }) => {
  // The page's second chunk (boot.tsx: React, the screens), preloaded by the page and imported by its entry, fails
  // its first three requests as a host that is not up would; then it loads.
  let failures = 0;
  await page.route(/\/assets\/boot-[^/]*\.js$/, (route) => {
    if (failures < 3) {
      failures += 1;
      return route.abort('connectionrefused');
    }
    return route.continue();
  });
  await page.goto(point.kiosk.url);

  await expect(page.getByRole('heading', { name: zh.title })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(zh.advice)).toBeVisible();
  await markDocument(page);
  await expect(page.getByRole('heading', { name: POINT_NAME })).toBeVisible({ timeout: 30_000 });
  expect(failures).toBe(3);
  await expect(page.getByRole('heading', { name: zh.title })).toHaveCount(0);
  expect(await sameDocument(page)).toBe(true);
  await page.getByRole('button', { name: '轻触屏幕开始办理' }).click();
  await expect(page.getByRole('heading', { name: '请选择您要办理的业务' })).toBeVisible();
});

test("the page language's texts failing to load for a while: the page goes on to the attract screen by itself", async ({ page }) => {
  test.setTimeout(90_000);
  // The zh-CN texts' chunk (asked by the entry once the first frame is drawn, by boot and by the waiting screen)
  // fails its first three requests; the screens' texts are fetched again with backoff, or, while nothing can show,
  // the page reloads. The host's attract screen is there from the start: what counts is the app taking it over.
  let failures = 0;
  await page.route(/\/assets\/zh-CN-[^/]*\.js$/, (route) => {
    if (failures < 3) {
      failures += 1;
      return route.abort('connectionrefused');
    }
    return route.continue();
  });
  await page.goto(point.kiosk.url);
  await appTookOver(page, 45_000);
  await expect(page.getByRole('heading', { name: POINT_NAME })).toBeVisible();
  expect(failures).toBe(3);
  await page.getByRole('button', { name: '轻触屏幕开始办理' }).click();
  await expect(page.getByRole('heading', { name: '请选择您要办理的业务' })).toBeVisible();
});
