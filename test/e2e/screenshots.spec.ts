import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startKiosk, type KioskProcess } from './support/kiosk-process';
import { openCoreSocket, type CoreSocket } from './support/core-socket';
import { writeDocumentY4m } from './support/fake-camera';
import { openCategory, pressKeys, startVisit } from './support/resident';
import { completeItem } from './support/item-flow';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';

/** The main screens, photographed for docs/screens.md and the README (1920x1080, the kiosk's screen). */
const OUT = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
let kiosk: KioskProcess;
let core: CoreSocket;
test.use({ launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`] } });
test.beforeAll(async () => {
  kiosk = await startKiosk();
  core = await openCoreSocket(kiosk);
});
test.afterAll(async () => {
  await core.call('dev.idCard.remove').catch(() => undefined);
  core.close();
  await kiosk.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

test('the main screens', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(kiosk.url);
  await expect(page.locator('.attract__start')).toBeVisible();
  await shot(page, '01-attract');
  await page.locator('.attract__start').click();
  await expect(page.locator('[data-category]')).toHaveCount(4);
  await shot(page, '02-home');
  await openCategory(page, 'insurance');
  await expect(page.locator('[data-item] [data-readiness]').first()).toBeVisible();
  await shot(page, '03-category');
  await page.locator('[data-item="INS-11"]').click();
  await shot(page, '04-item-guide');
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('[data-step="identify"]')).toBeVisible();
  await shot(page, '05-identify');
  await core.call('dev.idCard.insert', { residentIndex: 0 });
  await expect(page.locator('[data-step="form-0"]')).toBeVisible();
  await page.locator('[data-field]').first().click();
  await expect(page.locator('.osk')).toBeVisible();
  await shot(page, '06-form-with-keyboard');
  await page.locator('.shell__nav .button').nth(1).click();
  await page.getByRole('button', { name: '搜索业务' }).click();
  await page.locator('.osk [data-skbtn="{lang}"]').click();
  await pressKeys(page, 'yang');
  await shot(page, '07-search-pinyin-keyboard');
  await page.getByRole('button', { name: '大字模式' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.shell__nav .button').nth(1).click();
  await shot(page, '08-home-english-large-text');
});

test('a receipt, and an item that needs the county while it is unreachable', async ({ page }) => {
  test.setTimeout(120_000);
  const item = (code: string) => defaultCatalog().items.find((i) => i.code === code)!;
  await startVisit(page, kiosk.url);
  await completeItem(page, core, item('JOB-04'), SAMPLE_RESIDENTS[0]!);
  await shot(page, '09-receipt');
  await page.locator('[data-action="finish"]').click();
  // This demo kiosk has no county: an item that needs it says so before anyone starts.
  await startVisit(page, kiosk.url);
  await openCategory(page, 'insurance');
  await page.locator('[data-item="INS-06"]').click();
  await expect(page.locator('[data-action="start"]')).toBeDisabled();
  await shot(page, '10-item-needs-the-county');
});
