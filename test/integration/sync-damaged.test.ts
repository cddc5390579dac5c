import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { CountyServer } from '../../src/county/server';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { outboxCounts, rejectedItems } from '../../src/main/store/outbox';
import { CountyError } from '../../src/main/sync/county-client';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { scriptedCountyClient } from '../support/scripted-county-client';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

const { logger: log } = createMemoryLogger();

/** Issue 14 items 5 and 6: damaged records and bad county answers never wedge the queue. */
describe('sync with damaged records on the kiosk', () => {
  let county: CountyServer;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());
  const engineFor = (store: ReturnType<typeof openTestStore>) =>
    new SyncEngine({ store, client: new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret }), kioskId: TEST_KIOSK.id, appVersion: 't', log });

  it('a payload that fails to decrypt is set aside for a clerk; the rest of its batch is delivered and nothing stays in sending', async () => {
    const store = openTestStore(tempDataDir());
    const ids = [0, 1, 2].map((i) => store.submit(sampleSubmission(i, { itemCode: 'JOB-05' }), new Date()).submissionId);
    const row = store.db.prepare('SELECT payload_enc FROM outbox WHERE id = ?').get(ids[1]) as { payload_enc: Buffer };
    row.payload_enc[row.payload_enc.length - 1]! ^= 0xff;
    store.db.prepare('UPDATE outbox SET payload_enc = ? WHERE id = ?').run(row.payload_enc, ids[1]);

    const round = await engineFor(store).runRound();
    expect(round).toMatchObject({ ok: true, acknowledged: 2 });
    expect(outboxCounts(store.db)).toMatchObject({ pending: 0, acknowledged: 2, rejected: 1 });
    expect(rejectedItems(store.db)).toEqual([expect.objectContaining({ id: ids[1], reason: 'damaged:payload' })]);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'sending'").get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT status FROM submissions WHERE id = ?').get(ids[1])).toEqual({ status: 'rejected' });
    store.close();
  });

  it('an attachment that fails to decrypt sets its item aside; the queue behind it still goes, now and in later rounds', async () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    // Scans of their own (the county already holds the sample scans from the test above, and would say "complete").
    const own = (i: number) => ({ itemCode: 'JOB-05', attachments: [{ materialCode: 'id-copy', mime: 'image/jpeg', data: Buffer.from(`damaged-test scan ${i} ${Date.now()} `.repeat(50)) }] });
    const ids = [0, 1, 2].map((i) => store.submit(sampleSubmission(i, own(i)), new Date()).submissionId);
    const file = (store.db.prepare('SELECT file FROM attachments WHERE submission_id = ?').get(ids[0]) as { file: string }).file;
    const full = path.join(dataDir, 'attachments', file);
    const bytes = fs.readFileSync(full);
    bytes[bytes.length - 1]! ^= 0xff;
    fs.writeFileSync(full, bytes);

    const engine = engineFor(store);
    expect(await engine.runRound()).toMatchObject({ ok: true, acknowledged: 2, rejected: 1 });
    expect(rejectedItems(store.db)).toEqual([expect.objectContaining({ id: ids[0], reason: 'damaged:attachment' })]);
    const later = store.submit(sampleSubmission(3, { itemCode: 'JOB-05' }), new Date()).submissionId;
    expect(await engine.runRound()).toMatchObject({ ok: true, acknowledged: 1 });
    expect(store.db.prepare('SELECT state FROM outbox WHERE id = ?').get(later)).toEqual({ state: 'acknowledged' });
    store.close();
  });
});

/** A county that answers what the test says, to check each answer is validated before the kiosk believes it. */
async function scriptedCounty(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('bad county answers', () => {
  const sha = 'a'.repeat(64);

  it('a non-numeric attachment-received header is a bad answer, never "uploaded"', async () => {
    const county = await scriptedCounty((_req, res) => res.writeHead(200, { 'x-attachment-received': 'lots', 'x-attachment-complete': 'false' }).end());
    const client = new HttpCountyClient({ baseUrl: county.url, kioskId: 'k', secret: 's'.repeat(32) });
    await expect(client.attachmentStatus(sha)).rejects.toMatchObject({ reason: 'bad_answer:header' });
    client.close();
    await county.close();
  });

  it('a batch answer with a repeated result id (another item unanswered) is refused', async () => {
    const county = await scriptedCounty((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results: [{ id: 'one', status: 'accepted' }, { id: 'one', status: 'accepted' }] })),
    );
    const client = new HttpCountyClient({ baseUrl: county.url, kioskId: 'k', secret: 's'.repeat(32) });
    const item = (id: string) => ({ id, kind: 'submission', createdAt: new Date().toISOString(), residentRef: null, payload: {}, attachments: [] }) as never;
    await expect(client.sendBatch([item('one'), item('two')])).rejects.toMatchObject({ reason: 'incomplete_answer' });
    client.close();
    await county.close();
  });

  it('a clock correction from an unsigned answer is bounded', async () => {
    const county = await scriptedCounty((_req, res) =>
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'stale_timestamp', serverTime: Date.now() + 400 * 24 * 3600_000 })),
    );
    const client = new HttpCountyClient({ baseUrl: county.url, kioskId: 'k', secret: 's'.repeat(32) });
    await expect(client.pullConfig(0)).rejects.toMatchObject({ reason: 'clock_skew_too_large' });
    expect(client.signer.clockOffsetMs).toBe(0);
    client.close();
    await county.close();
  });

  it('a county that answers 409 forever ends the round (it does not spin), and the item stays pending', async () => {
    const store = openTestStore(tempDataDir());
    store.submit(sampleSubmission(0, { itemCode: 'JOB-05' }), new Date());
    let uploads = 0;
    const client = scriptedCountyClient({
      attachmentStatus: async (sha256) => ({ sha256, received: 0, complete: false }),
      uploadChunk: async () => {
        uploads += 1;
        if (uploads > 1000) throw new Error('spinning');
        throw new CountyError(false, 'range_mismatch', 409, { received: 0 });
      },
      sendBatch: async () => ({ results: [] }),
    });
    const engine = new SyncEngine({ store, client, kioskId: 'k', appVersion: 't', log });
    expect(await engine.runRound()).toMatchObject({ ok: false, error: 'upload_conflicts' });
    expect(uploads).toBeLessThanOrEqual(4);
    expect(outboxCounts(store.db)).toMatchObject({ pending: 1, rejected: 0 });
    store.close();
  });

  it('an upload answer that says less than the bytes sent does not mark the attachment uploaded', async () => {
    const store = openTestStore(tempDataDir());
    store.submit(sampleSubmission(0, { itemCode: 'JOB-05' }), new Date());
    const client = scriptedCountyClient({
      attachmentStatus: async (sha256) => ({ sha256, received: 0, complete: false }),
      uploadChunk: async (sha256) => ({ sha256, received: Number.NaN, complete: false }),
      sendBatch: async (items) => ({ results: items.map((i) => ({ id: i.id, status: 'accepted' as const })) }),
    });
    const engine = new SyncEngine({ store, client, kioskId: 'k', appVersion: 't', log });
    expect(await engine.runRound()).toMatchObject({ ok: false });
    expect(store.db.prepare('SELECT uploaded FROM attachments').all()).toEqual([{ uploaded: 0 }]);
    expect(outboxCounts(store.db)).toMatchObject({ pending: 1 });
    store.close();
  });
});
