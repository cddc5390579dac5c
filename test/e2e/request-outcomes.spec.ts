import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { attachmentFile } from '../../src/county/attachments';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { SubmissionPayload } from '../../src/shared/sync/protocol';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { writeDocumentY4m } from './support/fake-camera';
import { countyClerkDecides } from './support/county-clerk';
import { completeItem } from './support/item-flow';
import { countyOutcome, readDb, usePoint } from './support/point';
import { expectNoAxeViolations, startVisit } from './support/resident';

/**
 * Outcomes as the resident sees them (issue 11 items 2 and the proof list): an application the county clerk returns
 * for a missing material is completed at the kiosk (the page photographed again) and sent as the same application,
 * then ends done; another is refused with the reason. Every state of "where is my request" is read in zh-CN, and in
 * English with large text, each screen axe-clean; what the county stored is checked, not only the words.
 */
test.use({
  launchOptions: {
    executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`],
  },
});
const catalog = defaultCatalog();
// A start-up guaranteed loan: a county clerk decides it, and it takes a business licence.
const application = catalog.items.find((i) => i.code === 'JOB-12')!;
const resident = SAMPLE_RESIDENTS[3]!;
const point = usePoint('village');
const CLERK = 'county-clerk-7';
test.describe.configure({ mode: 'serial' });

/** The county's stored rounds of one application (the first, then each time it was sent again), oldest first. */
function countyRounds(trackingNumber: string): Array<{ id: string; applicationId: string | null; payload: SubmissionPayload }> {
  return readDb(path.join(point.county.dataDir, 'county.sqlite'), (db) =>
    (db.prepare('SELECT id, application_id AS applicationId, payload FROM items WHERE tracking_number = ? ORDER BY arrival').all(trackingNumber) as Array<{ id: string; applicationId: string | null; payload: string }>).map(
      (r) => ({ ...r, payload: JSON.parse(r.payload) as SubmissionPayload }),
    ),
  );
}

async function openMyRequests(page: Page): Promise<void> {
  await startVisit(page, point.kiosk.url);
  await page.locator('[data-my-requests]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  await expect(page.locator('[data-requests]')).toBeVisible({ timeout: 20_000 });
}

/**
 * One state as the resident reads it: the row's word in Chinese, then in English with large text (and back), each
 * screen axe-clean. `zh`/`en` are the words expected beside the state (the county's reason, what is missing).
 */
async function seeState(page: Page, row: Locator, word: string, zh: string[], en: string[]): Promise<void> {
  await expect(row).toHaveAttribute('data-request-state', word, { timeout: 60_000 });
  for (const text of zh) await expect(row).toContainText(text);
  await expectNoAxeViolations(page, `where is my request: ${word}`);
  await page.getByRole('button', { name: '大字模式' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const text of en) await expect(row).toContainText(text);
  await expectNoAxeViolations(page, `where is my request: ${word} (en, large text)`);
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '大字模式：开' }).click();
  await expect(row).toContainText(zh[0]!);
}

test('returned for a missing material, completed here as the same application, then done', async ({ page }) => {
  test.setTimeout(300_000);
  await startVisit(page, point.kiosk.url);
  const outcome = await completeItem(page, point.core, application, resident);
  expect(outcome.kind).toBe('receipt');
  const tracking = outcome.trackingNumber!;
  await expect.poll(() => countyRounds(tracking).length, { timeout: 60_000, intervals: [1000] }).toBe(1);
  const applicationId = countyRounds(tracking)[0]!.id;

  await openMyRequests(page);
  const row = page.locator(`[data-request="${tracking}"]`);
  await seeState(page, row, 'received', ['县里已经收到，等待办理。', application.name['zh-CN']], ['The county has received it', application.name.en]);

  await countyClerkDecides(point, applicationId, 'take', { clerkId: CLERK });
  await seeState(page, row, 'inProgress', ['县里正在办理。'], ['The county is working on it.']);

  const note = { 'zh-CN': '营业执照照片看不清，请重新拍一张。', en: 'The business licence photo is unreadable; please photograph it again.' };
  await countyClerkDecides(point, applicationId, 'return', { clerkId: CLERK, materials: ['businessLicence'], note });
  await seeState(page, row, 'returned', ['退回补材料：', '营业执照照片看不清'], ['Returned, something is missing:', 'business licence photo is unreadable']);

  // The resident photographs the licence again and sends it: the same tracking number, waiting here until it is sent.
  await row.locator('[data-action="complete-returned"]').click();
  const complete = page.locator(`[data-complete-returned="${tracking}"]`);
  await expect(complete).toBeVisible();
  await expect(complete.locator('[data-action="resend"]')).toBeDisabled();
  await expectNoAxeViolations(page, 'complete a returned application');
  await complete.locator('[data-material="businessLicence"] [data-action="capture"]').click();
  await expect(complete.locator('[data-material="businessLicence"] img[data-page]')).toHaveCount(1, { timeout: 15_000 });
  await complete.locator('[data-action="resend"]').click();
  await expect(row).toHaveAttribute('data-request-state', /^(waiting|inProgress)$/, { timeout: 20_000 });

  // What arrived: a second round of the same application (same tracking number, pointing at the first), the same
  // form, the new licence page, whose bytes the county keeps.
  await expect.poll(() => countyRounds(tracking).length, { timeout: 60_000, intervals: [1000] }).toBe(2);
  const [first, second] = countyRounds(tracking) as [ReturnType<typeof countyRounds>[number], ReturnType<typeof countyRounds>[number]];
  expect(second.applicationId).toBe(first.id);
  expect(second.payload.form).toEqual(first.payload.form);
  expect(second.payload.resident.idNumber).toBe(resident.idNumber);
  expect(second.payload.attachments.map((a) => a.materialCode)).toEqual(['businessLicence']);
  const page2 = second.payload.attachments[0]!;
  await expect.poll(() => fs.existsSync(attachmentFile(path.join(point.county.dataDir, 'attachments'), point.county.kioskId, page2.sha256)), { timeout: 60_000, intervals: [1000] }).toBe(true);
  await seeState(page, row, 'inProgress', ['县里正在办理。'], ['The county is working on it.']);

  await countyClerkDecides(point, applicationId, 'take', { clerkId: CLERK });
  await countyClerkDecides(point, applicationId, 'finish', { clerkId: CLERK });
  await seeState(page, row, 'done', ['已经办好。'], ['Done.']);
  const final = countyOutcome(point, tracking)!;
  expect(final.state).toBe('done');
  // The county's own steps: returned, then the added material taken in on the same application, then done.
  const steps = final.steps.map((s) => `${s.state}: ${s.text['zh-CN']}`);
  const returnedAt = steps.findIndex((s) => s.startsWith('returned'));
  expect(returnedAt).toBeGreaterThan(0);
  expect(steps.slice(returnedAt + 1)).toContain('inProgress: 补充的材料已收到，继续办理。');
  expect(steps.at(-1)).toMatch(/^done/);
  await point.core.call('dev.idCard.remove');
});

test('refused, with the reason in words', async ({ page }) => {
  test.setTimeout(180_000);
  await startVisit(page, point.kiosk.url);
  const outcome = await completeItem(page, point.core, application, resident);
  const tracking = outcome.trackingNumber!;
  await expect.poll(() => countyRounds(tracking).length, { timeout: 60_000, intervals: [1000] }).toBe(1);
  const applicationId = countyRounds(tracking)[0]!.id;
  await countyClerkDecides(point, applicationId, 'take', { clerkId: CLERK });
  const reason = { 'zh-CN': '您还有没还清的创业担保贷款，不能再贷一笔。', en: 'You still have a start-up guaranteed loan to repay, so a second one cannot be granted.' };
  await countyClerkDecides(point, applicationId, 'refuse', { clerkId: CLERK, reason });
  expect(countyOutcome(point, tracking)).toMatchObject({ state: 'refused', reason });

  await openMyRequests(page);
  const row = page.locator(`[data-request="${tracking}"]`);
  await seeState(page, row, 'refused', ['没有通过：', reason['zh-CN']], ['Not approved:', reason.en]);
  await expect(row.locator('[data-action="complete-returned"]')).toHaveCount(0);
  await point.core.call('dev.idCard.remove');
});
