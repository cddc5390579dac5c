import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { countyStats, storedItems } from '../../src/county/county-state';
import type { NewSubmission, StoredSubmission } from '../../src/main/store/submissions';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { outboxCounts } from '../../src/main/store/outbox';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { FAULTS, seededRandom, startFaultProxy, type Fault } from '../support/fault-proxy';
import { TEST_KIOSK, expectStoredAsSubmitted, startTestCounty, type TestCounty } from '../support/county-fixtures';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

describe('sync through a fault-injecting proxy', () => {
  let county: TestCounty;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  it('loses nothing and doubles nothing under 500/503, timeouts, resets, lost answers, duplicates, garbage and a 10-minute clock skew', async () => {
    const random = seededRandom(20261129);
    const proxy = await startFaultProxy(county.url, (): Fault => (random() < 0.25 ? FAULTS[Math.floor(random() * FAULTS.length)]! : 'pass'));
    const store = openTestStore(tempDataDir());
    const cap = 4_000;
    const engine = new SyncEngine({
      store,
      // The kiosk's clock runs 10 minutes fast: the county refuses it until it learns the offset.
      client: new HttpCountyClient({ baseUrl: proxy.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, timeoutMs: 250, now: () => Date.now() + 10 * 60_000 }),
      kioskId: TEST_KIOSK.id,
      appVersion: 'test',
      log: createMemoryLogger().logger,
      batchMaxItems: 10,
      chunkBytes: 700,
      random,
      backoff: { baseMs: 250, capMs: cap },
    });
    const before = (await countyStats(county.query)).items;
    const submitted = new Set<string>();
    const delivered: Array<{ input: NewSubmission; receipt: StoredSubmission }> = [];
    const t0 = Date.parse('2026-11-29T08:00:00Z');
    for (let i = 0; i < 120; i++) {
      const input = sampleSubmission(i % 5, { itemCode: 'JOB-05', form: { phone: '13812345678', reason: `test ${i}`, agreed: true }, attachments: [{ materialCode: 'id-copy', mime: 'image/jpeg', data: Buffer.from(`page of submission ${i} `.repeat(60)) }] });
      const receipt = store.submit(input, new Date(t0 + i * 1000));
      submitted.add(receipt.submissionId);
      delivered.push({ input, receipt });
      // Sync rounds run between submissions too, as they would on the kiosk.
      if (i % 25 === 24) await engine.runRound();
    }
    let rounds = 0;
    const delays: number[] = [];
    while (outboxCounts(store.db).pending > 0 && rounds < 1500) {
      rounds += 1;
      const r = await engine.runRound();
      if (!r.ok) delays.push(engine.nextDelayMs());
    }
    await proxy.close();

    const counts = outboxCounts(store.db);
    const atCounty = (await storedItems(county.query)).filter((i) => submitted.has(i.id));
    const stats = await countyStats(county.query);
    console.log(`faults injected: ${JSON.stringify(proxy.counts)}; rounds ${rounds}; failed rounds ${delays.length}; max delay ${Math.max(0, ...delays)} ms`);
    expect(counts).toMatchObject({ pending: 0, rejected: 0, acknowledged: 120 });
    expect(atCounty).toHaveLength(120); // every submission is at the county
    expect(new Set(atCounty.map((i) => i.id)).size).toBe(120); // ...exactly once
    expect(stats.items - before).toBe(120);
    expect(stats.items).toBe(stats.distinctIds); // duplicates stored = 0
    expect(stats.attachmentsComplete).toBeGreaterThanOrEqual(120);
    // What arrived is what was submitted, field by field and byte for byte, through every fault.
    for (const { input, receipt } of delivered) await expectStoredAsSubmitted(county, input, receipt);
    // Every kind of fault really happened, and the backoff never exceeded its cap.
    for (const fault of FAULTS) expect(proxy.counts[fault]).toBeGreaterThan(0);
    expect(delays.length).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(cap);
    // Per-resident order held through the retries.
    const byResident = new Map<string, string[]>();
    for (const i of atCounty) byResident.set(i.residentRef ?? '', [...(byResident.get(i.residentRef ?? '') ?? []), i.createdAt]);
    for (const times of byResident.values()) expect(times).toEqual([...times].sort());
    store.close();
  }, 120_000);
});
