import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { startKiosk, type KioskProcess } from './support/kiosk-process';
import { openCoreSocket, type CoreSocket } from './support/core-socket';
import { startCounty, writeKioskConfig, type CountyProcess } from './support/county-process';
import { completeItem } from './support/item-flow';
import { expectNoAxeViolations, openCategory, startVisit } from './support/resident';

/**
 * The network comes and goes: an apply item is accepted while the county is down and delivered once it is back;
 * a query item says plainly that it cannot be looked up now; a tile turns unavailable when the printer runs out of
 * paper and back when it is refilled.
 */
const catalog = defaultCatalog();
const item = (code: string) => catalog.items.find((i) => i.code === code)!;
const resident = SAMPLE_RESIDENTS[3]!;
let county: CountyProcess;
let kiosk: KioskProcess;
let core: CoreSocket;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  county = await startCounty();
  kiosk = await startKiosk(['--config', writeKioskConfig(county, 'village'), '--simulate']);
  core = await openCoreSocket(kiosk);
  await expect.poll(async () => (await core.call<{ online: boolean }>('sync.status')).online, { timeout: 30_000 }).toBe(true);
});
test.afterAll(async () => {
  core?.close();
  await kiosk?.stop();
  await county?.stop();
});

const online = async () => (await core.call<{ online: boolean }>('sync.status')).online;

test("the attract screen shows the county's announcements, pulled with the config", async ({ page }) => {
  await page.goto(kiosk.url);
  const announcement = page.locator('[data-announcement]');
  await expect(announcement).toBeVisible({ timeout: 30_000 });
  await expect(announcement.locator('h2')).not.toBeEmpty();
  await expectNoAxeViolations(page, 'attract (announcement)');
});

test('with the county down, an apply item is accepted here and reaches the county once it is back', async ({ page }) => {
  test.setTimeout(180_000);
  await county.stop();
  await expect.poll(online, { timeout: 60_000, intervals: [1000] }).toBe(false);
  await startVisit(page, kiosk.url);
  await openCategory(page, 'job');
  await expect(page.locator('[data-item="JOB-01"] [data-readiness]')).toHaveAttribute('data-readiness', 'queued');
  // No job listing was looked up (and so cached) on this kiosk yet: offline, the listing is honestly unavailable.
  await expect(page.locator('[data-item="JOB-02"] [data-readiness]')).toHaveAttribute('data-readiness', 'unavailable');
  await page.locator('.shell__nav .button').first().click();
  const outcome = await completeItem(page, core, item('JOB-01'), resident);
  expect(outcome.kind).toBe('receipt');
  await expect(page.getByText('您的申请已在本服务点受理')).toBeVisible();
  await expectNoAxeViolations(page, 'receipt (offline)');
  expect(county.stored().length).toBe(0);

  await county.restart();
  await expect.poll(() => county.stored().filter((s) => s.trackingNumber === outcome.trackingNumber).length, { timeout: 90_000, intervals: [1000] }).toBe(1);
});

test('a query item while the county is down says so plainly, with the hotline and when to come back', async ({ page }) => {
  test.setTimeout(120_000);
  await expect.poll(online, { timeout: 60_000, intervals: [1000] }).toBe(true);
  await startVisit(page, kiosk.url);
  await openCategory(page, 'insurance');
  await page.locator('[data-item="INS-05"]').click();
  await page.locator('[data-action="start"]').click();
  // The network drops after the resident started.
  await county.stop();
  await core.call('dev.idCard.insert', { residentIndex: resident.index });
  const notice = page.locator('[data-offline="true"]');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('现在网络不通，查不了。');
  await expect(notice).toContainText('12333');
  await expect(notice).toContainText('08:30–17:30');
  await expectNoAxeViolations(page, 'lookup (offline)');
  await page.locator('[data-action="finish"]').click();

  // Before starting, the tile itself already says the network is needed.
  await expect.poll(online, { timeout: 60_000, intervals: [1000] }).toBe(false);
  await startVisit(page, kiosk.url);
  await openCategory(page, 'insurance');
  await expect(page.locator('[data-item="INS-05"] [data-readiness]')).toHaveAttribute('data-readiness', 'unavailable');
  await expect(page.locator('[data-item="INS-05"] [data-reason="county"]')).toBeVisible();
  await page.locator('[data-item="INS-05"]').click();
  await expect(page.locator('[data-action="start"]')).toBeDisabled();
  await county.restart();
});

test('a tile turns unavailable when the printer runs out of paper, and back when it is refilled', async ({ page }) => {
  await startVisit(page, kiosk.url);
  await openCategory(page, 'job');
  const badge = page.locator('[data-item="JOB-01"] [data-readiness]');
  await expect(badge).toHaveAttribute('data-readiness', /ready|queued/);
  await core.call('dev.printer.paper', { state: 'out' });
  await expect(badge).toHaveAttribute('data-readiness', 'unavailable');
  await expect(page.locator('[data-item="JOB-01"] [data-reason="receiptPrinter"]')).toBeVisible();
  await expectNoAxeViolations(page, 'category (printer out of paper)');
  await page.locator('[data-item="JOB-01"]').click();
  await expect(page.locator('[data-action="start"]')).toBeDisabled();
  await core.call('dev.printer.paper', { state: 'present' });
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
});
