import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { writeDocumentY4m } from './support/fake-camera';
import { takeCardsOutAfterEach, useKiosk } from './support/point';
import { openCategory, pressKeys, startVisit } from './support/resident';
import { completeItem } from './support/item-flow';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';

/**
 * The main screens, photographed for docs/screens.md and the README (1920x1080, the kiosk's screen). Each shot is
 * taken only after the screen's state is asserted, and goes to test output: `npm run docs:screens` copies them into
 * docs/screenshots (a test run never changes committed files).
 */
const OUT = path.resolve(__dirname, '..', '..', 'test-results', 'screens');
const catalog = defaultCatalog();
const item = (code: string) => catalog.items.find((i) => i.code === code)!;
const point = useKiosk();
takeCardsOutAfterEach(point);
test.use({ launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`] } });

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

test('the main screens', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(point.kiosk.url);
  await expect(page.locator('.attract__start')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('.shell')).toBeHidden(); // no frame, no resident yet (home waits unseen behind it)
  await shot(page, '01-attract');

  await page.locator('.attract__start').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
  await expect(page.locator('[data-category]')).toHaveCount(4);
  for (const c of ['job', 'skill', 'insurance', 'card']) await expect(page.locator(`[data-category="${c}"]`)).toBeVisible();
  await shot(page, '02-home');

  await openCategory(page, 'insurance');
  const tiles = page.locator('[data-item]');
  await expect(tiles.locator('[data-readiness]').first()).toBeVisible();
  // Readiness on every tile, and the tile names are the catalogue's.
  await expect(tiles.locator('[data-readiness]')).toHaveCount(await tiles.count());
  await expect(page.locator('[data-item="INS-11"]')).toContainText(item('INS-11').name['zh-CN']);
  await shot(page, '03-category');

  await page.locator('[data-item="INS-11"]').click();
  await expect(page.locator('[data-screen="item:INS-11"]')).toBeVisible();
  await expect(page.locator('[data-screen="item:INS-11"]')).toContainText(item('INS-11').name['zh-CN']);
  for (const m of item('INS-11').materials) await expect(page.locator('[data-screen="item:INS-11"]')).toContainText(m.name['zh-CN']);
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
  await shot(page, '04-item-guide');

  await page.locator('[data-action="start"]').click();
  await expect(page.locator('[data-step="identify"]')).toBeVisible();
  await shot(page, '05-identify');

  await point.core.call('dev.idCard.insert', { residentIndex: 0 });
  await expect(page.locator('[data-step="form-0"]')).toBeVisible();
  await page.locator('[data-field]').first().click();
  await expect(page.locator('.osk')).toBeVisible();
  await expect(page.locator('[data-field]').first()).toHaveClass(/field__input--active/); // the keyboard types into it
  await shot(page, '06-form-with-keyboard');

  await page.locator('.shell__nav .button').nth(1).click();
  await page.getByRole('button', { name: '搜索业务' }).click();
  await expect(page.locator('[data-screen="search"]')).toBeVisible();
  await page.locator('.osk [data-skbtn="{lang}"]').click();
  await pressKeys(page, 'yang');
  await expect(page.getByTestId('pinyin-buffer')).toHaveText('yang');
  await expect(page.locator('.osk [data-candidate="羊"]')).toBeVisible(); // the pinyin keyboard offers characters read yang
  await shot(page, '07-search-pinyin-keyboard');

  await page.getByRole('button', { name: '大字模式' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.shell__nav .button').nth(1).click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveClass(/\belder\b/);
  await expect(page.locator('[data-category="insurance"]')).not.toContainText(/[\u4e00-\u9fff]/);
  await shot(page, '08-home-english-large-text');
});

test('a receipt, and an item that needs the county while it is unreachable', async ({ page }) => {
  test.setTimeout(120_000);
  await startVisit(page, point.kiosk.url);
  const outcome = await completeItem(page, point.core, item('JOB-04'), SAMPLE_RESIDENTS[0]!);
  expect(outcome.kind).toBe('receipt');
  await expect(page.locator('[data-step="receipt"]')).toBeVisible();
  await expect(page.getByTestId('tracking-number')).toHaveText(/^\s*\d{8}-[0-9A-Z]{8}\s*$/);
  await shot(page, '09-receipt');
  await page.locator('[data-action="finish"]').click();
  // This demo kiosk has no county: an item that needs it says so before anyone starts.
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'insurance');
  await page.locator('[data-item="INS-06"]').click();
  await expect(page.locator('[data-action="start"]')).toBeDisabled();
  await expect(page.locator('[data-screen="item:INS-06"] [data-reason="county"]')).toBeVisible();
  await shot(page, '10-item-needs-the-county');
});
