import { createHash, randomUUID } from 'node:crypto';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { applyConfigParts } from '../../src/main/store/config-versions';
import { insertFaultTicket } from '../../src/main/store/fault-tickets';
import type { KioskStore } from '../../src/main/store/kiosk-store';
import { insertOutboxItem, outboxCounts, rejectedItems } from '../../src/main/store/outbox';
import { setSyncValue } from '../../src/main/store/sync-state';
import { CountyError, type CountyClient } from '../../src/main/sync/county-client';
import { heldConfigVersions, SyncEngine, type SyncEngineOptions } from '../../src/main/sync/sync-engine';
import { scriptedCountyClient } from '../support/scripted-county-client';
import { caseStep, openSampleCase, sendSampleCase } from '../support/case-fixtures';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

/**
 * The sync engine's edges, each driven by a scripted county (no server: milliseconds per test, so the mutation run
 * can afford them): uploads resumed from the county's count, counts that cannot be believed, every kind of batch
 * answer, a batch refused for one named item, what "online" means, the loop's timing, and the heartbeat's figures.
 * Written after the mutation run of sync-engine.ts (docs/testing.md) showed each of these could be broken unseen.
 */
const { logger: log } = createMemoryLogger();
const stores: KioskStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function store(): KioskStore {
  const s = openTestStore(tempDataDir());
  stores.push(s);
  return s;
}

function engine(s: KioskStore, client: CountyClient | null, more: Partial<SyncEngineOptions> = {}): SyncEngine {
  return new SyncEngine({ store: s, client, kioskId: 'k', appVersion: 't', log, ...more });
}

/** One submission with one scan of `size` bytes of its own; its hash and size. */
function submitOne(s: KioskStore, n: number, size = 1200): { id: string; sha: string; size: number } {
  const data = Buffer.alloc(size, `page ${n} `);
  const id = s.submit(sampleSubmission(n, { itemCode: 'JOB-05', attachments: [{ materialCode: 'id-copy', mime: 'image/jpeg', data }] }), new Date()).submissionId;
  const { sha256 } = s.db.prepare('SELECT sha256 FROM attachments WHERE submission_id = ?').get(id) as { sha256: string };
  return { id, sha: sha256, size };
}

const uploaded = (s: KioskStore, id: string) => (s.db.prepare('SELECT uploaded FROM attachments WHERE submission_id = ?').get(id) as { uploaded: number }).uploaded;
const outboxRow = (s: KioskStore, id: string) => s.db.prepare('SELECT state, last_error, reject_reason FROM outbox WHERE id = ?').get(id);

