import net from 'node:net';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { countyStats, lastHeartbeat, publishConfigPart, storedItems, updateFault } from '../../src/county/county-state';
import { configVersions } from '../../src/main/store/config-versions';
import { insertFaultTicket, listFaultTickets } from '../../src/main/store/fault-tickets';
import { startFaultProxy } from '../support/fault-proxy';
import type { NewSubmission, StoredSubmission } from '../../src/main/store/submissions';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { getConfigPart } from '../../src/main/store/config-versions';
import { outboxCounts, rejectedItems, resolveRejected } from '../../src/main/store/outbox';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { TEST_KIOSK, expectStoredAsSubmitted, startTestCounty, type TestCounty } from '../support/county-fixtures';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

const log = createMemoryLogger().logger;

describe('sync engine against the reference county', () => {
  let county: TestCounty;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  it('delivers every submission with its attachments once, in resident order, and pulls config', async () => {
    const store = openTestStore(tempDataDir());
    const changed: string[] = [];
    const engine = new SyncEngine({
      store,
      client: new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret }),
      kioskId: TEST_KIOSK.id,
      appVersion: 'test',
      log,
      batchMaxItems: 7,
      chunkBytes: 1000,
      onConfigChanged: (part) => changed.push(part),
    });
    const before = (await countyStats(county.query)).items;
    const t0 = Date.parse('2026-11-29T08:00:00Z');
    const delivered: Array<{ input: NewSubmission; receipt: StoredSubmission }> = [];
    for (let i = 0; i < 30; i++) {
      const input = sampleSubmission(i % 4, { itemCode: 'JOB-05', form: { phone: `1381234${String(5000 + i)}`, reason: `test ${i}`, agreed: i % 2 === 0 } });
      delivered.push({ input, receipt: store.submit(input, new Date(t0 + i * 1000)) });
    }
    const round = await engine.runRound();
    expect(round).toMatchObject({ ok: true, sent: 30, acknowledged: 30, rejected: 0 });
    expect(outboxCounts(store.db)).toMatchObject({ pending: 0, acknowledged: 30 });
    expect((await countyStats(county.query)).items - before).toBe(30);
    // Each arrived as submitted: identity, form, tracking number, time and pages, field by field.
    for (const { input, receipt } of delivered) await expectStoredAsSubmitted(county, input, receipt);
    // Items of one resident were stored in submission order.
    const byResident = new Map<string, string[]>();
    for (const i of await storedItems(county.query)) byResident.set(i.residentRef ?? '', [...(byResident.get(i.residentRef ?? '') ?? []), i.createdAt]);
    for (const times of byResident.values()) expect(times).toEqual([...times].sort());

    expect(changed.sort()).toEqual(['announcements', 'catalog', 'site', 'staff']);
    expect(getConfigPart(store.db, 'site')!.body).toMatchObject({ onDuty: '李秀英' });
    await publishConfigPart(county.query, 'site', { onDuty: '赵志强' });
    changed.length = 0;
    expect((await engine.runRound()).configChanged).toEqual(['site']);
    expect(getConfigPart(store.db, 'site')!.body).toMatchObject({ onDuty: '赵志强' });
    expect(engine.status()).toMatchObject({ online: true, pending: 0, consecutiveFailures: 0 });
    store.close();
  });

  it('a round asked for while one runs is a fresh round: what was queued meanwhile goes, and callers share it', async () => {
    const store = openTestStore(tempDataDir());
    const http = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
    // The first round is held after it sent its batch (at its pull), the way a slow network holds it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let pulls = 0;
    let reachedPull!: () => void;
    const atPull = new Promise<void>((r) => (reachedPull = r));
    const client = Object.assign(Object.create(http) as HttpCountyClient, {
      pullOutcomes: async (since: number) => {
        if (++pulls === 1) {
          reachedPull();
          await held;
        }
        return http.pullOutcomes(since);
      },
    });
    const engine = new SyncEngine({ store, client, kioskId: TEST_KIOSK.id, appVersion: 't', log });
    store.submit(sampleSubmission(0, { itemCode: 'JOB-05' }), new Date());
    const first = engine.runRound();
    await atPull;
    // A card loss report queued now, and two screens asking for a round at once.
    const urgent = store.submit(sampleSubmission(1, { itemCode: 'JOB-05' }), new Date());
    const [a, b] = [engine.runRound(), engine.runRound()];
    expect(a).toBe(b);
    release();
    expect(await first).toMatchObject({ ok: true, acknowledged: 1 });
    expect(await a).toMatchObject({ ok: true, acknowledged: 1 });
    expect(pulls).toBe(2);
    expect(outboxCounts(store.db)).toMatchObject({ pending: 0, acknowledged: 2 });
    expect((await storedItems(county.query)).some((i) => i.id === urgent.submissionId)).toBe(true);
    store.close();
  });

  it('keeps a rejected item with the county reason and moves on', async () => {
    const store = openTestStore(tempDataDir());
    const engine = new SyncEngine({ store, client: new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret }), kioskId: TEST_KIOSK.id, appVersion: 't', log });
    const bad = store.submit(sampleSubmission(0, { itemCode: 'NOPE-01' }), new Date());
    store.submit(sampleSubmission(1, { itemCode: 'JOB-05' }), new Date());
    expect(await engine.runRound()).toMatchObject({ ok: true, acknowledged: 1, rejected: 1 });
    expect(rejectedItems(store.db)).toEqual([expect.objectContaining({ id: bad.submissionId, reason: 'unknownItem' })]);
    expect(engine.status()).toMatchObject({ pending: 0, rejected: 1 });
    // A clerk deals with it: it leaves the list but stays on record.
    expect(resolveRejected(store.db, bad.submissionId, 'clerk-li', new Date().toISOString())).toBe(true);
    expect(engine.status()).toMatchObject({ rejected: 0 });
    expect(store.db.prepare('SELECT state, resolved_by FROM outbox WHERE id = ?').get(bad.submissionId)).toEqual({ state: 'rejected', resolved_by: 'clerk-li' });
    store.close();
  });

  it('an item the county finds malformed (400 naming it) is kept as rejected and the rest of the batch still goes', async () => {
    const store = openTestStore(tempDataDir());
    const engine = new SyncEngine({ store, client: new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret }), kioskId: TEST_KIOSK.id, appVersion: 't', log });
    store.submit(sampleSubmission(0, { itemCode: 'JOB-05' }), new Date());
    const bad = store.submit(sampleSubmission(1, { itemCode: 'X'.repeat(60) }), new Date());
    store.submit(sampleSubmission(2, { itemCode: 'JOB-05' }), new Date());
    expect(await engine.runRound()).toMatchObject({ ok: true, acknowledged: 2, rejected: 1 });
    expect(rejectedItems(store.db)).toEqual([expect.objectContaining({ id: bad.submissionId, reason: 'invalid:items.1.payload.itemCode' })]);
    store.close();
  });

  it('sends a heartbeat with the queue depth, fault tickets up, and ticket answers back down', async () => {
    const store = openTestStore(tempDataDir());
    const engine = new SyncEngine({
      store,
      client: new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret }),
      kioskId: TEST_KIOSK.id,
      appVersion: '1.2.3',
      log,
      devices: () => [{ id: 'id-reader', kind: 'idCardReader', state: 'online' }],
    });
    insertFaultTicket(store.db, { id: 'ticket-1', openedAt: new Date().toISOString(), deviceId: 'receipt-printer', summary: 'paper jam twice today' });
    expect((await engine.runRound()).ok).toBe(true);
    expect(await lastHeartbeat(county.query, TEST_KIOSK.id)).toMatchObject({ appVersion: '1.2.3', queueDepth: 0, devices: [{ id: 'id-reader', state: 'online' }] });
    expect(listFaultTickets(store.db)[0]).toMatchObject({ id: 'ticket-1', state: 'sent' });
    expect(await updateFault(county.query, 'ticket-1', 'acknowledged', 'technician comes Tuesday')).toBe(true);
    await engine.runRound();
    expect(listFaultTickets(store.db)[0]).toMatchObject({ state: 'acknowledged', countyNote: 'technician comes Tuesday' });
    store.close();
  });

  it('a config download that arrives corrupted changes nothing, and is applied whole once it arrives intact', async () => {
    const store = openTestStore(tempDataDir());
    let corrupt: 'catalog' | 'staff' | null = 'catalog';
    const proxy = await startFaultProxy(county.url, () => 'pass', (path, body) => {
      if (!corrupt || !path.startsWith('/v1/config')) return body;
      // Valid HTTP and JSON, but one item code or one staff hash mangled: that part fails its schema.
      const text = body.toString('utf8');
      return Buffer.from(corrupt === 'catalog' ? text.replace('"code":"JOB-01"', '"code":"job 1"') : text.replace(/"passwordHash":"scrypt\$/, '"passwordHash":"md5$'));
    });
    try {
      const engine = new SyncEngine({ store, client: new HttpCountyClient({ baseUrl: proxy.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret }), kioskId: TEST_KIOSK.id, appVersion: 't', log });
      expect(await engine.runRound()).toMatchObject({ ok: false, error: 'bad_config:catalog' });
      corrupt = 'staff';
      expect(await engine.runRound()).toMatchObject({ ok: false, error: 'bad_answer:schema' });
      expect(configVersions(store.db)).toEqual({});
      expect(engine.status().configVersion).toBe(0);
      corrupt = null;
      expect((await engine.runRound()).configChanged.sort()).toEqual(['announcements', 'catalog', 'site', 'staff']);
    } finally {
      await proxy.close();
      store.close();
    }
  });

  it('offline: nothing is lost, the status says so, and it backs off', async () => {
    const store = openTestStore(tempDataDir());
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const engine = new SyncEngine({
      store,
      client: new HttpCountyClient({ baseUrl: `http://127.0.0.1:${port}`, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, timeoutMs: 500 }),
      kioskId: TEST_KIOSK.id,
      appVersion: 't',
      log,
      random: () => 1,
      backoff: { baseMs: 1000, capMs: 8000 },
    });
    store.submit(sampleSubmission(0, { itemCode: 'JOB-05' }), new Date());
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect((await engine.runRound()).ok).toBe(false);
      delays.push(engine.nextDelayMs());
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(engine.status()).toMatchObject({ online: false, pending: 1, consecutiveFailures: 6, lastError: 'ECONNREFUSED' });
    store.close();
  });
});
