import path from 'node:path';
import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { openCoreSocket } from './support/core-socket';
import { completeItem } from './support/item-flow';
import { startKiosk } from './support/kiosk-process';
import { kioskDb, takeCountyDown, usePoint } from './support/point';
import { expectNoAxeViolations, openCategory, startVisit } from './support/resident';

/**
 * A listing that tells the truth about its age (issue 11 item 5): JOB-02 looked up online is kept on the kiosk; with
 * the county down the tile is ready only while that copy is younger than the catalogue's limit, and the screen says
 * how old it is. The same kiosk a limit later (its clock moved on, the same data) says it cannot look it up, and
 * does not show the stale list.
 */
const catalog = defaultCatalog();
const listing = catalog.items.find((i) => i.code === 'JOB-02')!;
const resident = SAMPLE_RESIDENTS[0]!;
test.describe.configure({ mode: 'serial' });

const point = usePoint('village');
const online = async () => (await point.core.call('sync.status')).online;

/** The listing's rows as the screen shows them (each row's text), to compare the cached copy with the county's. */
const rowsOnScreen = (page: import('@playwright/test').Page) => page.locator('.lookup__row').allInnerTexts();

test('offline with a fresh copy: the tile is ready and the screen shows the county list with its age', async ({ page }) => {
  test.setTimeout(180_000);
  await startVisit(page, point.kiosk.url);
  expect((await completeItem(page, point.core, listing, resident)).kind).toBe('lookup');
  await expect(page.getByTestId('lookup-cached')).toHaveCount(0);
  const fromCounty = await rowsOnScreen(page);
  expect(fromCounty.length).toBeGreaterThan(0);
  // What the kiosk kept: the county's answer, with when the county gave it.
  const kept = kioskDb(point, (db) => db.prepare("SELECT fetched_at AS fetchedAt FROM listing_cache WHERE item_code = 'JOB-02'").all()) as Array<{ fetchedAt: string }>;
  expect(kept).toHaveLength(1);

  await takeCountyDown(point);
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await expect(page.locator('[data-item="JOB-02"] [data-readiness]')).toHaveAttribute('data-readiness', 'ready');
  await page.locator('.shell__nav .button').first().click();
  expect((await completeItem(page, point.core, listing, resident)).kind).toBe('lookup');
  const cached = page.getByTestId('lookup-cached');
  await expect(cached).toContainText('现在连不上县里，这是本机 0 小时');
  expect(await rowsOnScreen(page)).toEqual(fromCounty);
  await expectNoAxeViolations(page, 'listing from the kiosk copy');
  // Printed without identity, from the kept copy: the receipt printer's bytes (GB18030, decoded by the simulator) hold
  // the county's rows with labels in words, when the county gave them, and nobody's name.
  await point.core.call('dev.printer.transcript', { clear: true });
  await page.locator('[data-action="print-listing"]').click();
  await expect(page.locator('.lookup__result [data-print-state]')).toHaveAttribute('data-print-state', 'done', { timeout: 30_000 });
  const slip = (await point.core.call('dev.printer.transcript', {})).text;
  expect(slip).toContain(listing.name['zh-CN']);
  expect(slip).toContain('查询时间');
  expect(slip).not.toContain('查询人');
  const onScreen = await page.locator('.lookup__row').first().locator('div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')!.textContent!, d.querySelector('dd')!.textContent!]));
  expect(onScreen.length).toBeGreaterThan(0);
  for (const [label, value] of onScreen) {
    expect(slip).toContain(label);
    expect(slip).toContain(value);
  }
  expect(slip).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(cached).toContainText('saved 0 h');
  await expectNoAxeViolations(page, 'listing from the kiosk copy (en)');
});

test('offline with an expired copy: the tile is unavailable and the lookup says so, without the stale list', async ({ page }) => {
  test.setTimeout(180_000);
  // The same kiosk (same data) a limit and an hour later: its clock reads later, the county is still down.
  point.core.close();
  await point.kiosk.stop();
  const later = (listing.offlineCacheMaxHours + 1) * 3_600_000;
  point.kiosk = await startKiosk(
    ['--config', point.configFile, '--simulate'],
    { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'support', 'shifted-clock.cjs')}`.trim(), E2E_CLOCK_OFFSET_MS: String(later) },
    point.kiosk.dataDir,
  );
  point.core = await openCoreSocket(point.kiosk);
  await expect.poll(online, { timeout: 60_000, intervals: [1000] }).toBe(false);
  expect((await point.core.call('queries.offlineReady', {})).items).toEqual([]);
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await expect(page.locator('[data-item="JOB-02"] [data-readiness]')).toHaveAttribute('data-readiness', 'unavailable');
  await expectNoAxeViolations(page, 'job tiles, listing copy expired');
  // The core too refuses the old copy: asked directly, it answers "county unreachable", not the stale rows.
  // (with exactly the filter the kept copy was for).
  const keys = kioskDb(point, (db) => db.prepare("SELECT params_key AS k FROM listing_cache WHERE item_code = 'JOB-02'").all()) as Array<{ k: string }>;
  expect(keys).toHaveLength(1);
  const params = Object.fromEntries(JSON.parse(keys[0]!.k) as Array<[string, string]>);
  await expect(point.core.call('queries.run', { itemCode: 'JOB-02', params })).rejects.toMatchObject({ code: 'county_unreachable' });
});