describe('attachment uploads', () => {
  it("resume from the county's count in chunks of the set size; a scan uploaded before a failed batch is not asked about again", async () => {
    const s = store();
    const first = submitOne(s, 0, 1200);
    let batchFails = true;
    const client = scriptedCountyClient({
      attachmentStatus: async (sha256) => ({ sha256, received: 500, complete: false }),
      sendBatch: async (items) => {
        if (batchFails) throw new CountyError(true, 'timeout');
        return { results: items.map((i) => ({ id: i.id, status: 'accepted' as const })) };
      },
    });
    const e = engine(s, client, { chunkBytes: 400 });
    expect(await e.runRound()).toMatchObject({ ok: false, error: 'timeout' });
    expect(client.calls.chunks).toEqual([
      { sha256: first.sha, start: 500, total: 1200, length: 400 },
      { sha256: first.sha, start: 900, total: 1200, length: 300 },
    ]);
    expect(uploaded(s, first.id)).toBe(1);
    expect(client.calls.batches[0]![0]!.attachments).toEqual([first.sha]);

    // The batch goes again; the kiosk already knows the county holds the scan.
    batchFails = false;
    expect(await e.runRound()).toMatchObject({ ok: true, acknowledged: 1 });
    expect(client.calls.statusAsks).toEqual([first.sha]);
    expect(client.calls.chunks).toHaveLength(2);
    expect(outboxRow(s, first.id)).toMatchObject({ state: 'acknowledged' });
  });

  it('a scan the county already holds whole is marked uploaded without sending a byte', async () => {
    const s = store();
    const one = submitOne(s, 0);
    const client = scriptedCountyClient({ attachmentStatus: async (sha256) => ({ sha256, received: one.size, complete: true }) });
    expect(await engine(s, client).runRound()).toMatchObject({ ok: true, acknowledged: 1 });
    expect(client.calls.chunks).toEqual([]);
    expect(uploaded(s, one.id)).toBe(1);
  });

  it('stops sending once the county says complete, even before the last byte (it had the rest already)', async () => {
    const s = store();
    const one = submitOne(s, 0, 1200);
    const client = scriptedCountyClient({ uploadChunk: async (sha256, start, _total, chunk) => ({ sha256, received: start + chunk.length, complete: true }) });
    expect(await engine(s, client, { chunkBytes: 400 }).runRound()).toMatchObject({ ok: true, acknowledged: 1 });
    expect(client.calls.chunks).toEqual([{ sha256: one.sha, start: 0, total: 1200, length: 400 }]);
    expect(uploaded(s, one.id)).toBe(1);
  });

  it("continues from the county's count after a 409 (a lost answer), up to three times in a round", async () => {
    const s = store();
    const one = submitOne(s, 0, 1200);
    let conflicts = 2;
    const base = scriptedCountyClient();
    const client = scriptedCountyClient({
      uploadChunk: async (sha256, start, total, chunk) => {
        if (conflicts-- > 0) throw new CountyError(false, 'range_mismatch', 409, { received: 800 });
        return base.uploadChunk(sha256, start, total, chunk);
      },
    });
    expect(await engine(s, client, { chunkBytes: 400 }).runRound()).toMatchObject({ ok: true, acknowledged: 1 });
    expect(client.calls.chunks.map((c) => c.start)).toEqual([0, 800, 800]);
    expect(uploaded(s, one.id)).toBe(1);
  });

  it('a 409 without a count, or a fourth one, ends the round as upload_conflicts; other county errors pass through as they are', async () => {
    for (const [answer, reason, tries] of [
      [new CountyError(false, 'range_mismatch', 409), 'upload_conflicts', 1],
      [new CountyError(false, 'range_mismatch', 409, { received: 0 }), 'upload_conflicts', 4],
      [new CountyError(true, 'server_error', 503), 'server_error', 1],
      // Only a 409's count is followed: a 503 that also says how much the county holds ends the round.
      [new CountyError(true, 'server_error', 503, { received: 800 }), 'server_error', 1],
    ] as const) {
      const s = store();
      const one = submitOne(s, 0);
      const client = scriptedCountyClient({
        uploadChunk: async () => {
          throw answer;
        },
      });
      expect(await engine(s, client).runRound()).toMatchObject({ ok: false, error: reason });
      expect(client.calls.chunks).toHaveLength(tries);
      expect(outboxRow(s, one.id)).toMatchObject({ state: 'pending', last_error: reason });
      expect(uploaded(s, one.id)).toBe(0);
    }
  });

  it("a count outside 0..size (or not a whole number) is a bad answer; the size itself is believed", async () => {
    for (const received of [-1, 1201, 600.5, Number.NaN]) {
      const s = store();
      submitOne(s, 0, 1200);
      const client = scriptedCountyClient({ attachmentStatus: async (sha256) => ({ sha256, received, complete: false }) });
      expect(await engine(s, client).runRound()).toMatchObject({ ok: false, error: 'bad_answer:received' });
      expect(client.calls.chunks).toEqual([]);
    }
    // The whole size but not complete: nothing left to send, and still not uploaded.
    const s = store();
    const one = submitOne(s, 0, 1200);
    const client = scriptedCountyClient({ attachmentStatus: async (sha256) => ({ sha256, received: 1200, complete: false }) });
    expect(await engine(s, client).runRound()).toMatchObject({ ok: false, error: 'bad_answer:incomplete_upload' });
    expect(client.calls.chunks).toEqual([]);
    expect(uploaded(s, one.id)).toBe(0);
    expect(outboxCounts(s.db)).toMatchObject({ pending: 1 });
  });

  it('a chunk answer that does not move forward, or moves back, ends the round instead of looping', async () => {
    for (const back of [0, 100]) {
      const s = store();
      submitOne(s, 0, 1200);
      const client = scriptedCountyClient({
        attachmentStatus: async (sha256) => ({ sha256, received: 400, complete: false }),
        uploadChunk: async (sha256, start) => {
          if (client.calls.chunks.length > 5) throw new Error('the engine kept sending');
          return { sha256, received: start - back, complete: false };
        },
      });
      expect(await engine(s, client, { chunkBytes: 400 }).runRound()).toMatchObject({ ok: false, error: 'bad_answer:no_progress' });
      expect(client.calls.chunks).toHaveLength(1);
    }
  });

  it('the last chunk taken but not complete is not "uploaded": the item stays pending', async () => {
    const s = store();
    const one = submitOne(s, 0, 1200);
    const client = scriptedCountyClient({ uploadChunk: async (sha256, start, _total, chunk) => ({ sha256, received: start + chunk.length, complete: false }) });
    expect(await engine(s, client, { chunkBytes: 600 }).runRound()).toMatchObject({ ok: false, error: 'bad_answer:incomplete_upload' });
    expect(client.calls.chunks.map((c) => c.start)).toEqual([0, 600]);
    expect(client.calls.batches).toEqual([]);
    expect(uploaded(s, one.id)).toBe(0);
  });
});

