import path from 'node:path';
import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { kioskDb, takeCountyDown, usePoint } from './support/point';
import { countyClerkDecides } from './support/county-clerk';
import { completeItem } from './support/item-flow';
import { expectNoAxeViolations, startVisit } from './support/resident';

/**
 * "Where is my request" (issue 9 item 9): a resident reads, with their card, what became of what they handed in at
 * this point: waiting on the kiosk while the county is down, received once it is sent, done once the county's clerk
 * finishes it in the back office (the outcome flows down with the next sync round), and how old the county's word is.
 */
const catalog = defaultCatalog();
// An application a county clerk decides (medium risk): the back office's clerk takes and finishes it.
const application = catalog.items.find((i) => i.code === 'DEMO-03')!;
const resident = SAMPLE_RESIDENTS[3]!;
const point = usePoint('demonstration');
test.describe.configure({ mode: 'serial' });

function submissionId(trackingNumber: string): string {
  return kioskDb(point, (db) => (db.prepare('SELECT id FROM submissions WHERE tracking_number = ?').get(trackingNumber) as { id: string }).id);
}

test('a resident follows an application from "waiting on this kiosk" to "done", with their card', async ({ page }) => {
  test.setTimeout(180_000);
  await takeCountyDown(point);
  await startVisit(page, point.kiosk.url);
  const outcome = await completeItem(page, point.core, application, resident);
  expect(outcome.kind).toBe('receipt');

  // A new visit: the resident asks where it is.
  await startVisit(page, point.kiosk.url);
  await page.locator('[data-my-requests]').click();
  await expect(page.locator('[data-way="idCard"]')).toBeVisible();
  await expectNoAxeViolations(page, 'my requests: identify');
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  const row = page.locator(`[data-request="${outcome.trackingNumber}"]`);
  await expect(row).toHaveAttribute('data-request-state', 'waiting');
  await expect(row).toContainText('还在本机，联网后自动报送县里');
  await expect(row).toContainText(application.name['zh-CN']);
  await expect(page.locator('[data-county-age]')).toContainText('县里最新的消息是');
  await expectNoAxeViolations(page, 'my requests: waiting');

  await point.county.restart();
  // The reference county may start on it at once: received or in progress, never still waiting.
  await expect(row).toHaveAttribute('data-request-state', /^(received|inProgress)$/, { timeout: 60_000 });
  const id = submissionId(outcome.trackingNumber!);
  await countyClerkDecides(point, id, 'take');
  await countyClerkDecides(point, id, 'finish');
  await expect(row).toHaveAttribute('data-request-state', 'done', { timeout: 60_000 });
  await expect(row).toContainText('已经办好');
  await expect(row).toContainText('县里在');
  await page.screenshot({ path: path.resolve(__dirname, '..', '..', 'test-results', 'screens', 'clerk-04-where-is-my-request.png') });

  // Printed on the receipt printer: the printer simulator's GB18030 bytes, decoded, say what the screen says.
  await point.core.call('dev.printer.transcript', { clear: true });
  await page.locator('[data-action="print-requests"]').click();
  await expect(page.locator('[data-requests-printed]')).toBeVisible();
  const printed = async () => (await point.core.call('dev.printer.transcript', {})).text;
  await expect.poll(printed, { timeout: 20_000 }).toContain(outcome.trackingNumber!);
  const slip = await printed();
  expect(slip).toContain('我的办件进度');
  expect(slip).toContain(application.name['zh-CN']);
  expect(slip).toContain('已经办好。');
  expect(slip).toContain('县里最新的消息是');
  // The resident masked on paper: the whole ID number never appears.
  expect(slip).toContain(`${resident.idNumber.slice(0, 4)}`);
  expect(slip).not.toContain(resident.idNumber);

  await page.getByRole('button', { name: '大字模式' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(row).toContainText('Done.');
  await expect(page.locator('[data-county-age]')).toContainText("The county's latest word came");
  await expectNoAxeViolations(page, 'my requests: done (en, elder)');
  await point.core.call('dev.idCard.remove');
});
