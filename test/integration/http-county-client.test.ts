import { createHash, createHmac } from 'node:crypto';
import { configPublicKeyPem, signConfigResponse } from '../../src/county/config-signing';
import { DEMO_KIOSK_ID } from '../../src/county/demo-seed';
import { CountyError } from '../../src/main/sync/county-client';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import type { ConfigResponse } from '../../src/shared/sync/protocol';
import { failureOf, json, startAnsweringServer, type AnsweringServer } from '../support/answering-server';
import { TEST_KIOSK } from '../support/county-fixtures';
import { signedReportItem } from '../support/report-fixtures';
import { tempDataDir } from '../support/store-fixtures';

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const DAY = 24 * 60 * 60_000;
const SHA = 'a'.repeat(64);
const OUTCOME_ID = '0b7f9a8e-6a47-4c8e-9a51-2f1f3c7d9e10';

/** A CountyError with exactly these fields. */
function countyError(transient: boolean, reason: string, status: number | null = null, details: object = {}) {
  return expect.objectContaining({ name: 'CountyError', transient, reason, status, details });
}

const reportItem = () => signedReportItem(DEMO_KIOSK_ID, '2026-11', 1, '2026-11-30T08:00:00.000Z', { 'JOB-05': 2 });

describe('HttpCountyClient: what reaches the county and how its answers are checked', () => {
  let server: AnsweringServer;
  const clients: HttpCountyClient[] = [];
  const client = (options: Partial<ConstructorParameters<typeof HttpCountyClient>[0]> = {}) => {
    const made = new HttpCountyClient({ baseUrl: server.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, now: () => T0, timeoutMs: 2_000, ...options });
    clients.push(made);
    return made;
  };
  beforeEach(async () => {
    server = await startAnsweringServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('a batch goes as signed JSON with the kiosk id; every item answered once is the answer', async () => {
    const items = [reportItem(), reportItem()];
    server.answer(json(200, { results: [{ id: items[1]!.id, status: 'duplicate' }, { id: items[0]!.id, status: 'accepted' }] }));
    const answer = await client().sendBatch(items);
    expect(answer.results.map((r) => r.status)).toEqual(['duplicate', 'accepted']);
    const [heard] = server.heard;
    expect(heard).toMatchObject({ method: 'POST', url: '/v1/sync/batches' });
    expect(heard!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(heard!.body.toString('utf8'))).toEqual({ kioskId: TEST_KIOSK.id, items: JSON.parse(JSON.stringify(items)) });
    // Signed over exactly the bytes that went, on the client's clock.
    const bodySha256 = createHash('sha256').update(heard!.body).digest('hex');
    const canonical = `POST\n/v1/sync/batches\n${T0}\n${heard!.headers['x-kiosk-nonce']}\n${bodySha256}`;
    expect(heard!.headers).toMatchObject({ 'x-kiosk-id': TEST_KIOSK.id, 'x-kiosk-timestamp': String(T0), 'x-kiosk-signature': createHmac('sha256', TEST_KIOSK.secret).update(canonical).digest('base64') });
  });

  it.each([
    ['one item unanswered', (ids: string[]) => [ids[0]]],
    ['one item answered twice, the other not', (ids: string[]) => [ids[0], ids[0]]],
    ['an item that was not sent', (ids: string[]) => [ids[0], 'not-sent']],
    ['one more answer than items', (ids: string[]) => [ids[0], ids[1], ids[1]]],
  ])('a batch answer with %s counts for nothing (incomplete_answer, retried)', async (_name, answered) => {
    const items = [reportItem(), reportItem()];
    server.answer(json(200, { results: answered(items.map((i) => i.id)).map((id) => ({ id, status: 'accepted' })) }));
    expect(await failureOf(client().sendBatch(items))).toEqual(countyError(true, 'incomplete_answer'));
  });

  it('a base URL with a path and trailing slashes: each request goes under the path, signed over the path sent', async () => {
    await client({ baseUrl: `${server.url}/county//` }).heartbeat({ kioskId: TEST_KIOSK.id, at: '2026-12-01T09:30:00.000Z', appVersion: 't', configVersion: 0, queueDepth: 0, rejected: 0, oldestPendingAt: null, devices: [] });
    expect(server.heard[0]).toMatchObject({ method: 'POST', url: '/county/v1/heartbeat' });
  });

  it('close() lets go of the kept-alive connections', async () => {
    const c = client();
    await c.pullConfig(0).catch(() => undefined);
    c.close();
    await server.connectionsClosed();
  }, 5_000);

  it('a heartbeat and fault tickets go as JSON bodies', async () => {
    const heartbeat = { kioskId: TEST_KIOSK.id, at: '2026-12-01T09:30:00.000Z', appVersion: '1.2.3', configVersion: 4, queueDepth: 2, rejected: 0, oldestPendingAt: null, devices: [{ id: 'p', kind: 'printer', state: 'ready' }] };
    const c = client();
    await c.heartbeat(heartbeat);
    const tickets = [{ id: 't-1', openedAt: '2026-12-01T09:00:00.000Z', deviceId: null, summary: 'paper jam' }];
    await c.reportFaults(tickets);
    expect(server.heard.map((h) => [h.method, h.url, h.headers['content-type'], JSON.parse(h.body.toString('utf8'))])).toEqual([
      ['POST', '/v1/heartbeat', 'application/json', heartbeat],
      ['POST', '/v1/faults', 'application/json', { tickets }],
    ]);
  });

  it("an attachment's status comes from the county's headers on a HEAD", async () => {
    server.answer(json(200, {}, { 'x-attachment-received': '123456', 'x-attachment-complete': 'true' }));
    expect(await client().attachmentStatus(SHA)).toEqual({ sha256: SHA, received: 123456, complete: true });
    expect(server.heard[0]).toMatchObject({ method: 'HEAD', url: `/v1/attachments/${SHA}` });
    server.answer(json(200, {}, { 'x-attachment-received': '0', 'x-attachment-complete': 'false' }));
    expect(await client().attachmentStatus(SHA)).toEqual({ sha256: SHA, received: 0, complete: false });
  });

  it('without the headers nothing was received and the file is not complete', async () => {
    expect(await client().attachmentStatus(SHA)).toEqual({ sha256: SHA, received: 0, complete: false });
  });

  it.each([
    ['a count with letters', { 'x-attachment-received': '12a' }],
    ['a count with a sign', { 'x-attachment-received': '-1' }],
    ['a count with a leading space kept', { 'x-attachment-received': '1 2' }],
    ['a count of 16 digits', { 'x-attachment-received': '1234567890123456' }],
    ['a count in exponent form', { 'x-attachment-received': '1e3' }],
    ['complete neither true nor false', { 'x-attachment-complete': 'yes' }],
    ['complete in capitals', { 'x-attachment-complete': 'TRUE' }],
  ])('an attachment status with %s is a bad answer', async (_name, headers) => {
    server.answer(json(200, {}, headers));
    expect(await failureOf(client().attachmentStatus(SHA))).toEqual(countyError(true, 'bad_answer:header'));
  });

  it('the largest count of 15 digits is believed', async () => {
    server.answer(json(200, {}, { 'x-attachment-received': '999999999999999' }));
    expect((await client().attachmentStatus(SHA)).received).toBe(999999999999999);
  });

  it('a chunk goes as its bytes with its range, and the answer is checked', async () => {
    server.answer(json(200, { sha256: SHA, received: 150, complete: false }));
    const chunk = Buffer.from('x'.repeat(50));
    expect(await client().uploadChunk(SHA, 100, 500, chunk)).toEqual({ sha256: SHA, received: 150, complete: false });
    const [heard] = server.heard;
    expect(heard).toMatchObject({ method: 'PUT', url: `/v1/attachments/${SHA}` });
    expect(heard!.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'content-range': 'bytes 100-149/500', 'content-length': '50' });
    expect(heard!.body.equals(chunk)).toBe(true);
  });

  it.each([
    ['not JSON', (_h: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200).end('<html>captive portal</html>'), 'bad_answer:json'],
    ['cut JSON', (_h: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200).end('{"sha256":"'), 'bad_answer:json'],
    ['JSON of another shape', json(200, { sha256: SHA, received: -1, complete: false }), 'bad_answer:schema'],
    ['JSON null', json(200, null), 'bad_answer:schema'],
  ])('a chunk answer that is %s is a typed, retried error', async (_name, answer, reason) => {
    server.answer(answer);
    expect(await failureOf(client().uploadChunk(SHA, 0, 10, Buffer.alloc(10)))).toEqual(countyError(true, reason));
  });

  it('config newer than a version, or null when the county says nothing changed (304)', async () => {
    const config: ConfigResponse = { version: 3, staff: { version: 3, body: [] }, tickets: [] };
    server.answer(json(200, config));
    expect(await client().pullConfig(2)).toEqual(config);
    server.answer((_h, res) => res.writeHead(304).end());
    expect(await client().pullConfig(3)).toBeNull();
    expect(server.heard.map((h) => [h.method, h.url])).toEqual([
      ['GET', '/v1/config?since=2'],
      ['GET', '/v1/config?since=3'],
    ]);
  });

  describe('with the county config key', () => {
    const keyDir = tempDataDir('county-config-key-');
    const otherKeyDir = tempDataDir('other-config-key-');
    const announcement = { id: 'a-1', text: { 'zh-CN': '通知', en: 'Notice' } };
    const unsigned = (): ConfigResponse => ({ version: 7, staff: { version: 7, body: [] }, site: { version: 5, body: {} }, catalog: { version: 6, body: { items: [] } }, tickets: [] });

    it('every signed part passes; the answer is then checked against its schema', async () => {
      const signed = signConfigResponse(unsigned(), keyDir);
      server.answer(json(200, signed));
      expect(await client({ configPublicKey: configPublicKeyPem(keyDir) }).pullConfig(0)).toEqual(signed);
    });

    it.each(['catalog', 'staff', 'site'] as const)('a %s part unsigned, signed by another key, or changed after signing fails the whole answer', async (part) => {
      const c = client({ configPublicKey: configPublicKeyPem(keyDir) });
      const good = signConfigResponse(unsigned(), keyDir) as unknown as Record<string, { version: number; body: unknown; signature?: string }>;
      const other = signConfigResponse(unsigned(), otherKeyDir) as unknown as Record<string, { version: number; body: unknown; signature?: string }>;
      const bad = [
        { ...good, [part]: { ...good[part]!, signature: undefined } },
        { ...good, [part]: other[part] },
        { ...good, [part]: { ...good[part]!, version: good[part]!.version + 1 } },
        { ...good, [part]: { ...good[part]!, body: part === 'catalog' ? { items: [1] } : part === 'staff' ? [{}] : { x: 1 } } },
        { ...good, [part]: { ...good[part]!, version: String(good[part]!.version) } },
        { ...good, [part]: { ...good[part]!, signature: 5 } },
        { ...good, [part]: 'not an object' },
        { ...good, [part]: null },
      ];
      for (const answer of bad) {
        server.answer(json(200, answer));
        expect(await failureOf(c.pullConfig(0))).toEqual(countyError(true, `bad_config_signature:${part}`));
      }
    });

    it('announcements are checked too', async () => {
      const config = { version: 2, announcements: { version: 2, body: [] }, tickets: [] } as ConfigResponse;
      const signed = signConfigResponse(config, keyDir) as unknown as Record<string, Record<string, unknown>>;
      server.answer(json(200, { ...signed, announcements: { ...signed.announcements, body: [announcement] } }));
      expect(await failureOf(client({ configPublicKey: configPublicKeyPem(keyDir) }).pullConfig(0))).toEqual(countyError(true, 'bad_config_signature:announcements'));
    });

    it('an answer that is no object at all is a schema failure, not a crash', async () => {
      for (const body of [null, 'config', 7]) {
        server.answer(json(200, body));
        expect(await failureOf(client({ configPublicKey: configPublicKeyPem(keyDir) }).pullConfig(0))).toEqual(countyError(true, 'bad_answer:schema'));
      }
    });

    it('without the key, unsigned parts are taken as they come', async () => {
      server.answer(json(200, unsigned()));
      expect(await client().pullConfig(0)).toEqual(unsigned());
    });
  });

  it("outcomes from the kiosk's cursor: each checked on its own, a bad one refused and counted", async () => {
    const outcome = { itemId: OUTCOME_ID, trackingNumber: 'T-1', seq: 4, state: 'done', at: '2026-12-01T09:00:00.000Z', steps: [] };
    server.answer(json(200, { cursor: 9, more: true, outcomes: [outcome, { itemId: 'not a uuid' }] }));
    expect(await client().pullOutcomes(5)).toEqual({ cursor: 9, more: true, outcomes: [outcome], refused: 1 });
    expect(server.heard[0]).toMatchObject({ method: 'GET', url: '/v1/outcomes?since=5' });
    // The same cursor again is no step back.
    server.answer(json(200, { cursor: 5, more: false, outcomes: [] }));
    expect(await client().pullOutcomes(5)).toEqual({ cursor: 5, more: false, outcomes: [], refused: 0 });
  });

  it('an outcomes page whose cursor goes backwards is refused; one of another shape is a bad answer', async () => {
    server.answer(json(200, { cursor: 4, more: false, outcomes: [] }));
    expect(await failureOf(client().pullOutcomes(5))).toEqual(countyError(true, 'bad_answer:cursor'));
    server.answer(json(200, { cursor: 6, outcomes: [] }));
    expect(await failureOf(client().pullOutcomes(5))).toEqual(countyError(true, 'bad_answer:schema'));
  });

  it('a query goes to its item, the code escaped, with the request as JSON; the answer is checked', async () => {
    const answer = { itemCode: 'Q 1/2', fetchedAt: '2026-12-01T09:30:00.000Z', rows: [{ month: '2026-11', amount: '100' }] };
    server.answer(json(200, answer));
    const request = { idNumber: '110101199003071234', params: { year: 2026 }, language: 'en' as const };
    expect(await client().query('Q 1/2', request)).toEqual(answer);
    expect(server.heard[0]).toMatchObject({ method: 'POST', url: '/v1/query/Q%201%2F2' });
    expect(JSON.parse(server.heard[0]!.body.toString('utf8'))).toEqual(request);
    server.answer(json(200, { ...answer, rows: 'none' }));
    expect(await failureOf(client().query('Q', { params: {} }))).toEqual(countyError(true, 'bad_answer:schema'));
  });

  it('a resident notice answers when it expires (the session id stays the kiosk\'s); ending one is a DELETE of that session', async () => {
    const notice = { sessionId: '5d1d6f1e-7a0c-4f64-8e3d-1a9b2c3d4e5f', idNumber: '110101199003071234', source: 'idCard' as const, identifiedAt: '2026-12-01T09:30:00.000Z' };
    server.answer(json(200, { sessionId: 'county-side', expiresAt: '2026-12-01T10:00:00.000Z' }));
    const c = client();
    expect(await c.noticeResident(notice)).toEqual({ expiresAt: '2026-12-01T10:00:00.000Z' });
    server.answer((_h, res) => res.writeHead(204).end());
    await c.endResidentSession('a b/c');
    expect(server.heard.map((h) => [h.method, h.url])).toEqual([
      ['POST', '/v1/residents/sessions'],
      ['DELETE', '/v1/residents/sessions/a%20b%2Fc'],
    ]);
    expect(JSON.parse(server.heard[0]!.body.toString('utf8'))).toEqual(notice);
  });

  it('an acceptance signer is confirmed with the typed credentials, and answers who signed', async () => {
    server.answer(json(200, { id: 'tw-1', name: '王芳', role: 'township' }));
    expect(await client().confirmSigner('wangfang', 'pass word')).toEqual({ id: 'tw-1', name: '王芳', role: 'township' });
    expect(server.heard[0]).toMatchObject({ method: 'POST', url: '/v1/acceptance-signers' });
    expect(JSON.parse(server.heard[0]!.body.toString('utf8'))).toEqual({ username: 'wangfang', password: 'pass word' });
  });

  it("the clerk's village list is asked for that clerk, and checked", async () => {
    const list = { divisionCode: '110101001001', entries: [{ kind: 'cardExpiring', name: '张三', idMasked: '1101**********1234', date: '2026-12-31' }] };
    server.answer(json(200, list));
    expect(await client().villageList('clerk li/1')).toEqual(list);
    expect(server.heard[0]).toMatchObject({ method: 'GET', url: '/v1/village-list?staffId=clerk%20li%2F1' });
    server.answer(json(200, { ...list, extra: 1 }));
    expect(await failureOf(client().villageList('clerk-li'))).toEqual(countyError(true, 'bad_answer:schema'));
  });

  describe("the county's refusals", () => {
    it('a refusal carries its reason, status and field; 4xx are not retried', async () => {
      server.answer(json(400, { error: 'invalid_body', field: 'items.0.payload' }));
      expect(await failureOf(client().sendBatch([reportItem()]))).toEqual(countyError(false, 'invalid_body', 400, { field: 'items.0.payload' }));
      server.answer(json(409, { error: 'conflict' }, { 'x-attachment-received': '300' }));
      expect(await failureOf(client().uploadChunk(SHA, 0, 10, Buffer.alloc(10)))).toEqual(countyError(false, 'conflict', 409, { received: 300 }));
      server.answer(json(409, { error: 'conflict' }, { 'x-attachment-received': '0' }));
      expect(await failureOf(client().uploadChunk(SHA, 0, 10, Buffer.alloc(10)))).toEqual(countyError(false, 'conflict', 409, { received: 0 }));
      server.answer(json(409, { error: 'conflict' }, { 'x-attachment-received': '3x' }));
      expect(await failureOf(client().uploadChunk(SHA, 0, 10, Buffer.alloc(10)))).toEqual(countyError(false, 'conflict', 409, {}));
      server.answer(json(409, { error: 'conflict' }, { 'x-attachment-received': '+30' }));
      expect(await failureOf(client().uploadChunk(SHA, 0, 10, Buffer.alloc(10)))).toEqual(countyError(false, 'conflict', 409, {}));
    });

    it.each([
      [500, true],
      [503, true],
      [408, true],
      [429, true],
      [400, false],
      [404, false],
      [409, false],
      [499, false],
    ])('status %i is transient: %s', async (status, transient) => {
      server.answer(json(status, { error: 'said_so' }));
      expect(await failureOf(client().heartbeat({ kioskId: 'k', at: '2026-12-01T09:30:00.000Z', appVersion: 't', configVersion: 0, queueDepth: 0, rejected: 0, oldestPendingAt: null, devices: [] }))).toEqual(countyError(transient, 'said_so', status));
    });

    it('a refusal without a readable error body is named by its status', async () => {
      server.answer((_h, res) => res.writeHead(502).end('<html>bad gateway</html>'));
      expect(await failureOf(client().pullConfig(0))).toEqual(countyError(true, 'http_502', 502));
      server.answer(json(403, { message: 'no error field' }));
      expect(await failureOf(client().pullConfig(0))).toEqual(countyError(false, 'http_403', 403));
      server.answer((_h, res) => res.writeHead(404, { 'x-attachment-received': '12' }).end());
      expect(await failureOf(client().attachmentStatus(SHA))).toEqual(countyError(false, 'http_404', 404, { received: 12 }));
    });

    it('an answer that never came whole is a transient error named by the transport', async () => {
      server.answer((_h, res) => {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"cursor":', () => res.socket?.destroy());
      });
      expect(await failureOf(client().pullOutcomes(0))).toEqual(countyError(true, 'aborted'));
    });

    it('a base URL that is no URL is a network failure, not a crash', async () => {
      expect(await failureOf(client({ baseUrl: 'not a url' }).pullConfig(0))).toEqual(countyError(true, 'network'));
    });
  });

  describe("a kiosk whose clock is off (401 stale_timestamp with the county's time)", () => {
    const staleOnce = (serverTime: number) => {
      let first = true;
      return (heard: { headers: Record<string, unknown> }, res: import('node:http').ServerResponse) => {
        if (first) {
          first = false;
          return void json(401, { error: 'stale_timestamp', serverTime })(heard as never, res);
        }
        json(200, { sha256: SHA, received: 10, complete: true })(heard as never, res);
      };
    };

    it("takes the county's time and sends the same request once more, signed on the corrected clock", async () => {
      server.answer(staleOnce(T0 + 7 * 60_000));
      const c = client();
      const body = Buffer.from('0123456789');
      expect(await c.uploadChunk(SHA, 0, 10, body)).toEqual({ sha256: SHA, received: 10, complete: true });
      expect(server.heard).toHaveLength(2);
      expect(server.heard.map((h) => h.headers['x-kiosk-timestamp'])).toEqual([String(T0), String(T0 + 7 * 60_000)]);
      expect(server.heard[1]).toMatchObject({ method: 'PUT', url: `/v1/attachments/${SHA}` });
      expect(server.heard[1]!.headers['content-range']).toBe('bytes 0-9/10');
      expect(server.heard[1]!.body.equals(body)).toBe(true);
      expect(c.clockOffsetMs()).toBe(7 * 60_000);
    });

    it('a correction of exactly a day is taken; more than a day is refused as clock_skew_too_large without a retry', async () => {
      server.answer(staleOnce(T0 - DAY));
      const c = client();
      await c.uploadChunk(SHA, 0, 10, Buffer.alloc(10));
      expect(c.clockOffsetMs()).toBe(-DAY);
      const far = client();
      server.answer(staleOnce(T0 + DAY + 1));
      const before = server.heard.length;
      expect(await failureOf(far.uploadChunk(SHA, 0, 10, Buffer.alloc(10)))).toEqual(countyError(false, 'clock_skew_too_large', 401));
      expect(server.heard.length - before).toBe(1);
      expect(far.clockOffsetMs()).toBe(0);
      server.answer(staleOnce(T0 - DAY - 1));
      expect(await failureOf(far.uploadChunk(SHA, 0, 10, Buffer.alloc(10)))).toEqual(countyError(false, 'clock_skew_too_large', 401));
    });

    it('corrects once per request: stale again after the correction is the refusal, with the county time', async () => {
      server.answer(json(401, { error: 'stale_timestamp', serverTime: T0 + 60_000 }));
      expect(await failureOf(client().pullConfig(0))).toEqual(countyError(false, 'stale_timestamp', 401, { serverTime: T0 + 60_000 }));
      expect(server.heard).toHaveLength(2);
    });

    it('without the county time, or with another 401 reason, nothing is corrected or repeated', async () => {
      server.answer(json(401, { error: 'stale_timestamp' }));
      const c = client();
      expect(await failureOf(c.pullConfig(0))).toEqual(countyError(false, 'stale_timestamp', 401));
      server.answer(json(401, { error: 'bad_signature', serverTime: T0 + 60_000 }));
      expect(await failureOf(c.pullConfig(0))).toEqual(countyError(false, 'bad_signature', 401, { serverTime: T0 + 60_000 }));
      server.answer(json(403, { error: 'stale_timestamp', serverTime: T0 + 60_000 }));
      expect(await failureOf(c.pullConfig(0))).toEqual(countyError(false, 'stale_timestamp', 403, { serverTime: T0 + 60_000 }));
      expect(server.heard).toHaveLength(3);
      expect(c.clockOffsetMs()).toBe(0);
    });

    it("without a clock given, the offset is measured on the kiosk's own clock", async () => {
      server.answer(staleOnce(Date.now() + 2 * DAY));
      const c = new HttpCountyClient({ baseUrl: server.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
      clients.push(c);
      expect(await failureOf(c.uploadChunk(SHA, 0, 10, Buffer.alloc(10)))).toEqual(countyError(false, 'clock_skew_too_large', 401));
    });
  });

  it('a garbage county answer of any kind is a typed error, never a crash', async () => {
    const c = client();
    const answers = ['', '\u0000\u0001garbage', '[1,2', '"just a string"', '{"results":"many"}'];
    for (const body of answers) {
      server.answer((_h, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
      const failure = await failureOf(c.sendBatch([reportItem()]));
      expect(failure).toBeInstanceOf(CountyError);
      expect((failure as CountyError).reason).toMatch(/^bad_answer:(json|schema)$/);
    }
  });
});