describe('scans the kiosk no longer holds', () => {
  it('a scan whose file is gone sets its item aside for a clerk; the rest of the batch goes, and the next round is clean', async () => {
    const s = store();
    const [lost, kept] = [submitOne(s, 0), submitOne(s, 1)];
    s.db.prepare('UPDATE attachments SET file = NULL WHERE submission_id = ?').run(lost.id);
    const client = scriptedCountyClient();
    const e = engine(s, client);
    expect(await e.runRound()).toMatchObject({ ok: true, sent: 1, acknowledged: 1, rejected: 1 });
    expect(outboxRow(s, lost.id)).toEqual({ state: 'rejected', last_error: null, reject_reason: 'damaged:attachment' });
    expect(outboxRow(s, kept.id)).toMatchObject({ state: 'acknowledged' });
    expect(client.calls.batches.flat().map((i) => i.id)).toEqual([kept.id]);
    expect(await e.runRound()).toMatchObject({ ok: true, sent: 0 });
  });

  it('a scan without its record (the payload names a hash the kiosk never stored) is set aside the same way', async () => {
    const s = store();
    const lost = submitOne(s, 0);
    s.db.prepare('DELETE FROM attachments WHERE submission_id = ?').run(lost.id);
    const client = scriptedCountyClient();
    const logged = createMemoryLogger();
    expect(await engine(s, client, { log: logged.logger }).runRound()).toMatchObject({ ok: true, sent: 0, rejected: 1 });
    expect(outboxRow(s, lost.id)).toEqual({ state: 'rejected', last_error: null, reject_reason: 'damaged:attachment' });
    // Every item set aside: no empty batch goes to the county.
    expect(client.calls.batches).toEqual([]);
    // The technician reads which scan, not a TypeError.
    expect(logged.lines().map((l) => (JSON.parse(l) as { err?: { message?: string } }).err?.message)).toEqual([`attachment file missing: ${lost.sha.slice(0, 12)}`]);
  });

  it('a fault of our own while sending a batch puts the batch back as it was, marked internal', async () => {
    const s = store();
    const ids = [submitOne(s, 0).id, submitOne(s, 1).id];
    const client = scriptedCountyClient({ sendBatch: async () => Promise.reject(new TypeError('a bug of ours')) });
    expect(await engine(s, client).runRound()).toMatchObject({ ok: false, error: 'internal' });
    expect(ids.map((id) => outboxRow(s, id))).toEqual(ids.map(() => ({ state: 'pending', last_error: 'internal', reject_reason: null })));
  });

  it('a scan the county already holds needs no file here: its item goes', async () => {
    for (const loss of ['UPDATE attachments SET file = NULL WHERE submission_id = ?', 'DELETE FROM attachments WHERE submission_id = ?']) {
      const s = store();
      const one = submitOne(s, 0);
      s.db.prepare(loss).run(one.id);
      const client = scriptedCountyClient({ attachmentStatus: async (sha256) => ({ sha256, received: one.size, complete: true }) });
      expect(await engine(s, client).runRound()).toMatchObject({ ok: true, sent: 1, acknowledged: 1, rejected: 0 });
      expect(client.calls.chunks).toEqual([]);
    }
  });
});

