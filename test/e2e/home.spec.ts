import { expect, test } from '@playwright/test';
import { useKiosk } from './support/point';

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
