import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { startCounty, type CountyProcess } from './support/county-process';
import { CONSOLE_VIEWPORT, checkConsoleScreen, openConsolePage, signInConsole } from './support/console-page';

/** The township/county console served by the gateway (demo seed), in Chromium at 1366x768. */
let county: CountyProcess;
test.use({ viewport: CONSOLE_VIEWPORT });
test.beforeAll(async () => {
  county = await startCounty();
});
test.afterAll(async () => {
  await county.stop();
});

test('sign-in: a wrong password is refused in words, a township account sees its own points, sign-out ends the session', async ({ page, context }) => {
  await page.goto(`${county.url}/console/`);
  await expect(page.locator('#login-username')).toBeVisible();
  await checkConsoleScreen(page, 'console-01-login');
  await page.locator('#login-username').fill('tuwo');
  await page.locator('#login-password').fill('not-the-password');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[data-error="bad_credentials"]')).toContainText('账号或密码不正确');

  await signInConsole(page, county, 'tuwo');
  const cookie = (await context.cookies()).find((c) => c.name === 'county_console')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('county_console');

  await openConsolePage(page, 'points');
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.locator('[data-row="demo-kiosk-3"]')).toHaveCount(0);
  await checkConsoleScreen(page, 'console-02-points');
  await openConsolePage(page, 'audit');
  await expect(page.locator('[data-col="action"]').first()).toContainText('登录');
  await checkConsoleScreen(page, 'console-03-audit');

  await page.locator('[data-action="language"]').click();
  await expect(page.locator('main h1')).toHaveText('Audit trail');
  await checkConsoleScreen(page, 'console-03-audit-en');

  await page.locator('[data-action="logout"]').click();
  await expect(page.locator('#login-username')).toBeVisible();
  const after = await page.request.get(`${county.url}/console/api/points`);
  expect(after.status()).toBe(401);
});

test('a second township sees none of the first one’s points, by page or by API', async ({ page }) => {
  await signInConsole(page, county, 'beige');
  await openConsolePage(page, 'points');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('[data-row="demo-kiosk-3"]')).toBeVisible();
  const points = await (await page.request.get(`${county.url}/console/api/points`)).json();
  expect(points.points.map((p: { kioskId: string }) => p.kioskId)).toEqual(['demo-kiosk-3']);
});

test('programme: the township records commissioning, the share against the county date moves, and the table exports to xlsx', async ({ page }) => {
  await signInConsole(page, county, 'tuwo');
  await openConsolePage(page, 'programme');
  const half = page.locator('tr[data-row="commissioned-0.5"]');
  await expect(half.locator('[data-col="reached"]')).toContainText('0%');
  const cell = page.locator('tr[data-row="demo-kiosk-2"] [data-stage="commissioned"]');
  await expect(cell).toHaveAttribute('data-done', 'no');
  await cell.locator('button').click();
  await expect(cell).toHaveAttribute('data-done', 'yes');
  await expect(half.locator('[data-col="reached"]')).toContainText('50%');
  await checkConsoleScreen(page, 'console-00-programme');

  const download = page.waitForEvent('download');
  await page.locator('[data-action="export"]').click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
  const village = rows.find((r) => r.includes('140105001201'))!;
  expect(village[7]).toBe(new Date().toISOString().slice(0, 10)); // commissioned, the column after trained
  expect(rows.some((r) => r.includes('140105002203'))).toBe(false);
});
