import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { completeItem } from './support/item-flow';
import { takeCountyDown, usePoint } from './support/point';
import { expectNoAxeViolations, openCategory, startVisit } from './support/resident';

/**
 * The network comes and goes: an apply item is accepted while the county is down and delivered once it is back;
 * a query item says plainly that it cannot be looked up now; a tile turns unavailable when the printer runs out of
 * paper and back when it is refilled.
 */
const catalog = defaultCatalog();
const item = (code: string) => catalog.items.find((i) => i.code === code)!;
const resident = SAMPLE_RESIDENTS[3]!;
test.describe.configure({ mode: 'serial' });
const point = usePoint('village');

const online = async () => (await point.core.call('sync.status')).online;

test("the attract screen shows the county's announcements, pulled with the config", async ({ page }) => {
  await page.goto(point.kiosk.url);
  const announcement = page.locator('[data-announcement]');
  await expect(announcement).toBeVisible({ timeout: 30_000 });
  await expect(announcement.locator('h2')).not.toBeEmpty();
  await expectNoAxeViolations(page, 'attract (announcement)');
});

test('with the county down, an apply item is accepted here and reaches the county once it is back', async ({ page }) => {
  test.setTimeout(180_000);
  await takeCountyDown(point);
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await expect(page.locator('[data-item="JOB-01"] [data-readiness]')).toHaveAttribute('data-readiness', 'queued');
  // No job listing was looked up (and so cached) on this kiosk yet: offline, the listing is honestly unavailable.
  await expect(page.locator('[data-item="JOB-02"] [data-readiness]')).toHaveAttribute('data-readiness', 'unavailable');
  await page.locator('.shell__nav .button').first().click();
  const outcome = await completeItem(page, point.core, item('JOB-01'), resident);
  expect(outcome.kind).toBe('receipt');
  await expect(page.getByText('您的申请已在本服务点受理')).toBeVisible();
  await expectNoAxeViolations(page, 'receipt (offline)');
  expect(point.county.stored().length).toBe(0);

  await point.county.restart();
  await expect.poll(() => point.county.stored().filter((s) => s.trackingNumber === outcome.trackingNumber).length, { timeout: 90_000, intervals: [1000] }).toBe(1);
});

test('a query item while the county is down says so plainly, with the hotline and when to come back', async ({ page }) => {
  test.setTimeout(120_000);
  await expect.poll(online, { timeout: 60_000, intervals: [1000] }).toBe(true);
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'insurance');
  await page.locator('[data-item="INS-05"]').click();
  await page.locator('[data-action="start"]').click();
  // The network drops after the resident started.
  await point.county.stop();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  const notice = page.locator('[data-offline="true"]');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('现在网络不通，查不了。');
  await expect(notice).toContainText('12333');
  await expect(notice).toContainText('08:30–17:30');
  await expectNoAxeViolations(page, 'lookup (offline)');
  await page.locator('[data-action="finish"]').click();

  // Before starting, the tile itself already says the network is needed.
  await expect.poll(online, { timeout: 60_000, intervals: [1000] }).toBe(false);
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'insurance');
  await expect(page.locator('[data-item="INS-05"] [data-readiness]')).toHaveAttribute('data-readiness', 'unavailable');
  await expect(page.locator('[data-item="INS-05"] [data-reason="county"]')).toBeVisible();
  await page.locator('[data-item="INS-05"]').click();
  await expect(page.locator('[data-action="start"]')).toBeDisabled();
  await point.county.restart();
});

test('a tile turns unavailable when the printer runs out of paper, and back when it is refilled', async ({ page }) => {
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  const badge = page.locator('[data-item="JOB-01"] [data-readiness]');
  await expect(badge).toHaveAttribute('data-readiness', /ready|queued/);
  await point.core.call('dev.printer.paper', { state: 'out' });
  await expect(badge).toHaveAttribute('data-readiness', 'unavailable');
  await expect(page.locator('[data-item="JOB-01"] [data-reason="receiptPrinter"]')).toBeVisible();
  await expectNoAxeViolations(page, 'category (printer out of paper)');
  await page.locator('[data-item="JOB-01"]').click();
  await expect(page.locator('[data-action="start"]')).toBeDisabled();
  await point.core.call('dev.printer.paper', { state: 'present' });
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
});
