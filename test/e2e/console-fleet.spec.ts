import { expect, test } from '@playwright/test';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { startCounty, writeKioskConfig, type CountyProcess } from './support/county-process';
import { CONSOLE_VIEWPORT, checkConsoleScreen, openConsolePage, signInConsole } from './support/console-page';
import { startKiosk, type KioskProcess } from './support/kiosk-process';

/**
 * The fleet page against two simulated kiosks of 土沃乡 syncing every 5 s with the gateway (points silent after 8 s):
 * both report in; one is stopped and its row stands out as silent.
 */
let county: CountyProcess;
const kiosks: KioskProcess[] = [];
test.use({ viewport: CONSOLE_VIEWPORT });
test.beforeAll(async () => {
  county = await startCounty(0, undefined, ['--silent-after', '8']);
  for (const id of ['demo-kiosk', 'demo-kiosk-2']) {
    const secret = id === county.kioskId ? county.kioskSecret : DEMO_POINTS.find((p) => p.kioskId === id)!.secret;
    kiosks.push(await startKiosk(['--config', writeKioskConfig({ url: county.url, kioskId: id, kioskSecret: secret, dataDir: county.dataDir }), '--simulate']));
  }
});
test.afterAll(async () => {
  for (const k of kiosks) await k.dispose();
  await county.dispose();
});

test('the fleet shows both kiosks reporting, and a kiosk that stops stands out as silent', async ({ page }) => {
  test.setTimeout(90_000);
  await signInConsole(page, county, 'tuwo');
  await openConsolePage(page, 'fleet');
  const row = (id: string) => page.locator(`tr[data-row="${id}"]`);
  // Both kiosks' heartbeats arrive (the page refreshes itself every 10 s).
  await expect(row('demo-kiosk').locator('[data-col="app"]')).not.toHaveText('—', { timeout: 30_000 });
  await expect(row('demo-kiosk-2').locator('[data-col="app"]')).not.toHaveText('—', { timeout: 30_000 });
  await expect(row('demo-kiosk-2')).not.toHaveAttribute('data-state', 'alert');
  await expect(row('demo-kiosk').locator('[data-device="id-reader"]')).toHaveAttribute('data-device-state', 'online');
  await expect(row('demo-kiosk').locator('[data-col="catalog"]')).not.toHaveText('—');
  await expect(page.locator('tr[data-row="demo-kiosk-3"]')).toHaveCount(0);
  await checkConsoleScreen(page, 'console-04-fleet');

  await kiosks[1]!.stop();
  await expect(row('demo-kiosk-2')).toHaveAttribute('data-state', 'alert', { timeout: 30_000 });
  await expect(row('demo-kiosk-2').locator('[data-badge="silent"]')).toHaveText('失联');
  await expect(row('demo-kiosk')).not.toHaveAttribute('data-state', 'alert');
  // The attention filter keeps only the silent point.
  await page.locator('[data-filter="attention"]').check();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await checkConsoleScreen(page, 'console-05-fleet-silent');
  await page.locator('[data-filter="attention"]').uncheck();
  // The text filter is answered by the gateway (only the matching point comes back).
  const answer = page.waitForResponse((r) => r.url().includes('/console/api/fleet?') && r.url().includes('q='));
  await page.locator('[data-table-filter]').fill('东庄');
  expect(((await (await answer).json()) as { page: { matched: number; total: number } }).page).toMatchObject({ matched: 1, total: 2 });
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(row('demo-kiosk-2')).toBeVisible();
  await page.locator('[data-table-filter]').fill('');
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await page.locator('[data-sort="point"]').click();
  await page.locator('[data-action="language"]').click();
  await expect(row('demo-kiosk-2').locator('[data-badge="silent"]')).toHaveText('Silent');
  await checkConsoleScreen(page, 'console-05-fleet-silent-en');
});