describe('batch answers', () => {
  it('accepted and duplicate are acknowledged, rejected keeps its reason, retry goes back to pending and ends the round', async () => {
    const s = store();
    const ids = [0, 1, 2, 3, 4, 5].map((n) => submitOne(s, n).id);
    const answers = ['accepted', 'duplicate', 'rejected', 'rejected', 'retry'] as const;
    const client = scriptedCountyClient({
      sendBatch: async (items) => ({
        results: items.map((i, n) => ({ id: i.id, status: answers[n]!, ...(n === 3 ? { reason: 'unknownItem' } : {}) })),
      }),
    });
    const round = await engine(s, client, { batchMaxItems: 5 }).runRound();
    expect(round).toMatchObject({ ok: true, sent: 5, acknowledged: 2, rejected: 2, retried: 1 });
    // The sixth item waits for the next round: the county asked for patience.
    expect(client.calls.batches).toHaveLength(1);
    expect(ids.map((id) => outboxRow(s, id))).toEqual([
      { state: 'acknowledged', last_error: null, reject_reason: null },
      { state: 'acknowledged', last_error: null, reject_reason: null },
      { state: 'rejected', last_error: null, reject_reason: 'rejected' },
      { state: 'rejected', last_error: null, reject_reason: 'unknownItem' },
      { state: 'pending', last_error: 'retry', reject_reason: null },
      { state: 'pending', last_error: null, reject_reason: null },
    ]);
  });

  it('without a retry, batch follows batch in the same round; an item left unanswered goes back to pending and ends the round', async () => {
    const s = store();
    const ids = [0, 1, 2, 3, 4].map((n) => submitOne(s, n).id);
    const client = scriptedCountyClient({
      sendBatch: async (items) => {
        // A county that never answers one item must not keep the round sending it forever.
        if (client.calls.batches.length > 10) throw new Error('the engine kept sending');
        return { results: items.filter((i) => i.id !== ids[4]).map((i) => ({ id: i.id, status: 'accepted' as const })) };
      },
    });
    expect(await engine(s, client, { batchMaxItems: 2 }).runRound()).toMatchObject({ ok: true, sent: 5, acknowledged: 4, rejected: 0, retried: 0 });
    expect(client.calls.batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(outboxRow(s, ids[4]!)).toEqual({ state: 'pending', last_error: 'noAnswer', reject_reason: null });
  });

  it('a 400 naming item 10 rejects that item only; a 400 naming no item, or a 409 naming one, rejects nothing', async () => {
    const s = store();
    const ids = Array.from({ length: 12 }, (_, n) => submitOne(s, n, 40).id);
    let refusals = 1;
    const client = scriptedCountyClient({
      sendBatch: async (items) => {
        if (refusals-- > 0) throw new CountyError(false, 'invalid_body', 400, { field: 'items.10.payload.form' });
        // Sent again without item 10; until the county answers, each says why it went back.
        expect(outboxRow(s, items[0]!.id)).toMatchObject({ last_error: 'batchRefused' });
        return { results: items.map((i) => ({ id: i.id, status: 'accepted' as const })) };
      },
    });
    expect(await engine(s, client, { batchMaxItems: 20 }).runRound()).toMatchObject({ ok: true, sent: 23, acknowledged: 11, rejected: 1 });
    expect(rejectedItems(s.db)).toEqual([expect.objectContaining({ id: ids[10], reason: 'invalid:items.10.payload.form' })]);
    expect(client.calls.batches[1]!.map((i) => i.id)).toEqual(ids.filter((_, n) => n !== 10));

    for (const refusal of [
      new CountyError(false, 'invalid_body', 400, { field: 'kioskId' }),
      new CountyError(false, 'invalid_body', 400, { field: 'meta.items.0.id' }), // names no item of the batch
      new CountyError(false, 'invalid_body', 400, { field: 'items.5.payload' }), // there is no item 5 in a batch of 2
      new CountyError(false, 'conflict', 409, { field: 'items.0.id' }),
      new CountyError(true, 'bad_gateway', 400, { field: 'items.0.id' }),
    ]) {
      const t = store();
      const both = [0, 1].map((n) => submitOne(t, n, 40).id);
      const refusing = scriptedCountyClient({
        sendBatch: async () => {
          throw refusal;
        },
      });
      expect(await engine(t, refusing).runRound()).toMatchObject({ ok: false, error: refusal.reason });
      expect(both.map((id) => outboxRow(t, id))).toEqual(both.map(() => ({ state: 'pending', last_error: refusal.reason, reject_reason: null })));
    }
  });

  it('an item whose payload was purged before it went is rejected as payloadPurged; the rest go', async () => {
    const s = store();
    const [a, b] = [submitOne(s, 0).id, submitOne(s, 1).id];
    s.db.prepare('UPDATE outbox SET payload_enc = NULL WHERE id = ?').run(a);
    const client = scriptedCountyClient();
    expect(await engine(s, client).runRound()).toMatchObject({ ok: true, sent: 1, acknowledged: 1, rejected: 1 });
    expect(rejectedItems(s.db)).toEqual([expect.objectContaining({ id: a, reason: 'payloadPurged' })]);
    expect(client.calls.batches.flat().map((i) => i.id)).toEqual([b]);
  });

  it('a round with nothing to send sends no batch', async () => {
    const client = scriptedCountyClient();
    expect(await engine(store(), client).runRound()).toMatchObject({ ok: true, sent: 0 });
    expect(client.calls.batches).toEqual([]);
  });
});

describe('batches and kinds', () => {
  it('a batch stops at the byte budget it was given (the rest follow in the same round)', async () => {
    const s = store();
    [0, 1, 2].forEach((n) => submitOne(s, n, 40));
    const client = scriptedCountyClient();
    // A budget of 1 byte still takes the first item of each batch (one a batch); the default of 4 MiB all three.
    expect(await engine(s, client, { batchMaxBytes: 1 }).runRound()).toMatchObject({ ok: true, sent: 3, acknowledged: 3 });
    expect(client.calls.batches.map((b) => b.length)).toEqual([1, 1, 1]);
    const t = store();
    [0, 1, 2].forEach((n) => submitOne(t, n, 40));
    const whole = scriptedCountyClient();
    await engine(t, whole).runRound();
    expect(whole.calls.batches.map((b) => b.length)).toEqual([3]);
  });

  it("a face image goes with the scans as one more attachment, each hash once", async () => {
    const s = store();
    const face = Buffer.from('face image '.repeat(80));
    const page = Buffer.from('page '.repeat(90));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const id = s.submit(
      sampleSubmission(0, { itemCode: 'JOB-05', attachments: [{ materialCode: 'id-copy', mime: 'image/jpeg', data: page }, { materialCode: 'id-back', mime: 'image/jpeg', data: page }], face: { image: face, livenessScore: 0.9, qualityScore: 0.8 } }),
      new Date(),
    ).submissionId;
    const client = scriptedCountyClient();
    expect(await engine(s, client).runRound()).toMatchObject({ ok: true, acknowledged: 1 });
    expect(client.calls.batches[0]!.map((i) => ({ id: i.id, kind: i.kind, attachments: i.attachments }))).toEqual([{ id, kind: 'submission', attachments: [sha(page), sha(face)] }]);
  });

  it('site records, monthly reports, cases and case steps go as their own kinds, without attachments; a case that no longer reads is set aside', async () => {
    const s = store();
    const at = '2026-11-30T08:00:00.000Z';
    const caseId = randomUUID();
    const step = { caseId, step: { id: randomUUID(), kind: 'open', at, state: 'opened', channel: 'window', operatorId: 'clerk-1', operatorName: 'Clerk' } };
    const rows = [
      { id: 'site-1', kind: 'siteRecord', residentRef: 'ignored', payload: { anything: 1 } },
      { id: 'step-1', kind: 'caseStep', residentRef: 'res-1', payload: step },
      { id: 'case-bad', kind: 'case', residentRef: 'res-2', payload: { caseId } },
      { id: 'report-1', kind: 'monthlyReport', residentRef: 'ignored', payload: { month: '2026-11' } },
    ];
    for (const r of rows) insertOutboxItem(s.db, s.key, { ...r, submissionId: null, createdAt: at });
    const client = scriptedCountyClient();
    expect(await engine(s, client).runRound()).toMatchObject({ ok: true, sent: 3, acknowledged: 3, rejected: 1 });
    expect(client.calls.batches.flat()).toEqual([
      { id: 'site-1', kind: 'siteRecord', createdAt: at, residentRef: null, payload: { anything: 1 }, attachments: [] },
      { id: 'step-1', kind: 'caseStep', createdAt: at, residentRef: 'res-1', payload: step, attachments: [] },
      { id: 'report-1', kind: 'monthlyReport', createdAt: at, residentRef: null, payload: { month: '2026-11' }, attachments: [] },
    ]);
    expect(outboxRow(s, 'case-bad')).toEqual({ state: 'rejected', last_error: null, reject_reason: 'damaged:payload' });
  });

  it('a whole case goes as kind case with its resident', async () => {
    const s = store();
    const at = '2026-11-30T08:00:00.000Z';
    const caseId = randomUUID();
    const stepOf = (kind: string, state: string) => ({ id: randomUUID(), kind, at, state, channel: 'window', operatorId: 'clerk-1', operatorName: 'Clerk' });
    const payload = {
      caseId,
      caseNumber: 'DB-20261130-0001',
      itemCode: 'JOB-05',
      channel: 'window',
      operatorId: 'clerk-1',
      openedAt: at,
      promisedDays: 5,
      dueAt: '2026-12-05T08:00:00.000Z',
      consent: 'inPerson',
      resident: { idNumber: '11010519491231002X', name: 'Resident', source: 'idCard' },
      materials: [],
      steps: [stepOf('open', 'opened'), stepOf('send', 'sent')],
    };
    insertOutboxItem(s.db, s.key, { id: 'case-1', kind: 'case', residentRef: 'res-1', payload, submissionId: null, createdAt: at });
    const client = scriptedCountyClient();
    expect(await engine(s, client).runRound()).toMatchObject({ ok: true, sent: 1, acknowledged: 1 });
    expect(client.calls.batches.flat()).toEqual([{ id: 'case-1', kind: 'case', createdAt: at, residentRef: 'res-1', payload, attachments: [] }]);
  });
});

describe('what is logged for a technician', () => {
  it("our own fault is an error with its stack; the county's refusal a warning with reason, status and count; a damaged item names itself", async () => {
    const own = createMemoryLogger();
    await engine(store(), scriptedCountyClient({ pullConfig: async () => Promise.reject(new TypeError('a bug of ours')) }), { log: own.logger }).runRound();
    expect(own.lines().map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 50, msg: 'sync round failed', err: expect.objectContaining({ message: 'a bug of ours', type: 'TypeError' }) }),
    ]);

    const county = createMemoryLogger();
    const e = engine(store(), scriptedCountyClient({ pullConfig: async () => Promise.reject(new CountyError(false, 'unauthorized', 401)) }), { log: county.logger });
    await e.runRound();
    await e.runRound();
    expect(county.lines().map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 40, msg: 'sync round failed', reason: 'unauthorized', status: 401, failures: 1 }),
      expect.objectContaining({ level: 40, msg: 'sync round failed', reason: 'unauthorized', status: 401, failures: 2 }),
    ]);

    const damaged = createMemoryLogger();
    const s = store();
    const lost = submitOne(s, 0);
    s.db.prepare('UPDATE attachments SET file = NULL WHERE submission_id = ?').run(lost.id);
    insertOutboxItem(s.db, s.key, { id: 'case-bad', kind: 'case', residentRef: null, payload: {}, submissionId: null, createdAt: new Date().toISOString() });
    await engine(s, scriptedCountyClient(), { log: damaged.logger }).runRound();
    const lines = damaged.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, msg: 'outbox item damaged: set aside', outboxId: 'case-bad', err: expect.objectContaining({ type: 'ZodError' }) }),
      expect.objectContaining({ level: 50, msg: 'attachment damaged: item set aside', outboxId: lost.id, err: expect.objectContaining({ message: `attachment file missing: ${lost.sha.slice(0, 12)}` }) }),
    ]);
  });
});

