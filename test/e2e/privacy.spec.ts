/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { takeCardsOutAfterEach, useKiosk } from './support/point';
import { openCategory, pressKeys, startVisit } from './support/resident';

/**
 * After the idle timeout ends a visit, nothing of the resident is left: not in the DOM, not in the page's JS heap
 * (a heap snapshot after garbage collection is searched), not in localStorage, sessionStorage or IndexedDB, and
 * the core holds no identified session.
 */
const resident = SAMPLE_RESIDENTS[1]!;
const TYPED_PHONE = '13687654321';
const point = useKiosk();
takeCardsOutAfterEach(point);

async function heapStrings(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  // The snapshot's "strings" table holds every string in the heap.
  const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
  return snapshot.strings.join('\n');
}

async function storageDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dbs = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, indexedDB: dbs.map((d) => d.name) });
  });
}

test('an idle timeout wipes every trace of the resident from the screen and the core', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await page.locator('[data-item="JOB-01"]').click();
  await page.locator('[data-action="start"]').click();
  await point.core.call('dev.idCard.insert', { residentIndex: resident.index });
  await expect(page.getByTestId('resident-masked')).toBeVisible();
  const firstPage = page.locator('[data-step="form-0"]');
  await expect(firstPage).toBeVisible();
  // The resident types a phone number (a personal value the screen holds in its state).
  const phone = page.locator('[data-field-kind="phone"] input').first();
  await phone.click();
  await pressKeys(page, TYPED_PHONE);
  await expect(phone).toHaveValue(TYPED_PHONE);
  expect(await point.core.call('session.current')).not.toBeNull();
  // The resident role belongs to the screen that identified the resident, not to this second socket.
  expect((await point.core.call('system.caller')).roles).not.toContain('resident');
  // Control: the same searches do find the typed value while the visit is on (so the checks below can fail).
  expect(await heapStrings(page)).toContain(TYPED_PHONE);
  expect(await page.content()).toContain(TYPED_PHONE);

  // Nothing for the idle timeout, then the whole countdown.
  await page.clock.fastForward(76_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  for (let i = 0; i < 21; i += 1) await page.clock.fastForward(1_000);
  await expect(page.locator('.attract__start')).toBeVisible();
  await page.clock.runFor(2_000);

  const secrets = [resident.name, resident.idNumber, TYPED_PHONE];
  const dom = await page.content();
  const storage = await storageDump(page);
  const heap = await heapStrings(page);
  for (const secret of secrets) {
    expect({ secret, inDom: dom.includes(secret) }).toEqual({ secret, inDom: false });
    expect({ secret, inStorage: storage.includes(secret) }).toEqual({ secret, inStorage: false });
    expect({ secret, inHeap: heap.includes(secret) }).toEqual({ secret, inHeap: false });
  }
  expect(JSON.parse(storage).indexedDB).toEqual([]);
  // The core's session is gone too.
  expect(await point.core.call('session.current')).toBeNull();
});

test('pulling the social security card out mid-flow (the card that identified the resident) ends the visit and wipes it', async ({ page }) => {
  await startVisit(page, point.kiosk.url);
  await openCategory(page, 'job');
  await page.locator('[data-item="JOB-01"]').click();
  await page.locator('[data-action="start"]').click();
  await point.core.call('dev.ssCard.insert', { residentIndex: 0 });
  await expect(page.getByTestId('resident-masked')).toBeVisible();
  await point.core.call('dev.ssCard.remove');
  await expect(page.locator('.attract__start')).toBeVisible({ timeout: 15_000 });
  expect(await page.content()).not.toContain('王*国');
  expect(await point.core.call('session.current')).toBeNull();
});
