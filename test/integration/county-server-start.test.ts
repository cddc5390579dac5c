import fs from 'node:fs';
import path from 'node:path';
import { registerKiosk } from '../../src/county/county-state';
import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { startCountyServer, type CountyServer, type CountyServerOptions } from '../../src/county/server';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { maskIdNumber } from '../../src/shared/domain/mask';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { freshCountyDatabase } from '../support/county-database';
import { TEST_KIOSK, countyAttachment, startUnseededCounty, type TestCounty } from '../support/county-fixtures';
import { sha256 } from '../support/county-items';
import { tempDataDir } from '../support/store-fixtures';

/**
 * What startCountyServer puts together (server.ts): which route groups it serves with and without an admin token,
 * the gateway's own answers (not found, a body too large, a framework refusal, raw bodies of both types), its clock,
 * whether the back office has a clerk desk, when the hand-over timer runs, the signing key and the attachments'
 * place in the data dir. county-server-close.test.ts holds the close with a request in flight.
 */
const AUTH = { authorization: 'Bearer admin-test-token' };

describe('the county gateway as started', () => {
  const started: CountyServer[] = [];
  async function start(options: Parameters<typeof startUnseededCounty>[0] = {}): Promise<TestCounty> {
    const county = await startUnseededCounty(options);
    started.push(county);
    return county;
  }
  afterAll(async () => {
    for (const county of started) await county.close();
  });
  const send = async (county: CountyServer, method: string, url: string, body?: string | Buffer, headers: Record<string, string> = {}) => {
    const res = await fetch(`${county.url}${url}`, { method, headers, ...(body === undefined ? {} : { body: body as string }) });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };

  let county: TestCounty;
  beforeAll(async () => {
    county = await start({ adminToken: 'admin-test-token' });
  });

  it('serves the kiosk, public, console, admin and report groups with an admin token; without one no admin route at all', async () => {
    const groups = (c: CountyServer) => new Set([...c.routes.values()]);
    expect(groups(county)).toEqual(new Set(['kiosk', 'public', 'console', 'admin']));
    expect(county.routes.get('POST /v1/sync/batches')).toBe('kiosk');
    expect(county.routes.get('PUT /admin/v1/config/:part')).toBe('admin');
    expect(county.routes.get('GET /admin/v1/reports/:month')).toBe('admin');
    expect(county.routes.get('POST /console/api/login')).toBe('console');
    const plain = await start({ adminToken: undefined });
    expect(groups(plain)).toEqual(new Set(['kiosk', 'public', 'console']));
    expect(await send(plain, 'GET', '/admin/v1/stats', undefined, AUTH)).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(await send(plain, 'GET', '/admin/v1/reports/2026-10', undefined, AUTH)).toEqual({ status: 404, body: { error: 'not_found' } });
    expect((await send(county, 'GET', '/admin/v1/stats', undefined, AUTH)).status).toBe(200);
  });

  it('has made its config signing key in the data dir by the time it answers', () => {
    expect(fs.readFileSync(path.join(county.dataDir, 'config-signing.pub.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('answers not_found, body_too_large, a refused content type by its code, and takes JSON and octet-stream bodies as they are', async () => {
    // Started inside the test: what the gateway sets up when it starts is then under a mutation run's mutant too.
    const fresh = await start();
    expect(await send(fresh, 'GET', '/no/such/route')).toEqual({ status: 404, body: { error: 'not_found' } });
    const site = JSON.stringify({ onDuty: '李秀英', consultationPhone: '0351-12333' });
    expect(await send(fresh, 'PUT', '/admin/v1/config/site', Buffer.alloc(16 * 1024 * 1024 + 1, 0x20), { ...AUTH, 'content-type': 'application/json' })).toEqual({ status: 413, body: { error: 'body_too_large' } });
    // Only JSON and octet-stream bodies: XML, text/plain (fastify's own parser left out) or no type at all are refused, nothing published.
    for (const type of ['application/xml', 'text/plain', 'text/plain; charset=utf-8']) {
      expect([type, await send(fresh, 'PUT', '/admin/v1/config/site', site, { ...AUTH, 'content-type': type })]).toEqual([type, { status: 415, body: { error: 'unsupported_media_type' } }]);
    }
    expect(await send(fresh, 'PUT', '/admin/v1/config/site', Buffer.from(site), AUTH)).toEqual({ status: 415, body: { error: 'unsupported_media_type' } });
    expect(await fresh.query.selectFrom('config_parts').select('part').execute()).toEqual([]);
    expect(await send(fresh, 'PUT', '/admin/v1/config/site', site, { ...AUTH, 'content-type': 'application/json' })).toMatchObject({ status: 200 });
    expect(await send(fresh, 'PUT', '/admin/v1/config/site', site, { ...AUTH, 'content-type': 'application/octet-stream' })).toMatchObject({ status: 200 });
    // A JSON body with a trailing space is not parsed by fastify (the route reads its own bytes).
    expect(await send(fresh, 'PUT', '/admin/v1/config/site', `${site} `, { ...AUTH, 'content-type': 'application/json' })).toMatchObject({ status: 200 });
    // Over fastify's own 1 MiB default and within the gateway's 16 MiB: taken.
    expect(await send(fresh, 'PUT', '/admin/v1/config/site', `${site}${' '.repeat(2 * 1024 * 1024)}`, { ...AUTH, 'content-type': 'application/json' })).toMatchObject({ status: 200 });
  });

  it('answers a path the router cannot take (bad percent-encoding, a parameter over 100 characters) in the county shape', async () => {
    // Started inside the test: what the gateway sets up when it starts is then under a mutation run's mutant too.
    const fresh = await start();
    expect(await send(fresh, 'GET', '/v1/%zz')).toEqual({ status: 400, body: { error: 'invalid_path' } });
    expect(await send(fresh, 'PUT', '/admin/v1/faults/%E4%zz', '{"state":"closed"}', { ...AUTH, 'content-type': 'application/json' })).toEqual({ status: 400, body: { error: 'invalid_path' } });
    expect(await send(fresh, 'PUT', `/admin/v1/faults/${'f'.repeat(101)}`, '{"state":"closed"}', { ...AUTH, 'content-type': 'application/json' })).toEqual({ status: 414, body: { error: 'invalid_path' } });
    // 100 characters still reach the route (which answers for itself).
    expect(await send(fresh, 'PUT', `/admin/v1/faults/${'f'.repeat(100)}`, '{"state":"closed"}', { ...AUTH, 'content-type': 'application/json' })).toEqual({ status: 400, body: { error: 'invalid_path', field: 'id' } });
  });

  it('answers an error a route did not answer itself by its 4xx status and code, and any other as 500 internal, logged with the ID number masked', async () => {
    let thrown: unknown;
    const chunks: string[] = [];
    const failing = await start({
      backOffice: { name: 'failing desk', receive: () => Promise.resolve(), advance: () => Promise.resolve(), desk: () => Promise.reject(thrown), deskItem: () => Promise.resolve(null), act: () => Promise.reject(thrown) },
      log: { destination: { write: (line: string) => void chunks.push(line) } },
    });
    const answer = async (error: unknown) => {
      thrown = error;
      return send(failing, 'GET', '/admin/v1/back-office/desk', undefined, AUTH);
    };
    const error = (fields: { statusCode?: number; code?: string }) => Object.assign(new Error(`desk down for ${SAMPLE_RESIDENTS[0]!.idNumber}`), fields);
    expect(await answer(error({}))).toEqual({ status: 500, body: { error: 'internal' } });
    expect(await answer(error({ statusCode: 400, code: 'FST_SOMETHING_ODD' }))).toEqual({ status: 400, body: { error: 'fst_something_odd' } });
    expect(await answer(error({ statusCode: 499 }))).toEqual({ status: 499, body: { error: 'bad_request' } });
    expect(await answer(error({ statusCode: 409, code: 'Taken' }))).toEqual({ status: 409, body: { error: 'taken' } });
    expect(await answer(error({ statusCode: 413 }))).toEqual({ status: 413, body: { error: 'body_too_large' } });
    expect(await answer(error({ statusCode: 415 }))).toEqual({ status: 415, body: { error: 'unsupported_media_type' } });
    for (const statusCode of [399, 500, 503]) expect([statusCode, await answer(error({ statusCode, code: 'SOME_CODE' }))]).toEqual([statusCode, { status: 500, body: { error: 'internal' } }]);
    expect(await answer('not even an Error')).toEqual({ status: 500, body: { error: 'internal' } });
    // Each 500 is logged (fastify, at error level) with the message masked; never the number itself.
    const logged = chunks.join('');
    expect(logged).not.toContain(SAMPLE_RESIDENTS[0]!.idNumber);
    const failures = logged.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { level: number; msg: string; err: { message: string } | string });
    expect(failures.map((f) => [f.level, f.msg, typeof f.err === 'string' ? f.err : f.err.message])).toEqual([
      ...[{}, { statusCode: 399 }, { statusCode: 500 }, { statusCode: 503 }].map(() => [50, 'request failed', `desk down for ${maskIdNumber(SAMPLE_RESIDENTS[0]!.idNumber)}`]),
      [50, 'request failed', 'not even an Error'],
    ]);
  });

  it('prints the given public address on a certificate, and the one it listens on without one', async () => {
    const certificateUrl = async (c: TestCounty) => {
      const resident = SAMPLE_RESIDENTS[0]!;
      await c.query.insertInto('residents').values({ id_number: resident.idNumber, body: JSON.stringify({ idNumber: resident.idNumber, name: resident.name, sex: resident.sex, birthDate: resident.birthDate }) }).execute();
      const client = new HttpCountyClient({ baseUrl: c.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
      try {
        await client.noticeResident({ sessionId: '0196f000-0000-7000-8000-000000000301', idNumber: resident.idNumber, source: 'idCard', identifiedAt: new Date().toISOString() });
        const answer = await client.query('INS-09', { idNumber: resident.idNumber, params: {} });
        const { url, code } = answer.document!.verification!;
        return url.replace(code, 'CODE');
      } finally {
        client.close();
      }
    };
    expect(await certificateUrl(county)).toBe(`${county.url}/verify/CODE`);
    expect(county.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const published = await start({ publicUrl: 'https://county.example.gov.cn' });
    expect(await certificateUrl(published)).toBe('https://county.example.gov.cn/verify/CODE');
  });

  it('listens on 127.0.0.1 only by default, on a free port or the one given', async () => {
    expect(county.app.addresses()).toEqual([expect.objectContaining({ address: '127.0.0.1', port: Number(new URL(county.url).port) })]);
    const first = await startUnseededCounty();
    const port = Number(new URL(first.url).port);
    await first.close();
    const again = await start({ port });
    expect(again.url).toBe(`http://127.0.0.1:${port}`);
    expect(again.app.addresses()).toEqual([expect.objectContaining({ address: '127.0.0.1', port })]);
  });

  it("judges by its own clock without a `now`, and by the given one with it", async () => {
    await registerKiosk(county.query, TEST_KIOSK.id, TEST_KIOSK.secret);
    const thisMonth = new Date().toISOString().slice(0, 7);
    const month = await send(county, 'GET', `/admin/v1/reports/${thisMonth}`, undefined, AUTH);
    expect(month).toMatchObject({ status: 200, body: { points: [{ kioskId: TEST_KIOSK.id, state: 'due' }] } });
    const future = await start({ adminToken: 'admin-test-token', now: () => new Date('2099-01-01T00:00:00.000Z') });
    await registerKiosk(future.query, TEST_KIOSK.id, TEST_KIOSK.secret);
    expect(await send(future, 'GET', `/admin/v1/reports/${thisMonth}`, undefined, AUTH)).toMatchObject({ status: 200, body: { points: [{ kioskId: TEST_KIOSK.id, state: 'late' }] } });
  });

  it('gives the clerk desk only for a back office that has all of it (the reference one by default)', async () => {
    expect((await send(county, 'GET', '/admin/v1/back-office/desk', undefined, AUTH)).status).toBe(200);
    const partial = async (without: 'desk' | 'deskItem' | 'act') => {
      const dataDir = tempDataDir('county-start-');
      const database = await freshCountyDatabase();
      // Never called here: only which parts it has matters.
      const reference = new ReferenceBackOffice(county.query);
      const parts = { name: 'partial', receive: reference.receive.bind(reference), advance: reference.advance.bind(reference), desk: reference.desk.bind(reference), deskItem: reference.deskItem.bind(reference), act: reference.act.bind(reference) };
      delete (parts as Partial<typeof parts>)[without];
      const other = await startCountyServer({ dataDir, ...(database ? { database } : {}), adminToken: 'admin-test-token', backOfficeIntervalMs: 0, backOffice: parts });
      started.push(other);
      return send(other, 'GET', '/admin/v1/back-office/desk', undefined, AUTH);
    };
    for (const without of ['desk', 'deskItem', 'act'] as const) expect([without, await partial(without)]).toEqual([without, { status: 404, body: { error: 'no_clerk_desk' } }]);
  });

  it('runs the hand-over timer every 5 s by default, at the interval given, and not at all with 0', async () => {
    const spy = jest.spyOn(global, 'setInterval');
    try {
      const delays = async (options: Partial<CountyServerOptions>) => {
        spy.mockClear();
        const dataDir = tempDataDir('county-start-');
        const database = await freshCountyDatabase();
        const c = await startCountyServer({ dataDir, ...(database ? { database } : {}), console: { staticDir: '/nonexistent', faultClimbIntervalMs: 0 }, ...options });
        started.push(c);
        return spy.mock.calls.map((call) => call[1]);
      };
      expect(await delays({})).toEqual([5000]);
      expect(await delays({ backOfficeIntervalMs: 250 })).toEqual([250]);
      expect(await delays({ backOfficeIntervalMs: 0 })).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it("keeps a kiosk's attachments under the data dir's attachments/", async () => {
    // Started inside the test: what the gateway sets up when it starts is then under a mutation run's mutant too.
    const fresh = await start();
    const client = new HttpCountyClient({ baseUrl: fresh.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
    try {
      const bytes = Buffer.from('a page of a certificate');
      expect(await client.uploadChunk(sha256(bytes), 0, bytes.length, bytes)).toMatchObject({ complete: true });
      expect(countyAttachment(fresh, sha256(bytes)).equals(bytes)).toBe(true);
    } finally {
      client.close();
    }
  });
});
