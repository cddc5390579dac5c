import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startKiosk, type KioskProcess } from './support/kiosk-process';
import { openCoreSocket, type CoreSocket } from './support/core-socket';
import { startCounty, writeKioskConfig, type CountyProcess } from './support/county-process';
import { writeDocumentY4m } from './support/fake-camera';
import { completeItem } from './support/item-flow';
import { startVisit } from './support/resident';

/**
 * Every one of the 44 items, completed by a resident at the township's demonstration point (which offers all 44):
 * identity from the simulated card, the form on the on-screen keyboard, pages from the fake camera, the face check
 * on the simulated face module, submission, the receipt printed (read back from the printer simulator) and shown;
 * then the submission reaches the reference county, stored exactly once, after the next sync round.
 */
const catalog = defaultCatalog();
const resident = SAMPLE_RESIDENTS[0]!;
let county: CountyProcess;
let kiosk: KioskProcess;
let core: CoreSocket;

test.use({ launchOptions: { executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeDocumentY4m()}`] } });
// Each item stands alone (its own check at the county), so one failure does not hide the others' results.
test.use({ screenshot: 'only-on-failure' });

test.beforeAll(async () => {
  county = await startCounty();
  kiosk = await startKiosk(['--config', writeKioskConfig(county, 'demonstration'), '--simulate']);
  core = await openCoreSocket(kiosk);
  await expect.poll(async () => (await core.call<{ online: boolean }>('sync.status')).online, { timeout: 30_000 }).toBe(true);
});
test.afterAll(async () => {
  core?.close();
  await kiosk?.stop();
  await county?.stop();
});

for (const item of catalog.items) {
  test(`${item.code} ${item.name['zh-CN']}: a resident completes it`, async ({ page }) => {
    test.setTimeout(120_000);
    await startVisit(page, kiosk.url);
    const outcome = await completeItem(page, core, item, resident);
    switch (item.type) {
      case 'apply':
      case 'certify':
      case 'card':
        expect(outcome.kind).toBe('receipt');
        expect(outcome.trackingNumber).toMatch(/\S{6,}/);
        // The paper receipt carries the tracking number and the item's name, never the full ID number.
        expect(outcome.printed).toContain(outcome.trackingNumber!);
        expect(outcome.printed).not.toContain(resident.idNumber);
        // After the next sync round the county holds it, exactly once.
        await expect
          .poll(() => county.stored().filter((s) => s.trackingNumber === outcome.trackingNumber).map((s) => s.itemCode), { timeout: 60_000, intervals: [1000] })
          .toEqual([item.code]);
        break;
      case 'query':
      case 'print':
        expect(outcome.kind).toBe('lookup');
        break;
      case 'info':
        expect(outcome.kind).toBe('notification');
        expect(outcome.printed).toContain(item.name['zh-CN']);
        break;
    }
    // The visit ends and the next resident finds the attract screen.
    const finish = page.locator('[data-action="finish"]');
    if (await finish.isVisible()) {
      await finish.click();
      await expect(page.locator('.attract__start')).toBeVisible();
    }
  });
}
