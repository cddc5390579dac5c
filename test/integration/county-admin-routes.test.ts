import { sql } from 'kysely';
import { hasAdminToken } from '../../src/county/admin-routes';
import { intakeBatch } from '../../src/county/county-state';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { TEST_KIOSK, startUnseededCounty, type TestCounty } from '../support/county-fixtures';
import { batchItem } from '../support/county-items';

/**
 * The county's admin routes under /admin/v1 (admin-routes.ts) answer by answer: who may call them (the token on every
 * admin route the gateway has, the reports' and the back office's too), each route's refusals with status and field,
 * and what each one stores: a config part under the next version, a ticket's state and note, a village list
 * replaced whole, the delivery counts.
 */
const TOKEN = Buffer.from('admin-test-token');
const AUTH = { authorization: 'Bearer admin-test-token' };
const [wang, li] = [SAMPLE_RESIDENTS[0]!, SAMPLE_RESIDENTS[1]!];

describe('the county admin routes', () => {
  let county: TestCounty;

  async function admin(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) {
    const raw = typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body);
    const res = await fetch(`${county.url}/admin/v1${path}`, { method, headers: { ...(raw === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(raw === undefined ? {} : { body: raw }) });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) };
  }
  const configRow = (part: string) => county.query.selectFrom('config_parts').selectAll().where('part', '=', part).executeTakeFirst();

  beforeAll(async () => {
    county = await startUnseededCounty();
  });
  afterAll(() => county.close());

  it('takes exactly "Bearer " and the admin token, and nothing longer, shorter, around it or without the scheme', () => {
    expect(hasAdminToken('Bearer admin-test-token', TOKEN)).toBe(true);
    for (const wrong of [undefined, '', 'admin-test-token', 'Bearer ', 'Bearer admin-test-toke', 'Bearer admin-test-tokenn', 'Bearer admin-test-tokeN', 'bearer admin-test-token', 'Bearer  admin-test-token', 'aBearer dmin-test-token', 'Basic admin-test-token', 'Beareradmin-test-token']) {
      expect([wrong, hasAdminToken(wrong, TOKEN)]).toEqual([wrong, false]);
    }
  });

  it('answers 401 admin_token on every admin route of the gateway without the token or with another one', async () => {
    const adminRoutes = [...county.routes].filter(([, auth]) => auth === 'admin').map(([route]) => route);
    // Its own routes, the reports' and the back office's: all in the admin group.
    expect(adminRoutes).toEqual(expect.arrayContaining(['PUT /admin/v1/config/:part', 'PUT /admin/v1/faults/:id', 'PUT /admin/v1/village-list/:divisionCode', 'GET /admin/v1/stats', 'GET /admin/v1/back-office/desk', 'POST /admin/v1/cards/block-state']));
    for (const route of adminRoutes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace('/admin/v1', '').replace(/:[a-zA-Z]+/g, (p) => (p === ':month' ? '2026-10' : p === ':applicationId' ? '0196f000-0000-7000-8000-000000000001' : 'x'));
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer admin-test-tokeX' }, { authorization: 'Bearer short' }, { authorization: 'admin-test-token' }]) {
        const answer = await admin(method, url, method === 'GET' || method === 'HEAD' ? undefined : {}, headers);
        expect([route, answer.status, method === 'HEAD' ? null : answer.body]).toEqual([route, 401, method === 'HEAD' ? null : { error: 'admin_token' }]);
      }
    }
  });

  it('publishes a config part under the next version, and refuses an unknown part, a body that is not JSON or not the part', async () => {
    expect(await admin('PUT', '/config/prices', { x: 1 })).toEqual({ status: 400, body: { error: 'invalid_path', field: 'part' } });
    expect(await admin('PUT', '/config/site', '{"onDuty": ')).toEqual({ status: 400, body: { error: 'invalid_json' } });
    expect(await admin('PUT', '/config/site', { onDuty: 7 })).toEqual({ status: 400, body: { error: 'invalid_body', field: 'onDuty' } });
    expect(await configRow('site')).toBeUndefined();
    const first = await admin('PUT', '/config/site', { onDuty: '李秀英', consultationPhone: '0351-12333' });
    expect(first).toEqual({ status: 200, body: { version: expect.any(Number) } });
    const site = { onDuty: '赵志强', consultationPhone: '0351-12333' };
    const next = (first.body!.version as number) + 1;
    expect(await admin('PUT', '/config/site', site)).toEqual({ status: 200, body: { version: next } });
    expect(await configRow('site')).toEqual({ part: 'site', version: next, body: JSON.stringify(site) });
  });

  it('answers 500 internal, not a refusal of the body, when the store fails under a good body', async () => {
    await sql`ALTER TABLE config_parts RENAME TO config_parts_away`.execute(county.query);
    try {
      expect(await admin('PUT', '/config/site', { onDuty: '李秀英', consultationPhone: '0351-12333' })).toEqual({ status: 500, body: { error: 'internal' } });
    } finally {
      await sql`ALTER TABLE config_parts_away RENAME TO config_parts`.execute(county.query);
    }
  });

  it("answers a fault ticket (acknowledged or closed, with or without a note) under a new config version; 404 for a ticket it does not hold", async () => {
    await county.query.insertInto('faults').values({ id: 'fault-1', kiosk_id: TEST_KIOSK.id, opened_at: '2026-11-30T08:00:00.000Z', device_id: 'printer', summary: 'paper jam', state: 'open', note: null, version: 1 }).execute();
    const ticket = () => county.query.selectFrom('faults').select(['state', 'note', 'version']).where('id', '=', 'fault-1').executeTakeFirstOrThrow();
    expect(await admin('PUT', `/faults/${'f'.repeat(65)}`, { state: 'closed' })).toEqual({ status: 400, body: { error: 'invalid_path', field: 'id' } });
    expect(await admin('PUT', '/faults/fault-1', { state: 'open' })).toEqual({ status: 400, body: { error: 'invalid_body', field: 'state' } });
    expect(await admin('PUT', '/faults/fault-1', { state: 'closed', note: 'n'.repeat(501) })).toEqual({ status: 400, body: { error: 'invalid_body', field: 'note' } });
    expect(await admin('PUT', '/faults/no-such-ticket', { state: 'closed' })).toEqual({ status: 404, body: { error: 'unknown_ticket' } });
    expect(await ticket()).toEqual({ state: 'open', note: null, version: 1 });

    expect(await admin('PUT', '/faults/fault-1', { state: 'acknowledged', note: '明天上门' })).toEqual({ status: 200, body: { ok: true } });
    const acknowledged = await ticket();
    expect([acknowledged.state, acknowledged.note]).toEqual(['acknowledged', '明天上门']);
    expect(acknowledged.version).toBeGreaterThan(1);
    expect(await admin('PUT', '/faults/fault-1', { state: 'closed' })).toEqual({ status: 200, body: { ok: true } });
    const closed = await ticket();
    expect([closed.state, closed.note]).toEqual(['closed', null]);
    expect(closed.version).toBe(acknowledged.version + 1);
  });

  it("replaces a point's village list whole and says how many entries it keeps; refuses a division code that is not 12 digits", async () => {
    const code = '140105001201';
    const entries = [
      { kind: 'certificationDue', idNumber: li.idNumber, name: li.name, date: '2026-12-31' },
      { kind: 'contributionUnpaid', idNumber: wang.idNumber, name: wang.name, date: '2026-12-31' },
    ];
    for (const bad of ['14010500120', '1401050012011', 'a14010500120', '14010500120a', `x${code}`, `${code}x`]) {
      expect([bad, await admin('PUT', `/village-list/${bad}`, { entries })]).toEqual([bad, { status: 400, body: { error: 'invalid_path', field: 'divisionCode' } }]);
    }
    expect(await admin('PUT', `/village-list/${code}`, { entries: [{ ...entries[0], kind: 'birthday' }] })).toEqual({ status: 400, body: { error: 'invalid_body', field: 'entries.0.kind' } });
    expect(await admin('PUT', `/village-list/${code}`, { entries, more: 1 })).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
    const list = () => county.query.selectFrom('village_duties').select(['kind', 'id_number', 'name', 'date']).where('division_code', '=', code).orderBy('kind').execute();
    expect(await list()).toEqual([]);
    expect(await admin('PUT', `/village-list/${code}`, { entries })).toEqual({ status: 200, body: { stored: 2 } });
    expect(await list()).toEqual([
      { kind: 'certificationDue', id_number: li.idNumber, name: li.name, date: '2026-12-31' },
      { kind: 'contributionUnpaid', id_number: wang.idNumber, name: wang.name, date: '2026-12-31' },
    ]);
    expect(await admin('PUT', `/village-list/${code}`, { entries: entries.slice(1) })).toEqual({ status: 200, body: { stored: 1 } });
    expect((await list()).map((r) => r.kind)).toEqual(['contributionUnpaid']);
  });

  it('counts what the county received: items, deliveries and the duplicates refused', async () => {
    const zero = await admin('GET', '/stats');
    expect(zero).toEqual({ status: 200, body: { items: 0, distinctIds: 0, deliveries: 0, duplicatesRefused: 0, attachmentsComplete: 0 } });
    const item = batchItem(wang, 'JOB-01');
    await intakeBatch(county.query, TEST_KIOSK.id, [item, batchItem(li, 'JOB-01')], new Date());
    await intakeBatch(county.query, TEST_KIOSK.id, [item], new Date());
    expect((await admin('GET', '/stats')).body).toMatchObject({ items: 2, distinctIds: 2, duplicatesRefused: 1 });
  });
});
