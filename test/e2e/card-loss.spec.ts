import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { completeItem } from './support/item-flow';
import { countyOutcome, countyPayload, takeCountyDown, usePoint } from './support/point';
import { expectNoAxeViolations, startVisit } from './support/resident';
import { pointClockTime, pointDateTime } from '../../src/shared/domain/point-day';

/**
 * A card loss report cannot wait (issue 11 item 3): online it is sent at once and the screen says "blocked at HH:MM"
 * with the time the county recorded; offline the screen says it is recorded here and not yet blocked, and gives the
 * 24-hour loss hotline; nothing on screen or on paper claims a block the county has not made.
 */
const catalog = defaultCatalog();
const lossReport = catalog.items.find((i) => i.code === 'CARD-02')!;
const resident = SAMPLE_RESIDENTS[0]!;
const point = usePoint('village');
test.describe.configure({ mode: 'serial' });

/** The clock time as the screen writes it (the browser shares this machine's time zone). */

test('online: the card is blocked at the county before the screen says so, with the time the county recorded', async ({ page }) => {
  test.setTimeout(120_000);
  await startVisit(page, point.kiosk.url);
  const outcome = await completeItem(page, point.core, lossReport, resident, { answers: { operation: 'reportLoss' } });
  expect(outcome.kind).toBe('receipt');
  // What arrived: the county stored the loss report for this resident and blocked the card (done, with a time).
  const stored = countyPayload(point, outcome.trackingNumber!);
  expect(stored).toMatchObject({ itemCode: 'CARD-02', resident: { idNumber: resident.idNumber }, form: { operation: 'reportLoss' } });
  const decided = countyOutcome(point, outcome.trackingNumber!);
  expect(decided).toMatchObject({ state: 'done', blockedAt: expect.any(String) });
  const answered = page.getByTestId('immediate-answered');
  await expect(answered).toContainText(`${pointClockTime(decided!.blockedAt!)} 起您的社保卡已挂失冻结`);
  await expect(page.getByTestId('immediate-not-yet')).toHaveCount(0);
  await expectNoAxeViolations(page, 'loss report: blocked');
  // The day it lifts by itself, as the county said it (blocked + the published cardBlockDays): on screen and on paper.
  const liftsAt = decided!.blockLiftsAt!;
  expect(Date.parse(liftsAt) - Date.parse(decided!.blockedAt!)).toBe(15 * 86_400_000);
  const when = pointDateTime(liftsAt);
  await expect(answered).toContainText(`临时挂失到 ${when} 自动解除`);
  expect(outcome.printed).toContain(`自动解除时间`);
  expect(outcome.printed).toContain(when);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(answered).toContainText(pointClockTime(decided!.blockedAt!));
  await expect(answered).toContainText(`The block lifts by itself on ${when}`);
  await expectNoAxeViolations(page, 'loss report: blocked (en)');

  // "Where is my request" says when the block lifts, on screen and on its printed slip (GB18030 bytes, decoded).
  await startVisit(page, point.kiosk.url);
  await page.locator('[data-my-requests]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  const row = page.locator(`[data-request="${outcome.trackingNumber}"]`);
  await expect(row).toContainText(`社保卡已临时挂失，到 ${when} 自动解除`);
  await point.core.call('dev.printer.transcript', { clear: true });
  await page.locator('[data-action="print-requests"]').click();
  // A long sentence wraps over slip lines: read the slip's text without its line breaks and padding.
  const printed = async () => (await point.core.call('dev.printer.transcript', {})).text.split('\n').map((line) => line.slice(line.indexOf('|') + 1)).join('').replace(/\s+/g, '');
  await expect.poll(printed, { timeout: 20_000 }).toContain(`社保卡已临时挂失，到${when.replace(' ', '')}自动解除`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(row).toContainText(`Your card is blocked; the block lifts by itself on ${when}.`);
  await expectNoAxeViolations(page, 'my requests: card block (en)');

  // The card is found and the loss report cancelled: the earlier report no longer claims a block, on screen or paper.
  await startVisit(page, point.kiosk.url);
  const cancelled = await completeItem(page, point.core, lossReport, resident, { answers: { operation: 'cancelLossReport' } });
  expect(countyOutcome(point, cancelled.trackingNumber!)).toMatchObject({ state: 'done' });
  await startVisit(page, point.kiosk.url);
  await page.locator('[data-my-requests]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  await expect(page.locator(`[data-request="${cancelled.trackingNumber}"]`)).toBeVisible();
  await expect(row).toContainText(lossReport.name['zh-CN']);
  await expect(page.locator('[data-requests]')).not.toContainText('自动解除');
  await expect(page.locator('[data-requests]')).not.toContainText('lifts by itself');
  await point.core.call('dev.printer.transcript', { clear: true });
  await page.locator('[data-action="print-requests"]').click();
  await expect.poll(printed, { timeout: 20_000 }).toContain(cancelled.trackingNumber!);
  expect(await printed()).not.toContain('自动解除');
});

test('offline: recorded here, not yet blocked, the 24-hour loss hotline offered; blocked only once the county has it', async ({ page }) => {
  test.setTimeout(180_000);
  await takeCountyDown(point);
  await startVisit(page, point.kiosk.url);
  const outcome = await completeItem(page, point.core, lossReport, resident, { answers: { operation: 'reportLoss' } });
  expect(outcome.kind).toBe('receipt');
  const notYet = page.getByTestId('immediate-not-yet');
  await expect(notYet).toContainText('还没有挂失冻结');
  await expect(notYet).toContainText(`24 小时挂失电话 ${lossReport.guide?.hotline ?? '12333'}`);
  // Nothing pretends: no "blocked" line on screen, none on the receipt.
  await expect(page.getByTestId('immediate-answered')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('已挂失冻结');
  expect(outcome.printed).not.toContain('冻结');
  expect(outcome.printed).not.toContain('他人无法使用');
  expect(outcome.printed).not.toContain('自动解除时间');
  await expectNoAxeViolations(page, 'loss report: not yet blocked');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(notYet).toContainText('hotline');
  await expectNoAxeViolations(page, 'loss report: not yet blocked (en)');
  expect(countyPayload(point, outcome.trackingNumber!)).toBeNull();

  // The network comes back: the report is sent with the next round and the county blocks the card then.
  await point.county.restart();
  await expect.poll(() => countyOutcome(point, outcome.trackingNumber!)?.state ?? null, { timeout: 90_000, intervals: [1000] }).toBe('done');
  expect(countyOutcome(point, outcome.trackingNumber!)!.blockedAt).toEqual(expect.any(String));
});
