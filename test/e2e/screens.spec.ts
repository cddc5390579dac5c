/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { useKiosk } from './support/point';
import { expectNoAxeViolations, openCategory, pressKeys, startVisit } from './support/resident';

/**
 * The resident's screens before any personal data: attract, home, category lists, item page with guide and the
 * one-time notification, search by pinyin initials, elder mode, language switch, help button, idle countdown.
 * Each screen is scanned with axe-core.
 */
const point = useKiosk();

test('attract, home, a category, an item page: guide, materials, and the one-time notification printed', async ({ page }) => {
  await page.goto(point.kiosk.url);
  await expect(page.getByRole('heading', { name: '示例村就业社保服务点' })).toBeVisible();
  await expectNoAxeViolations(page, 'attract');
  await page.locator('.attract__start').click();
  await expect(page.locator('[data-category]')).toHaveCount(4);
  await expectNoAxeViolations(page, 'home');

  await openCategory(page, 'job');
  // 15 items under 找工作, each with its readiness in words.
  await expect(page.locator('[data-item]')).toHaveCount(15);
  await expect(page.locator('[data-item="JOB-01"] [data-readiness]')).toBeVisible();
  await expectNoAxeViolations(page, 'category');

  await page.locator('[data-item="JOB-01"]').click();
  await expect(page.getByRole('heading', { level: 1, name: '求职登记' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '办事指南' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '要带的材料' })).toBeVisible();
  await expectNoAxeViolations(page, 'item');

  await page.locator('[data-action="print-notification"]').click();
  await expect(page.getByText('告知单已打印，请从出纸口取走。')).toBeVisible({ timeout: 20_000 });
  // What the printer simulator put on paper: the item's name and its materials, all at once.
  await expect.poll(async () => (await point.core.call('dev.printer.transcript', {})).text, { timeout: 20_000 }).toContain('求职登记');
});

test('search by pinyin initials on the on-screen keyboard: "sbk" finds the social security card items', async ({ page }) => {
  await startVisit(page, point.kiosk.url);
  await page.getByRole('button', { name: '搜索业务' }).click();
  await pressKeys(page, 'sbk');
  await expect(page.getByTestId('search-input')).toHaveValue('sbk');
  await expect(page.locator('[data-item="CARD-01"]')).toBeVisible();
  await expectNoAxeViolations(page, 'search');
  await page.locator('[data-item="CARD-01"]').click();
  await expect(page.locator('[data-screen="item:CARD-01"]')).toBeVisible();
});

test('elder mode enlarges text about 1.3 times; the language switch works mid-screen and both reset after the visit', async ({ page }) => {
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'insurance');
  const size = () => page.locator('.item-tile__name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const normal = await size();
  await page.getByRole('button', { name: '大字模式' }).click();
  await expect(page.locator('html')).toHaveClass(/elder/);
  expect((await size()) / normal).toBeCloseTo(1.3, 1);
  const bodyText = await page.locator('body').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(bodyText).toBeGreaterThanOrEqual(24 * 1.3 - 0.1);
  await expectNoAxeViolations(page, 'category (elder mode)');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Social insurance' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page, 'category (English)');

  // Every touch target of the screen is at least 64 px (x1.3 in elder mode).
  const smallest = await page.locator('button').evaluateAll((els) => Math.min(...els.filter((e) => (e as HTMLElement).offsetParent).map((e) => e.getBoundingClientRect().height)));
  expect(smallest).toBeGreaterThanOrEqual(64);

  // Finishing the visit: back to the attract screen in Chinese, normal size.
  await page.getByRole('button', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.locator('.attract__start')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).not.toHaveClass(/elder/);
});

test('the help button raises help.requested; with no clerk logged in it promises nothing and gives the duty phone', async ({ page }) => {
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'card');
  const before = point.core.events.length;
  await page.getByRole('button', { name: '呼叫工作人员' }).click();
  // The demo point has no staff list: nobody can be logged in, so nobody was told (test/e2e/help-calls.spec.ts has the clerks).
  await expect(page.locator('[data-help-state="nobody"]')).toContainText('现在没有工作人员登录');
  await expect(page.getByText('马上有人来帮您')).toHaveCount(0);
  const data = (await point.core.waitForEvent('help.requested', (d) => (d as { screen: string }).screen === 'category:card')) as { screen: string; at: string };
  expect(point.core.events.length).toBeGreaterThan(before);
  expect(data.screen).toBe('category:card');
  await expectNoAxeViolations(page, 'help banner');
});

test('idle: the countdown dialog offers "continue", and when it runs out the attract screen returns', async ({ page }) => {
  await page.clock.install();
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'skill');
  // The demo point's idle timeout is 75 s with a 20 s countdown.
  await page.clock.fastForward(76_000);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('您还在办理吗？');
  await expectNoAxeViolations(page, 'idle dialog');
  await page.getByTestId('idle-continue').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-screen="category:skill"]')).toBeVisible();

  await page.clock.fastForward(76_000);
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 21; i += 1) await page.clock.fastForward(1_000);
  await expect(page.locator('.attract__start')).toBeVisible();
});

test('elder mode doubles the idle time', async ({ page }) => {
  await page.clock.install();
  await startVisit(page, point.kiosk.url);
  await page.getByRole('button', { name: '大字模式' }).click();
  await page.clock.fastForward(76_000);
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.clock.fastForward(75_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
});
