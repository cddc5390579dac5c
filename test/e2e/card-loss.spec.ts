import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { completeItem } from './support/item-flow';
import { countyOutcome, countyPayload, usePoint } from './support/point';
import { expectNoAxeViolations, startVisit } from './support/resident';

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

const online = async () => (await point.core.call('sync.status')).online;
/** The clock time as the screen writes it (the browser shares this machine's time zone). */
const hhmm = (iso: string, language: string) => new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hour12: false });

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
  await expect(answered).toContainText(`${hhmm(decided!.blockedAt!, 'zh-CN')} 起您的社保卡已挂失冻结`);
  await expect(page.getByTestId('immediate-not-yet')).toHaveCount(0);
  await expectNoAxeViolations(page, 'loss report: blocked');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(answered).toContainText(hhmm(decided!.blockedAt!, 'en'));
  await expectNoAxeViolations(page, 'loss report: blocked (en)');
});

test('offline: recorded here, not yet blocked, the 24-hour loss hotline offered; blocked only once the county has it', async ({ page }) => {
  test.setTimeout(180_000);
  await point.county.stop();
  await expect.poll(online, { timeout: 60_000, intervals: [1000] }).toBe(false);
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