describe('what the status says', () => {
  it('online means the county answered: a network failure is offline, a 503, a 401 or a fault of our own is not', async () => {
    const cases = [
      [new CountyError(true, 'ECONNREFUSED', null), false, 'ECONNREFUSED'],
      [new CountyError(true, 'server_error', 503), true, 'server_error'],
      [new CountyError(false, 'unauthorized', 401), true, 'unauthorized'],
      [new TypeError('a bug of ours'), true, 'internal'],
    ] as const;
    for (const [failure, online, lastError] of cases) {
      const s = store();
      const e = engine(s, scriptedCountyClient({ pullConfig: async () => Promise.reject(failure) }));
      expect(e.status()).toMatchObject({ configured: true, online: false, lastSyncAt: null, nextAttemptAt: null, consecutiveFailures: 0, lastError: null });
      expect(await e.runRound()).toMatchObject({ ok: false, error: lastError });
      expect(await e.runRound()).toMatchObject({ ok: false, error: lastError });
      expect(e.status()).toMatchObject({ online, lastError, consecutiveFailures: 2, lastSyncAt: null });
    }
  });

  it("an answer the kiosk cannot believe counts as not reaching the county (a captive portal's page looks the same)", async () => {
    const grow = (by: number) => async (sha256: string, start: number) => ({ sha256, received: start + by, complete: false });
    const cases: Array<[string, Partial<CountyClient>]> = [
      ['bad_answer:received', { attachmentStatus: async (sha256) => ({ sha256, received: -1, complete: false }) }],
      ['bad_answer:no_progress', { uploadChunk: grow(0) }],
      ['bad_answer:incomplete_upload', { uploadChunk: async (sha256, start, _t, chunk) => ({ sha256, received: start + chunk.length, complete: false }) }],
      ['upload_conflicts', { uploadChunk: async () => Promise.reject(new CountyError(false, 'range_mismatch', 409)) }],
      ['bad_config:staff', { pullConfig: async () => ({ version: 3, tickets: [], staff: { version: 3, body: 'not a list' } }) as never }],
    ];
    for (const [reason, answers] of cases) {
      const s = store();
      submitOne(s, 0);
      const e = engine(s, scriptedCountyClient(answers));
      expect(await e.runRound()).toMatchObject({ ok: false, error: reason });
      expect(e.status()).toMatchObject({ online: false, lastError: reason, consecutiveFailures: 1 });
    }
  });

  it('a config version pulled is kept and asked from next time; heldConfigVersions lists the parts held', async () => {
    const s = store();
    const client = scriptedCountyClient({ pullConfig: async (since) => (since === 0 ? { version: 5, tickets: [], announcements: { version: 5, body: [] } } : { version: 5, tickets: [] }) });
    const e = engine(s, client);
    expect(heldConfigVersions(s)).toEqual({});
    expect(await e.runRound()).toMatchObject({ ok: true, configChanged: ['announcements'] });
    expect(await e.runRound()).toMatchObject({ ok: true, configChanged: [] });
    expect(client.calls.configSince).toEqual([0, 5]);
    expect(e.status().configVersion).toBe(5);
    expect(heldConfigVersions(s)).toEqual({ announcements: 5 });
    applyConfigParts(s.db, [{ part: 'site', version: 6, body: {} }], '2026-11-30T08:00:00.000Z');
    expect(heldConfigVersions(s)).toEqual({ announcements: 5, site: 6 });
  });

  it('a good round clears the failures and records when it synced; no county configured is said so', async () => {
    const s = store();
    let fail = true;
    const at = new Date('2026-11-30T09:15:00.000Z');
    const e = engine(s, scriptedCountyClient({ heartbeat: async () => (fail ? Promise.reject(new CountyError(true, 'timeout')) : undefined) }), { now: () => at });
    await e.runRound();
    fail = false;
    expect(await e.runRound()).toMatchObject({ ok: true });
    expect(e.status()).toMatchObject({ configured: true, online: true, consecutiveFailures: 0, lastError: null, lastSyncAt: '2026-11-30T09:15:00.000Z' });

    const offline = engine(s, null);
    expect(offline.status()).toMatchObject({ configured: false, online: false });
    expect(await offline.runRound()).toEqual({ ok: false, sent: 0, acknowledged: 0, rejected: 0, retried: 0, configChanged: [], error: 'not_configured' });
  });

  it('outcomes are announced only when some arrived', async () => {
    const onOutcomes = jest.fn();
    expect(await engine(store(), scriptedCountyClient(), { onOutcomes }).runRound()).toMatchObject({ ok: true, configChanged: [] });
    expect(onOutcomes).not.toHaveBeenCalled();
  });

  it('a case the county moved is announced once (the clerk\'s list and "where is my request" reload on it), a page fetched again is not', async () => {
    const s = store();
    const caseId = randomUUID();
    const tuwo = { id: 'tuwo', name: 'tuwo' };
    openSampleCase(s, { id: caseId, caseNumber: 'DB-0001', dueAt: '2026-12-11T01:00:00.000Z', openStep: caseStep('open', 'opened', '2026-12-01T01:00:00.000Z') });
    sendSampleCase(s, caseId, caseStep('send', 'sent', '2026-12-01T01:01:00.000Z'));
    const take = caseStep('take', 'atTownship', '2026-12-01T02:00:00.000Z', tuwo);
    const outcome = { itemId: caseId, trackingNumber: 'DB-0001', seq: 1, state: 'inProgress' as const, at: take.at, steps: [], case: { state: 'atTownship' as const, steps: [take] } };
    const onCasesMoved = jest.fn();
    const onOutcomes = jest.fn();
    const e = engine(s, scriptedCountyClient({ pullOutcomes: async () => ({ cursor: 1, more: false, outcomes: [outcome], refused: 0 }) }), { onCasesMoved, onOutcomes });
    await e.runRound();
    expect(onCasesMoved.mock.calls).toEqual([[[{ caseId, state: 'atTownship' }]]]);
    expect(onOutcomes).not.toHaveBeenCalled();
    await e.runRound();
    expect(onCasesMoved).toHaveBeenCalledTimes(1);
  });
});

