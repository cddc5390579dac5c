import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { writeDocumentY4m } from './support/fake-camera';
import { completeItem } from './support/item-flow';
import { usePoint } from './support/point';
import { startVisit } from './support/resident';

/**
 * The receipt printer runs out of paper in the middle of a slip (a resident's receipt, an item's one-time
 * notification, a query result): the screen follows the printer's job, says so in words while it waits, says
 * "printed" only once the whole slip is out, and the whole slip prints again after a refill (never half a slip).
 */
const point = usePoint('demonstration');
const catalog = defaultCatalog();
const REPRINT_BANNER = '重新打印：上一张因缺纸或开盖未打完，作废';
const WAITING_FOR_PAPER = '打印机缺纸，已通知工作人员。装纸后将重新完整打印';
test.use({ launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`] } });
test.afterEach(async () => {
  await point.core.call('dev.printer.paper', { state: 'present' });
});

const printed = async () => (await point.core.call('dev.printer.transcript', {})).text;

test('paper runs out mid-receipt: the resident is told, and the whole receipt prints after a refill', async ({ page }) => {
  const item = catalog.items.find((i) => i.code === 'JOB-04')!;
  await startVisit(page, point.kiosk.url);
  await point.core.call('dev.printer.runOutAfterLines', { lines: 4 });
  const outcome = completeItem(page, point.core, item, SAMPLE_RESIDENTS[0]!);
  const status = page.locator('.receipt [role="status"]').last();
  await expect(status).toHaveText(WAITING_FOR_PAPER, { timeout: 30_000 });
  await point.core.call('dev.printer.paper', { state: 'present' });
  const result = await outcome;
  expect(result.kind).toBe('receipt');
  if (result.kind === 'receipt') expect(result.printed).toContain(result.trackingNumber!);
  await expect(status).toHaveText('回执已打印，请从出纸口取走。');
});

test('paper runs out mid-notification: the item page waits in words, never says printed early, and the whole notification prints after a refill', async ({ page }) => {
  const item = catalog.items.find((i) => i.code === 'JOB-04')!;
  const guide = item.guide!;
  await startVisit(page, point.kiosk.url);
  await page.locator(`[data-category="${item.category}"]`).click();
  await page.locator(`[data-item="${item.code}"]`).click();
  await point.core.call('dev.printer.transcript', { clear: true });
  await point.core.call('dev.printer.runOutAfterLines', { lines: 6 });
  await page.locator('[data-action="print-notification"]').click();

  const status = page.locator('.item-screen [data-print-state]');
  await expect(status).toHaveText(WAITING_FOR_PAPER, { timeout: 20_000 });
  await expect(status).toHaveAttribute('data-print-state', 'waitingForPaper');
  await expect(status).toHaveClass(/banner--warning/);
  // While the job waits the button cannot queue a second copy, and nothing claims the paper is out.
  await expect(page.locator('[data-action="print-notification"]')).toBeDisabled();
  await expect(page.getByText('告知单已打印，请从出纸口取走。')).toHaveCount(0);
  const beforeRefill = await printed();
  expect(beforeRefill).not.toContain(guide.hotline);

  await point.core.call('dev.printer.paper', { state: 'present' });
  await expect(status).toHaveText('告知单已打印，请从出纸口取走。', { timeout: 20_000 });
  await expect(status).toHaveAttribute('data-print-state', 'done');
  await expect(page.locator('[data-action="print-notification"]')).toBeEnabled();
  // After the refill the whole notification came out again below the reprint banner: every material, to the hotline.
  const paper = await printed();
  const reprint = paper.slice(paper.indexOf(REPRINT_BANNER));
  expect(paper).toContain(REPRINT_BANNER);
  expect(reprint).toContain(item.name['zh-CN']);
  guide.materials.forEach((m, i) => expect(reprint).toContain(`${i + 1}. ${m['zh-CN']}`));
  expect(reprint).toContain(guide.hotline);
});

test('paper is out when a query result is printed: the lookup says so in words, and says printed only after the refill', async ({ page }) => {
  const item = catalog.items.find((i) => i.code === 'JOB-11')!;
  await startVisit(page, point.kiosk.url);
  // Three lines come out, then the roll ends; the runner waits for the screen to say the slip is done.
  await point.core.call('dev.printer.runOutAfterLines', { lines: 3 });
  const outcome = completeItem(page, point.core, item, SAMPLE_RESIDENTS[0]!);
  const status = page.locator('.lookup__result [data-print-state]');
  await expect(status).toHaveText(WAITING_FOR_PAPER, { timeout: 30_000 });
  await expect(page.locator('[data-action="print-result"]')).toBeDisabled();
  await expect(page.getByText('已打印，请从出纸口取走。', { exact: true })).toHaveCount(0);

  await point.core.call('dev.printer.paper', { state: 'present' });
  expect((await outcome).kind).toBe('lookup');
  await expect(status).toHaveText('已打印，请从出纸口取走。');
  const paper = await printed();
  expect(paper).toContain(REPRINT_BANNER);
  expect(paper.slice(paper.indexOf(REPRINT_BANNER))).toContain(item.name['zh-CN']);
});
