import { expect, test } from '@playwright/test';
import { useKiosk } from './support/point';
import { expectNoAxeViolations } from './support/resident';

const point = useKiosk();

test('a resident touches the attract screen and sees the four categories', async ({ page }) => {
  await page.goto(point.kiosk.url);
  await expect(page.getByRole('heading', { name: '示例村就业社保服务点' })).toBeVisible();
  await expect(page.getByText('0351-12333')).toBeVisible();
  await page.getByRole('button', { name: '轻触屏幕开始办理' }).click();
  await expect(page.getByRole('heading', { name: '请选择您要办理的业务' })).toBeVisible();
  const tiles = page.locator('[data-category]');
  await expect(tiles).toHaveCount(4);
  for (const name of ['找工作', '学技术', '办社保', '用社保卡']) await expect(tiles.filter({ hasText: name })).toHaveCount(1);
  // The launch token is gone from the address bar once the page has connected.
  expect(page.url()).not.toContain('token=');
});

test('the language switch shows the home screen in English', async ({ page }) => {
  await page.goto(point.kiosk.url);
  await page.getByRole('button', { name: '轻触屏幕开始办理' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Please choose a service' })).toBeVisible();
  await expect(page.locator('[data-category="card"]')).toContainText('Social security card');
});

test('home waits behind the attract screen unseen and out of reach, and the touch shows that same home', async ({ page }) => {
  await page.goto(point.kiosk.url);
  // Rendered once the page is idle after the app took over (app/home-in-standby.ts).
  await expect(page.locator('.shell.shell--standby')).toBeAttached();
  await expect(page.locator('[data-category]').first()).toBeHidden();
  await expect(page.getByRole('heading', { name: '请选择您要办理的业务' })).toHaveCount(0);
  // It takes no room: the attract screen does not scroll to it.
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  // The keyboard never reaches it: every Tab stays on the attract screen.
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.shell') === null)).toBe(true);
  }
  await expectNoAxeViolations(page, 'attract with home in standby');
  await page.evaluate(() => Object.assign(document.querySelector('[data-category="job"]')!, { inStandby: true }));

  await page.getByRole('button', { name: '轻触屏幕开始办理' }).click();
  await expect(page.getByRole('heading', { name: '请选择您要办理的业务' })).toBeVisible();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
  // The very elements that waited, shown: the touch built nothing.
  expect(await page.evaluate(() => (document.querySelector('[data-category="job"]') as unknown as { inStandby?: boolean }).inStandby)).toBe(true);
  await page.locator('[data-category="job"]').click();
  await expect(page.locator('[data-screen="category:job"]')).toBeVisible();
});
