import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { countyStats, intakeBatch, publishConfigPart, storedItems } from '../../src/county/county-state';
import type { CountyServer } from '../../src/county/server';
import { RequestSigner } from '../../src/main/sync/request-signer';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { CountyError } from '../../src/main/sync/county-client';
import type { SubmissionItem } from '../../src/shared/sync/protocol';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';

const resident = SAMPLE_RESIDENTS[0]!;

function item(id: string, attachments: string[] = [], itemCode = 'JOB-05'): SubmissionItem {
  return {
    id,
    kind: 'submission',
    createdAt: '2026-11-29T08:00:00.000Z',
    residentRef: 'ref-a',
    attachments,
    payload: {
      submissionId: id,
      trackingNumber: `20261129-${id.slice(-8).toUpperCase()}`,
      itemCode,
      serviceMode: 'self',
      operatorId: null,
      submittedAt: '2026-11-29T08:00:00.000Z',
      resident: { idNumber: resident.idNumber, name: resident.name, sex: resident.sex, birthDate: resident.birthDate, source: 'idCard' },
      form: { phone: '13800000000' },
      attachments: attachments.map((sha256) => ({ sha256, materialCode: 'm', mime: 'image/jpeg', size: 1 })),
    },
  };
}

const ID1 = '0196f000-0000-7000-8000-000000000001';
const ID2 = '0196f000-0000-7000-8000-000000000002';

