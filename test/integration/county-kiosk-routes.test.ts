import { createHash } from 'node:crypto';
import http from 'node:http';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { RequestSigner } from '../../src/main/sync/request-signer';
import { lookupLog } from '../../src/county/resident-sessions';
import { TEST_KIOSK, startTestCounty, type TestCounty } from '../support/county-fixtures';

/**
 * The kiosk routes (kiosk-routes.ts) answer by answer: each route's refusals with their status and named field, and
 * what each one stores or logs. The signature check itself is county-request-auth.test.ts's; here only what the
 * routes add to it (the early refusal of an unsigned request, the server time on a stale one).
 */
const resident = SAMPLE_RESIDENTS[0]!;
const stranger = '11010519491231002X';
const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const uuid = (n: number) => `0196f000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

describe('kiosk routes', () => {
  let county: TestCounty;
  const signer = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret);

  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  /** A signed request; `body` as JSON, or raw bytes sent as octet-stream. */
  async function send(method: string, path: string, body?: unknown, extra: Record<string, string> = {}, by = signer) {
    const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const type: Record<string, string> = bytes === undefined ? {} : { 'content-type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json' };
    const res = await fetch(`${county.url}${path}`, { method, headers: { ...type, ...by.headers(method, path, bytes), ...extra }, ...(bytes ? { body: bytes as Uint8Array<ArrayBuffer> } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) };
  }
  const notice = (n: number, idNumber = resident.idNumber) => ({ sessionId: uuid(n), idNumber, source: 'idCard', identifiedAt: new Date().toISOString() });

  it('refuses a request missing any signature header before reading its body, however large it says it is', async () => {
    const full = signer.headers('POST', '/v1/sync/batches', Buffer.from('{}'));
    for (const name of Object.keys(full)) {
      const headers: Record<string, string> = { ...full, 'content-type': 'application/json', 'content-length': String(16 * 1024 * 1024 + 1) };
      delete headers[name];
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(county.url);
        const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: '/v1/sync/batches', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
            req.destroy();
          });
        });
        req.on('error', reject);
        req.flushHeaders();
      });
      expect([name, answer.status, JSON.parse(answer.body)]).toEqual([name, 401, { error: 'missing_headers' }]);
    }
  });

  it('gives its clock only with a stale timestamp, never with another refusal', async () => {
    const slow = new RequestSigner(TEST_KIOSK.id, TEST_KIOSK.secret, () => Date.now() - 10 * 60_000);
    const stale = await send('GET', '/v1/outcomes', undefined, {}, slow);
    expect(stale.status).toBe(401);
    expect(Object.keys(stale.body!).sort()).toEqual(['error', 'serverTime']);
    expect(stale.body!.error).toBe('stale_timestamp');
    expect(Math.abs((stale.body!.serverTime as number) - Date.now())).toBeLessThan(60_000);
    const wrong = new RequestSigner(TEST_KIOSK.id, 'not-the-secret-0123456789abcdef012345');
    expect(await send('GET', '/v1/outcomes', undefined, {}, wrong)).toMatchObject({ status: 401, body: { error: 'bad_signature' } });
    expect(Object.keys((await send('GET', '/v1/outcomes', undefined, {}, wrong)).body!)).toEqual(['error']);
  });

  it("refuses a batch or a heartbeat in another kiosk's name", async () => {
    const id = uuid(1);
    const item = {
      id,
      kind: 'submission',
      createdAt: '2026-11-29T08:00:00.000Z',
      residentRef: 'ref-routes',
      attachments: [],
      payload: {
        submissionId: id,
        trackingNumber: `20261129-${id.slice(-8).toUpperCase()}`,
        itemCode: 'JOB-05',
        serviceMode: 'self',
        operatorId: null,
        submittedAt: '2026-11-29T08:00:00.000Z',
        resident: { idNumber: resident.idNumber, name: resident.name, sex: resident.sex, birthDate: resident.birthDate, source: 'idCard' },
        form: { phone: '13800000000' },
        attachments: [],
      },
    };
    expect(await send('POST', '/v1/sync/batches', { kioskId: 'kiosk-other', items: [item] })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'kioskId' } });
    expect(await county.query.selectFrom('items').select('id').execute()).toEqual([]);
    const soon = jest.spyOn(county.relay, 'soon');
    try {
      expect(await send('POST', '/v1/sync/batches', { kioskId: TEST_KIOSK.id, items: [item] })).toMatchObject({ status: 200, body: { results: [{ id, status: 'accepted' }] } });
      expect(soon).toHaveBeenCalledTimes(1);
      // Sent again: nothing new for the back office, so no early hand-over.
      expect(await send('POST', '/v1/sync/batches', { kioskId: TEST_KIOSK.id, items: [item] })).toMatchObject({ status: 200, body: { results: [{ id, status: 'duplicate' }] } });
      expect(soon).toHaveBeenCalledTimes(1);
    } finally {
      soon.mockRestore();
    }
    expect(await county.query.selectFrom('items').select(['id', 'kiosk_id']).execute()).toEqual([{ id, kiosk_id: TEST_KIOSK.id }]);
    const heartbeat = { kioskId: 'kiosk-other', at: new Date().toISOString(), appVersion: '1.0.0', configVersion: 0, queueDepth: 0, rejected: 0, oldestPendingAt: null, devices: [] };
    expect(await send('POST', '/v1/heartbeat', heartbeat)).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'kioskId' } });
    expect(await county.query.selectFrom('heartbeats').selectAll().execute()).toEqual([]);
    expect(await send('POST', '/v1/heartbeat', { ...heartbeat, kioskId: TEST_KIOSK.id, queueDepth: 3 })).toEqual(expect.objectContaining({ status: 200, body: { ok: true } }));
    const stored = await county.query.selectFrom('heartbeats').select(['kiosk_id', 'body']).execute();
    expect(stored.map((r) => [r.kiosk_id, JSON.parse(r.body).queueDepth])).toEqual([[TEST_KIOSK.id, 3]]);
  });

  it('answers outcomes and config from 0 when no cursor is given, and refuses a cursor that is not a whole number from 0', async () => {
    // The batch above was accepted: its outcome is there from cursor 0 (the back office may move it on meanwhile).
    for (const path of ['/v1/outcomes', '/v1/outcomes?since=0']) {
      const fromZero = await send('GET', path);
      expect([path, fromZero.status, (fromZero.body!.outcomes as Array<{ itemId: string }>).map((o) => o.itemId)]).toEqual([path, 200, [uuid(1)]]);
    }
    expect(await send('GET', '/v1/outcomes?since=1000')).toEqual(expect.objectContaining({ status: 200, body: { cursor: 1000, outcomes: [], more: false } }));
    for (const since of ['-1', '1.5', 'x']) {
      expect([since, await send('GET', `/v1/outcomes?since=${since}`)]).toEqual([since, expect.objectContaining({ status: 400, body: { error: 'invalid_query', field: 'since' } })]);
      expect([since, await send('GET', `/v1/config?since=${since}`)]).toEqual([since, expect.objectContaining({ status: 400, body: { error: 'invalid_query', field: 'since' } })]);
    }
    const all = await send('GET', '/v1/config');
    expect(all.status).toBe(200);
    expect(all.body!.staff).toMatchObject({ signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/) });
    expect(await send('GET', `/v1/config?since=${all.body!.version as number}`)).toEqual(expect.objectContaining({ status: 304, body: null }));
  });

  it("tells an attachment's progress in headers, and refuses a path that is not a SHA-256", async () => {
    const head = await send('HEAD', `/v1/attachments/${sha('nothing yet')}`);
    expect([head.status, head.headers.get('x-attachment-received'), head.headers.get('x-attachment-complete')]).toEqual([200, '0', 'false']);
    expect(await send('PUT', `/v1/attachments/${sha('x').toUpperCase()}`, Buffer.from('x'), { 'content-range': 'bytes 0-0/1' })).toMatchObject({ status: 400, body: { error: 'invalid_path', field: 'sha256' } });
    expect((await send('HEAD', `/v1/attachments/${sha('x').slice(1)}`)).status).toBe(400);
  });

  it('takes a chunk only with a Content-Range that matches its bytes and lies inside the total', async () => {
    const data = Buffer.from('0123456789abcdefghij');
    const hash = sha(data);
    const put = (range: string | null, bytes: Buffer) => send('PUT', `/v1/attachments/${hash}`, bytes, range === null ? {} : { 'content-range': range });
    const refused = { status: 400, body: { error: 'invalid_body', field: 'content-range' } };
    expect(await put(null, data.subarray(0, 5))).toMatchObject(refused);
    for (const range of ['bytes 0-4/20x', 'x bytes 0-4/20', 'bytes 0-4', 'bytes 4-0/20', 'bytes 0-5/20', 'bytes 0-3/20', 'bytes 0-4/4', 'bytes 1234567890123-1234567890127/1234567890128']) {
      expect([range, await put(range, data.subarray(0, 5))]).toEqual([range, expect.objectContaining(refused)]);
    }
    expect(await put('bytes 0-4/20', data.subarray(0, 5))).toMatchObject({ status: 200, body: { sha256: hash, received: 5, complete: false } });
    // A chunk past the first: its length is end - start + 1.
    for (const range of ['bytes 5-8/20', 'bytes 5-10/20']) expect([range, await put(range, data.subarray(5, 10))]).toEqual([range, expect.objectContaining(refused)]);
    expect(await put('bytes 5-9/20', data.subarray(5, 10))).toMatchObject({ status: 200, body: { sha256: hash, received: 10, complete: false } });
    // A gap: refused with how much the county holds, in the header too.
    const gap = await put('bytes 15-19/20', data.subarray(15, 20));
    expect([gap.status, gap.body, gap.headers.get('x-attachment-received')]).toEqual([409, { error: 'range_mismatch' }, '10']);
    expect(await put('bytes 10-18/20', data.subarray(10, 19))).toMatchObject({ status: 200, body: { sha256: hash, received: 19, complete: false } });
    // A chunk of one byte: its end is its start.
    expect(await put('bytes 19-19/20', data.subarray(19, 20))).toMatchObject({ status: 200, body: { sha256: hash, received: 20, complete: true } });
    const head = await send('HEAD', `/v1/attachments/${hash}`);
    expect([head.headers.get('x-attachment-received'), head.headers.get('x-attachment-complete')]).toEqual(['20', 'true']);
  });

  it('opens and ends resident sessions, with their refusals', async () => {
    const opened = await send('POST', '/v1/residents/sessions', notice(101));
    expect(opened.status).toBe(200);
    expect(Object.keys(opened.body!).sort()).toEqual(['expiresAt', 'sessionId']);
    expect(opened.body!.sessionId).toBe(uuid(101));
    expect(Date.parse(opened.body!.expiresAt as string) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await send('POST', '/v1/residents/sessions', notice(101, stranger))).toMatchObject({ status: 409, body: { error: 'session_taken' } });
    expect(await send('POST', '/v1/residents/sessions', { ...notice(102), idNumber: '123' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'idNumber' } });
    expect(await send('DELETE', '/v1/residents/sessions/not-a-uuid')).toMatchObject({ status: 400, body: { error: 'invalid_path', field: 'sessionId' } });
    expect(await send('DELETE', `/v1/residents/sessions/${uuid(101)}`)).toMatchObject({ status: 200, body: { ended: true } });
    expect(await send('DELETE', `/v1/residents/sessions/${uuid(101)}`)).toMatchObject({ status: 200, body: { ended: false } });
  });

  it('answers lookups: the item code checked, listings for anyone, personal ones only under a live session, each logged', async () => {
    await county.query.deleteFrom('lookup_log').execute();
    expect(await send('POST', '/v1/query/ins-06', { idNumber: resident.idNumber, params: {} })).toMatchObject({ status: 400, body: { error: 'invalid_path', field: 'itemCode' } });
    expect(await send('POST', '/v1/query/INS-06', { idNumber: 'x', params: {} })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'idNumber' } });
    expect(await send('POST', '/v1/query/ABC-01', { params: {} })).toMatchObject({ status: 404, body: { error: 'unknown_item' } });
    const listing = await send('POST', '/v1/query/JOB-02', { params: {} });
    expect(listing.status).toBe(200);
    expect(listing.body).toMatchObject({ itemCode: 'JOB-02', fetchedAt: expect.any(String) });
    expect(listing.body!.document).toBeUndefined();
    expect(await send('POST', '/v1/query/INS-06', { params: {} })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'idNumber' } });
    expect(await send('POST', '/v1/query/INS-06', { idNumber: resident.idNumber, params: {} })).toMatchObject({ status: 403, body: { error: 'no_session' } });
    await send('POST', '/v1/residents/sessions', notice(201));
    await send('POST', '/v1/residents/sessions', notice(202, stranger));
    const answered = await send('POST', '/v1/query/INS-06', { idNumber: resident.idNumber, params: {} });
    expect(answered).toMatchObject({ status: 200, body: { itemCode: 'INS-06' } });
    expect((answered.body!.rows as unknown[]).length).toBeGreaterThan(0);
    expect(await send('POST', '/v1/query/INS-06', { idNumber: stranger, params: {} })).toMatchObject({ status: 404, body: { error: 'unknown_resident' } });
    expect((await lookupLog(county.query, TEST_KIOSK.id)).reverse().map((e) => [e.itemCode, e.outcome, e.sessionId, e.idNumberMasked === null])).toEqual([
      ['JOB-02', 'listing', null, true],
      ['INS-06', 'noSession', null, false],
      ['INS-06', 'answered', uuid(201), false],
      ['INS-06', 'unknownResident', uuid(202), false],
    ]);
  });

  it("issues a certificate in the resident's language, Chinese when none is asked", async () => {
    await send('POST', '/v1/residents/sessions', notice(301));
    const zh = await send('POST', '/v1/query/INS-09', { idNumber: resident.idNumber, params: {} });
    const en = await send('POST', '/v1/query/INS-09', { idNumber: resident.idNumber, params: {}, language: 'en' });
    expect(zh.body!.document).toMatchObject({ language: 'zh-CN', issuedAt: expect.any(String), verification: expect.anything() });
    expect(en.body!.document).toMatchObject({ language: 'en' });
    expect((zh.body!.document as { lines: string[] }).lines.join('\n')).toContain(resident.name);
    // The certificate's words too, not only its language tag.
    expect((zh.body!.document as { lines: string[] }).lines.join('\n')).toContain('公民身份号码');
    expect((en.body!.document as { lines: string[] }).lines.join('\n')).toContain('Citizen ID number');
    expect((en.body!.document as { lines: string[] }).lines.join('\n')).not.toContain('公民身份号码');
    const certificates = await county.query.selectFrom('certificates').select(['kiosk_id', 'language']).execute();
    expect(certificates.map((c) => [c.kiosk_id, c.language])).toEqual([
      [TEST_KIOSK.id, 'zh-CN'],
      [TEST_KIOSK.id, 'en'],
    ]);
  });

  it('stores a fault report under the kiosk that signed it', async () => {
    const report = { tickets: [{ id: 'fault-routes-1', openedAt: new Date().toISOString(), deviceId: 'printer-1', summary: 'paper jam' }] };
    expect(await send('POST', '/v1/faults', report)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await county.query.selectFrom('faults').select(['id', 'kiosk_id', 'summary']).where('id', '=', 'fault-routes-1').execute()).toEqual([{ id: 'fault-routes-1', kiosk_id: TEST_KIOSK.id, summary: 'paper jam' }]);
    expect(await send('POST', '/v1/faults', { tickets: [{ id: 'x' }] })).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
  });

  it("answers the acceptance signer and the village list with the outcome's status, and refuses their bad input", async () => {
    expect(await send('POST', '/v1/acceptance-signers', { username: '', password: 'x' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'username' } });
    const signer = await send('POST', '/v1/acceptance-signers', { username: 'nobody-here', password: 'wrong-password' });
    expect([signer.status, signer.body]).toEqual([expect.any(Number), { error: expect.any(String) }]);
    expect(signer.status).toBeGreaterThanOrEqual(400);
    expect(await send('GET', '/v1/village-list')).toMatchObject({ status: 400, body: { error: 'invalid_query', field: 'staffId' } });
    const list = await send('GET', '/v1/village-list?staffId=nobody');
    expect([list.status, Object.keys(list.body!)]).toEqual([expect.any(Number), ['error']]);
    expect(list.status).toBeGreaterThanOrEqual(400);
  });
});
