import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startKiosk, type KioskProcess } from './support/kiosk-process';
import { openCoreSocket, type CoreSocket } from './support/core-socket';
import { writeDocumentY4m } from './support/fake-camera';
import { completeItem } from './support/item-flow';
import { startVisit } from './support/resident';

/**
 * The receipt printer runs out of paper in the middle of a resident's receipt: the receipt screen says so in words,
 * and once paper is loaded the whole receipt prints again (never half a receipt silently).
 */
let kiosk: KioskProcess;
let core: CoreSocket;
test.use({ launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`] } });

test.beforeAll(async () => {
  kiosk = await startKiosk();
  core = await openCoreSocket(kiosk);
});
test.afterAll(async () => {
  core?.close();
  await kiosk?.stop();
});

test('paper runs out mid-receipt: the resident is told, and the whole receipt prints after a refill', async ({ page }) => {
  const item = defaultCatalog().items.find((i) => i.code === 'JOB-04')!;
  await startVisit(page, kiosk.url);
  await core.call('dev.printer.runOutAfterLines', { lines: 4 });
  const outcome = completeItem(page, core, item, SAMPLE_RESIDENTS[0]!);
  const status = page.locator('.receipt [role="status"]').last();
  await expect(status).toHaveText('打印机缺纸，已通知工作人员。装纸后将重新完整打印', { timeout: 30_000 });
  await core.call('dev.printer.paper', { state: 'present' });
  const result = await outcome;
  expect(result.kind).toBe('receipt');
  if (result.kind === 'receipt') expect(result.printed).toContain(result.trackingNumber!);
  await expect(status).toHaveText('回执已打印，请从出纸口取走。');
});
