import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { maskIdNumber } from '../../src/shared/domain/mask';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { kioskDb, usePoint } from './support/point';
import { writeDocumentY4m } from './support/fake-camera';
import { expectCountyHoldsSubmitted } from './support/county-record';
import { completeItem } from './support/item-flow';
import { recordSubmits } from './support/submit-recorder';
import { expectNoAxeViolations } from './support/resident';
import { staffLogin } from './support/staff';

/**
 * Assisted service (帮办, issue 9 item 2): a clerk logged in on the kiosk helps a resident through apply items; the
 * county stores each submission stamped assisted with the clerk's id, and a resident identified by a typed ID number
 * carries the reason the clerk chose. Proof is read from the county's own database, not from the kiosk's screen.
 */
test.use({ launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`] } });

const catalog = defaultCatalog();
const item = (code: string) => catalog.items.find((i) => i.code === code)!;
const point = usePoint('demonstration');
test.describe.configure({ mode: 'serial' });

test('a clerk helps a resident through an apply item: the county stores it stamped assisted with the clerk’s id', async ({ page }) => {
  test.setTimeout(120_000);
  recordSubmits(page);
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await page.locator('.attract__start').click();
  const started = new Date();
  const outcome = await completeItem(page, point.core, item('JOB-01'), SAMPLE_RESIDENTS[3]!);
  expect(outcome.kind).toBe('receipt');
  await expect(page.locator('[data-staff-banner]')).toContainText('李秀英');
  expect(kioskDb(point, (db) => db.prepare('SELECT channel, operator_id AS operatorId FROM submissions WHERE tracking_number = ?').get(outcome.trackingNumber))).toEqual({ channel: 'assisted', operatorId: 'clerk-li' });
  await expectCountyHoldsSubmitted(point.county, outcome, { itemCode: 'JOB-01', resident: SAMPLE_RESIDENTS[3]!, channel: 'assisted', operatorId: 'clerk-li', submittedAfter: started });
});

test('a resident alone at the same kiosk produces a self record with no operator', async ({ page }) => {
  test.setTimeout(120_000);
  recordSubmits(page);
  await page.goto(point.kiosk.url);
  await page.locator('.attract__start').click();
  const started = new Date();
  const outcome = await completeItem(page, point.core, item('JOB-01'), SAMPLE_RESIDENTS[4]!);
  expect(kioskDb(point, (db) => db.prepare('SELECT channel, operator_id AS operatorId FROM submissions WHERE tracking_number = ?').get(outcome.trackingNumber))).toEqual({ channel: 'self', operatorId: null });
  await expectCountyHoldsSubmitted(point.county, outcome, { itemCode: 'JOB-01', resident: SAMPLE_RESIDENTS[4]!, submittedAfter: started });
});

test('a clerk identifies a resident by a typed ID number with a reason; the county receives the reason with the application', async ({ page }) => {
  test.setTimeout(120_000);
  const resident = SAMPLE_RESIDENTS[5]!;
  recordSubmits(page);
  await page.goto(point.kiosk.url);
  await staffLogin(page, 'li', DEMO_STAFF_PASSWORDS.li!);
  await page.locator('.attract__start').click();
  // (Card items never take a typed number now: a job-seeker registration does.)
  await page.locator('[data-category="job"]').click();
  await page.locator('[data-item="JOB-01"]').click();
  await page.locator('[data-action="start"]').click();
  // The typed entry asks for a reason before it lets the clerk go on.
  const typed = page.locator('[data-typed-id]');
  await expect(typed).toBeVisible();
  await expectNoAxeViolations(page, 'identify with typed ID (clerk)');
  await page.getByRole('button', { name: '首页' }).click();
  const started = new Date();
  const outcome = await completeItem(page, point.core, item('JOB-01'), resident, { typedByClerk: { reason: 'cardUnreadable' } });
  expect(outcome.kind).toBe('receipt');
  // Only the number was typed: the record stands in its masked form for the name the card would have given.
  await expectCountyHoldsSubmitted(point.county, outcome, { itemCode: 'JOB-01', resident, channel: 'assisted', operatorId: 'clerk-li', typedReason: 'cardUnreadable', nameOnRecord: maskIdNumber(resident.idNumber), submittedAfter: started });
});