describe('reference county server', () => {
  let county: CountyServer;
  let client: HttpCountyClient;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    client = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
  });
  afterAll(() => county.close());

  async function raw(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${county.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: res.status === 304 ? null : await res.json() };
  }

  it('stores an item once however often it arrives', async () => {
    expect((await client.sendBatch([item(ID1)])).results).toEqual([{ id: ID1, status: 'accepted' }]);
    expect((await client.sendBatch([item(ID1)])).results).toEqual([{ id: ID1, status: 'duplicate' }]);
    expect((await client.sendBatch([item(ID1), item(ID2)])).results.map((r) => r.status)).toEqual(['duplicate', 'accepted']);
    const stats = await countyStats(county.query);
    expect(stats.items).toBe(2);
    expect(stats.duplicatesRefused).toBe(2);
  });

  it('answers an id sent twice in one batch accepted then duplicate, stores it once, and stores the batch in order', async () => {
    // A kiosk's client never sends this (it checks one answer per id); the county must still answer it sanely.
    const [c1, c2] = ['0196f000-0000-7000-8000-0000000000c1', '0196f000-0000-7000-8000-0000000000c2'];
    const results = await intakeBatch(county.query, TEST_KIOSK.id, [item(c1), item(c2), item(c1)], new Date());
    expect(results).toEqual([
      { id: c1, status: 'accepted' },
      { id: c2, status: 'accepted' },
      { id: c1, status: 'duplicate' },
    ]);
    const stored = (await storedItems(county.query)).filter((i) => i.id === c1 || i.id === c2);
    expect(stored.map((i) => i.id)).toEqual([c1, c2]);
    const outcomes = await county.query.selectFrom('outcomes').select('item_id').where('item_id', 'in', [c1, c2]).execute();
    expect(outcomes).toHaveLength(2);
  });

  it("holds back a resident's later items while an earlier one waits, and lets other residents through", async () => {
    const missing = createHash('sha256').update('not uploaded yet').digest('hex');
    const a1 = { ...item('0196f000-0000-7000-8000-0000000000b1', [missing]), residentRef: 'ref-order-a' };
    const a2 = { ...item('0196f000-0000-7000-8000-0000000000b2'), residentRef: 'ref-order-a' };
    const b1 = { ...item('0196f000-0000-7000-8000-0000000000b3'), residentRef: 'ref-order-b' };
    const answer = await client.sendBatch([a1, a2, b1]);
    expect(answer.results.map((r) => [r.status, r.reason])).toEqual([
      ['retry', `attachmentMissing:${missing.slice(0, 12)}`],
      ['retry', 'earlierItemOfResidentPending'],
      ['accepted', undefined],
    ]);
  });

  it('rejects an item of an unknown catalogue code with a reason', async () => {
    const id = '0196f000-0000-7000-8000-0000000000aa';
    expect((await client.sendBatch([item(id, [], 'XYZ-99')])).results).toEqual([{ id, status: 'rejected', reason: 'unknownItem' }]);
  });

  it('refuses bad signatures, stale timestamps and replayed nonces with 401 and a reason', async () => {
    const body = { kioskId: TEST_KIOSK.id, items: [item('0196f000-0000-7000-8000-000000000003')] };
    const bytes = Buffer.from(JSON.stringify(body));
    const wrong = new RequestSigner(TEST_KIOSK.id, 'not-the-secret-0123456789abcdef');
    expect(await raw('POST', '/v1/sync/batches', body, wrong.headers('POST', '/v1/sync/batches', bytes))).toEqual({ status: 401, body: { error: 'bad_signature' } });

    const skewed = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, () => Date.now() - 10 * 60_000);
    const stale = await raw('POST', '/v1/sync/batches', body, skewed.headers('POST', '/v1/sync/batches', bytes));
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ error: 'stale_timestamp', serverTime: expect.any(Number) });

    const good = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret);
    const headers = good.headers('POST', '/v1/sync/batches', bytes);
    expect((await raw('POST', '/v1/sync/batches', body, headers)).status).toBe(200);
    expect(await raw('POST', '/v1/sync/batches', body, headers)).toEqual({ status: 401, body: { error: 'replayed_nonce' } });

    expect(await raw('POST', '/v1/sync/batches', body, {})).toEqual({ status: 401, body: { error: 'missing_headers' } });
    // Nonces live in memory: a request signed before the county (re)started is refused, so none can be replayed.
    const beforeStart = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, () => Date.now() - 60_000);
    expect((await raw('POST', '/v1/sync/batches', body, beforeStart.headers('POST', '/v1/sync/batches', bytes))).body).toMatchObject({ error: 'stale_timestamp' });
    const unknown = new RequestSigner('nobody', TEST_KIOSK.secret);
    expect(await raw('POST', '/v1/sync/batches', body, unknown.headers('POST', '/v1/sync/batches', bytes))).toEqual({ status: 401, body: { error: 'unknown_kiosk' } });
  });

  it('a kiosk with a skewed clock corrects itself from the 401 answer', async () => {
    const skewed = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, now: () => Date.now() + 10 * 60_000 });
    await expect(skewed.pullConfig(0)).resolves.not.toBeNull();
    expect(Math.abs(skewed.signer.clockOffsetMs + 10 * 60_000)).toBeLessThan(5_000);
  });

  it('validates every body and names the field (400)', async () => {
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret);
    const bad = { kioskId: TEST_KIOSK.id, items: [{ ...item('0196f000-0000-7000-8000-000000000004'), createdAt: 'yesterday' }] };
    const res = await raw('POST', '/v1/sync/batches', bad, signer.headers('POST', '/v1/sync/batches', Buffer.from(JSON.stringify(bad))));
    expect(res).toEqual({ status: 400, body: { error: 'invalid_body', field: 'items.0.createdAt' } });
    await expect(client.heartbeat({ kioskId: TEST_KIOSK.id, at: 'now', appVersion: '1', configVersion: 0, queueDepth: 0, rejected: 0, oldestPendingAt: null, devices: [] })).rejects.toMatchObject({
      status: 400,
      details: { field: 'at' },
      transient: false,
    });
  });

  it('answers garbage bodies with 400 and keeps serving (property test)', async () => {
    const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret);
    const send = async (bytes: Buffer) => {
      const res = await fetch(`${county.url}/v1/sync/batches`, { method: 'POST', headers: { 'content-type': 'application/json', ...signer.headers('POST', '/v1/sync/batches', bytes) }, body: bytes as Uint8Array<ArrayBuffer> });
      return { status: res.status, body: (await res.json()) as { error: string } };
    };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json().map((j) => Buffer.from(j)), fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u))), async (bytes) => {
        const answer = await send(bytes);
        expect(answer.status).toBe(400);
        expect(['invalid_json', 'invalid_body']).toContain(answer.body.error);
      }),
      { numRuns: 60 },
    );
    expect((await client.pullConfig(0))?.version).toBeGreaterThan(0);
  });

  it('takes attachments in resumable chunks, checks the hash, and holds items back until they are complete', async () => {
    const data = Buffer.from('a scanned page '.repeat(1000));
    const sha = createHash('sha256').update(data).digest('hex');
    const id = '0196f000-0000-7000-8000-000000000005';
    expect((await client.sendBatch([item(id, [sha])])).results[0]).toMatchObject({ status: 'retry' });
    await client.uploadChunk(sha, 0, data.length, data.subarray(0, 5000));
    expect(await client.attachmentStatus(sha)).toEqual({ sha256: sha, received: 5000, complete: false });
    // A gap is refused with how much is there; an overlapping resend is trimmed.
    await expect(client.uploadChunk(sha, 6000, data.length, data.subarray(6000, 7000))).rejects.toMatchObject({ status: 409, details: { received: 5000 } });
    await client.uploadChunk(sha, 4000, data.length, data.subarray(4000, 10000));
    const done = await client.uploadChunk(sha, 10000, data.length, data.subarray(10000));
    expect(done).toEqual({ sha256: sha, received: data.length, complete: true });
    expect((await client.sendBatch([item(id, [sha])])).results[0]).toEqual({ id, status: 'accepted' });

    const wrongSha = createHash('sha256').update('something else').digest('hex');
    await expect(client.uploadChunk(wrongSha, 0, data.length, data)).rejects.toMatchObject({ status: 422, reason: 'hash_mismatch' });
    expect(await client.attachmentStatus(wrongSha)).toMatchObject({ received: 0, complete: false });
  });

  it('serves config newer than the kiosk holds, or 304', async () => {
    const all = (await client.pullConfig(0))!;
    expect(all.staff!.body.map((s) => s.username).sort()).toEqual(['li', 'tech', 'zhao']);
    expect(all.announcements!.body).toHaveLength(1);
    expect(all.catalog!.version).toBe(all.version);
    expect(await client.pullConfig(all.version)).toBeNull();
    const v = await publishConfigPart(county.query, 'site', { onDuty: '赵志强' });
    const next = (await client.pullConfig(all.version))!;
    expect(next).toMatchObject({ version: v, site: { version: v, body: { onDuty: '赵志强' } } });
    expect(next.staff).toBeUndefined();
  });

  it('answers the online lookups from its residents', async () => {
    await client.noticeResident({ sessionId: '0196f000-0000-7000-8000-00000000e001', idNumber: resident.idNumber, source: 'idCard', identifiedAt: new Date().toISOString() });
    const contributions = await client.query('INS-06', { idNumber: resident.idNumber, params: {} });
    expect(contributions.rows).toHaveLength(5);
    const certificate = await client.query('INS-09', { idNumber: resident.idNumber, params: {} });
    expect(certificate.document!.lines.join('\n')).toContain(resident.name);
    expect((await client.query('JOB-02', { params: {} })).rows.length).toBeGreaterThan(0);
    await client.noticeResident({ sessionId: '0196f000-0000-7000-8000-00000000e002', idNumber: '11010519491231002X', source: 'idCard', identifiedAt: new Date().toISOString() });
    await expect(client.query('INS-06', { idNumber: '11010519491231002X', params: {} })).rejects.toMatchObject({ status: 404, reason: 'unknown_resident' });
    await expect(client.query('JOB-05', { idNumber: resident.idNumber, params: {} })).rejects.toBeInstanceOf(CountyError);
  });
});