describe('the heartbeat and the pull', () => {
  it('reports the queue as it is after the round, the held config version, a 40-character app version and no catalog', async () => {
    const s = store();
    const one = submitOne(s, 0);
    setSyncValue(s.db, 'configVersion', '7');
    const created = (s.db.prepare('SELECT created_at FROM outbox WHERE id = ?').get(one.id) as { created_at: string }).created_at;
    const client = scriptedCountyClient({ sendBatch: async (items) => ({ results: items.map((i) => ({ id: i.id, status: 'retry' as const })) }) });
    const e = engine(s, client, { appVersion: 'v'.repeat(50), kioskId: 'kiosk-7', now: () => new Date('2026-11-30T10:00:00.000Z') });
    expect(await e.runRound()).toMatchObject({ ok: true, retried: 1 });
    expect(client.calls.configSince).toEqual([7]);
    expect(client.calls.heartbeats).toEqual([
      { kioskId: 'kiosk-7', at: '2026-11-30T10:00:00.000Z', appVersion: 'v'.repeat(40), configVersion: 7, queueDepth: 1, rejected: 0, oldestPendingAt: created, devices: [], catalogVersion: null },
    ]);
    expect(e.status()).toMatchObject({ configVersion: 7, pending: 1 });
  });

  it('names the catalogue version it holds', async () => {
    const s = store();
    applyConfigParts(s.db, [{ part: 'catalog', version: 9, body: { version: 9, items: [] } }], '2026-11-30T08:00:00.000Z');
    const client = scriptedCountyClient();
    await engine(s, client).runRound();
    expect(client.calls.heartbeats[0]).toMatchObject({ catalogVersion: 9 });
  });

  it("a ticket goes with the point's moves the county has not had yet, at most 50 of them; a ticket without moves has no moves key", async () => {
    const s = store();
    const moves = Array.from({ length: 51 }, (_, n) => ({ at: new Date(Date.UTC(2026, 10, 30, 8, n)).toISOString(), action: 'note', level: 'point', by: 'tech-1', note: `tried ${n}` }));
    insertFaultTicket(s.db, { id: 't-moves', openedAt: '2026-11-30T07:00:00.000Z', deviceId: 'receipt-printer', summary: 'jam' });
    insertFaultTicket(s.db, { id: 't-plain', openedAt: '2026-11-30T07:01:00.000Z', deviceId: 'id-reader', summary: 'no read' });
    s.db.prepare('UPDATE fault_tickets SET unsent_moves = ? WHERE id = ?').run(JSON.stringify(moves), 't-moves');
    const sent: unknown[] = [];
    const client = scriptedCountyClient({ reportFaults: async (tickets) => void sent.push(...tickets) });
    await engine(s, client, { now: () => new Date('2026-11-30T09:00:00.000Z') }).runRound();
    expect(sent).toEqual([
      { id: 't-plain', openedAt: '2026-11-30T07:01:00.000Z', deviceId: 'id-reader', summary: 'no read' },
      { id: 't-moves', openedAt: '2026-11-30T07:00:00.000Z', deviceId: 'receipt-printer', summary: 'jam', moves: moves.slice(0, 50) },
    ]);
  });

  it('reports at most 50 fault tickets a round; the rest go in the next', async () => {
    const s = store();
    for (let n = 0; n < 51; n++) insertFaultTicket(s.db, { id: `t-${n}`, openedAt: new Date(Date.UTC(2026, 10, 30, 8, 0, n)).toISOString(), deviceId: 'receipt-printer', summary: `jam ${n}` });
    const client = scriptedCountyClient();
    const e = engine(s, client);
    await e.runRound();
    await e.runRound();
    await e.runRound();
    expect(client.calls.faultReports).toEqual([50, 1]);
  });
});

