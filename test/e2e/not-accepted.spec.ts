import path from 'node:path';
import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { completeItem } from './support/item-flow';
import { readDb, takeCountyDown, usePoint } from './support/point';
import { expectNoAxeViolations, startVisit } from './support/resident';

/**
 * "Not accepted" in "where is my request" (issue 11): an application taken here while the county was down reaches a
 * county that withdrew the item meanwhile (its new catalogue lacks it), so the county refuses it item by item
 * ('unknownItem') instead of storing it. The resident reads that the county did not take it and to ask a clerk, in
 * zh-CN and English with large text, axe-clean; the county stored nothing for it and recorded its refusal.
 */
const catalog = defaultCatalog();
const item = catalog.items.find((i) => i.code === 'JOB-01')!;
const resident = SAMPLE_RESIDENTS[3]!;
const point = usePoint('village');

const countyFile = () => path.join(point.county.dataDir, 'county.sqlite');

test('an application the county refuses shows "not accepted", and the county stored nothing for it', async ({ page }) => {
  test.setTimeout(240_000);
  await takeCountyDown(point);
  await startVisit(page, point.kiosk.url);
  const outcome = await completeItem(page, point.core, item, resident);
  expect(outcome.kind).toBe('receipt');
  const tracking = outcome.trackingNumber!;

  // The county comes back having withdrawn JOB-01 (published before the kiosk's next round, 5 s away).
  await point.county.restart();
  const withdrawn = { ...catalog, items: catalog.items.filter((i) => i.code !== item.code) };
  const published = await fetch(`${point.county.url}/admin/v1/config/catalog`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${point.county.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(withdrawn),
  });
  expect(published.status, await published.text()).toBe(200);

  // What the county did: refused it (a delivery answered 'rejected'), stored no item under its tracking number.
  const refusals = () => readDb(countyFile(), (db) => db.prepare("SELECT item_id AS id FROM deliveries WHERE outcome = 'rejected'").all() as Array<{ id: string }>);
  await expect.poll(() => refusals().length, { timeout: 90_000, intervals: [1000] }).toBe(1);
  expect(readDb(countyFile(), (db) => db.prepare('SELECT COUNT(*) AS n FROM items WHERE tracking_number = ?').get(tracking))).toEqual({ n: 0 });
  expect(readDb(countyFile(), (db) => db.prepare('SELECT COUNT(*) AS n FROM outcomes WHERE item_id = ?').get(refusals()[0]!.id))).toEqual({ n: 0 });

  // What the resident reads.
  await startVisit(page, point.kiosk.url);
  await page.locator('[data-my-requests]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  await expect(page.locator('[data-requests]')).toBeVisible({ timeout: 20_000 });
  const row = page.locator(`[data-request="${tracking}"]`);
  await expect(row).toHaveAttribute('data-request-state', 'notAccepted', { timeout: 60_000 });
  await expect(row).toContainText('县里没有接收这份申请，请找工作人员帮您处理。');
  await expect(row.locator('[data-action="complete-returned"]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'where is my request: notAccepted');
  await page.getByRole('button', { name: '大字模式' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(row).toContainText('The county did not accept this application. Please ask a clerk to help you.');
  await expectNoAxeViolations(page, 'where is my request: notAccepted (en, large text)');
  await point.core.call('dev.idCard.remove');
});