describe('the loop', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-30T08:00:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('starts with a round at once, then waits the interval; a kick sends within 200 ms; stop ends it', async () => {
    const rounds: number[] = [];
    const s = store();
    const e = engine(s, scriptedCountyClient(), { intervalMs: 10_000, now: () => new Date(), onProgress: () => rounds.push(Date.now()) });
    const t0 = Date.now();
    e.start();
    e.start(); // a second start does not start a second loop
    await jest.advanceTimersByTimeAsync(0);
    expect(rounds.map((t) => t - t0)).toEqual([0]);
    expect(e.status().nextAttemptAt).toBe(new Date(t0 + 10_000).toISOString());
    await jest.advanceTimersByTimeAsync(10_000);
    expect(rounds.map((t) => t - t0)).toEqual([0, 10_000]);
    // Something queued: sent within 200 ms, not at the next interval.
    submitOne(s, 0);
    e.kick();
    await jest.advanceTimersByTimeAsync(199);
    expect(rounds).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds.map((t) => t - t0).slice(2)).toEqual([10_200, 10_200]); // the batch's progress, then the round's
    expect(outboxCounts(s.db)).toMatchObject({ pending: 0 });
    await e.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(rounds).toHaveLength(4);
    e.kick(); // stopped: a kick does nothing
    await jest.advanceTimersByTimeAsync(60_000);
    expect(rounds).toHaveLength(4);
  });

  it('while failing it backs off, and a kick does not cut the wait short', async () => {
    const rounds: number[] = [];
    const e = engine(store(), scriptedCountyClient({ heartbeat: async () => Promise.reject(new CountyError(true, 'timeout')) }), {
      intervalMs: 10_000,
      backoff: { baseMs: 1000, capMs: 4000 },
      random: () => 1,
      now: () => new Date(),
      onProgress: () => rounds.push(Date.now()),
    });
    const t0 = Date.now();
    e.start();
    await jest.advanceTimersByTimeAsync(0);
    e.kick();
    await jest.advanceTimersByTimeAsync(999);
    expect(rounds.map((t) => t - t0)).toEqual([0]);
    await jest.advanceTimersByTimeAsync(1 + 2000);
    expect(rounds.map((t) => t - t0)).toEqual([0, 1000, 3000]);
    expect(e.nextDelayMs()).toBe(4000);
    await e.stop();
  });

  it('stopped while a round is running: that round ends and no other follows', async () => {
    const rounds: number[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const e = engine(store(), scriptedCountyClient({ heartbeat: () => held }), { intervalMs: 10_000, now: () => new Date(), onProgress: () => rounds.push(Date.now()) });
    e.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(rounds).toEqual([]);
    const stopping = e.stop();
    release();
    await stopping;
    expect(rounds).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(rounds).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('without a county it never starts', async () => {
    const rounds: number[] = [];
    const e = engine(store(), null, { onProgress: () => rounds.push(Date.now()) });
    e.start();
    e.kick();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(rounds).toEqual([]);
    expect(e.status().nextAttemptAt).toBeNull();
  });
});
