import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { registerBackOfficeRoutes } from '../../src/county/back-office-routes';
import { recordCardBlock } from '../../src/county/card-blocks';
import { intakeBatch } from '../../src/county/county-state';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { TEST_KIOSK, startUnseededCounty, type TestCounty } from '../support/county-fixtures';
import { batchItem } from '../support/county-items';

/**
 * The county clerk's desk routes (back-office-routes.ts) answer by answer, on the reference back office: the work
 * list and its filters, one application with its outcome, each clerk action with its body checked and each refusal
 * at its status, a card's block as of the gateway's clock; and a back office without a clerk desk answering 404.
 * back-office.test.ts follows applications through the same routes from a kiosk; here each answer is pinned.
 */
const [wang, li] = [SAMPLE_RESIDENTS[0]!, SAMPLE_RESIDENTS[1]!];
const AUTH = { authorization: 'Bearer admin-test-token' };
const UNKNOWN = '0196f000-0000-7000-8000-00000000dead';
const NOTE = { 'zh-CN': '证件需在有效期内。', en: 'They must be in date.' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Body = Record<string, any>;

describe("the county clerk's desk routes", () => {
  let county: TestCounty;
  let clock = new Date('2026-11-30T09:00:00.000Z');
  const [first, second] = [batchItem(wang, 'JOB-08', { at: '2026-11-30T08:00:00.000Z' }), batchItem(li, 'JOB-08', { at: '2026-11-30T08:01:00.000Z' })];
  const automatic = batchItem(li, 'JOB-01', { at: '2026-11-30T08:02:00.000Z', form: { phone: '13800000000' } });

  async function admin(method: 'GET' | 'POST', path: string, body?: unknown) {
    const res = await fetch(`${county.url}/admin/v1${path}`, { method, headers: { ...AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as Body };
  }
  const act = (id: string, action: string, body: unknown) => admin('POST', `/back-office/applications/${id}/${action}`, body);
  const desk = async (query = '') => ((await admin('GET', `/back-office/desk${query}`)).body.items as Array<{ applicationId: string; state: string; clerkId: string | null }>).map((i) => i.applicationId);

  beforeAll(async () => {
    county = await startUnseededCounty({ now: () => clock });
    for (const item of [first, second, automatic]) {
      clock = new Date(clock.getTime() + 1000);
      expect((await intakeBatch(county.query, TEST_KIOSK.id, [item], clock))[0]!.status).toBe('accepted');
      await county.relay.tick();
    }
  });
  afterAll(() => county.close());

  it('lists the desk in arrival order, filtered by state and clerk, to a limit of 1 to 500', async () => {
    expect(await desk()).toEqual([first.id, second.id, automatic.id]);
    expect(await desk('?state=waiting')).toEqual([first.id, second.id]);
    expect(await desk('?state=automatic')).toEqual([automatic.id]);
    expect(await desk('?limit=1')).toEqual([first.id]);
    expect(await desk('?limit=500')).toHaveLength(3);
    expect(await desk('?clerkId=county-zhou')).toEqual([]);
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?state=lost', 'state'],
      [`?clerkId=${'c'.repeat(65)}`, 'clerkId'],
      ['?clerkId=', 'clerkId'],
    ] as const) {
      expect([query, await admin('GET', `/back-office/desk${query}`)]).toEqual([query, { status: 400, body: { error: 'invalid_query', field } }]);
    }
    const listed = (await admin('GET', '/back-office/desk?state=waiting')).body;
    expect(JSON.stringify(listed)).not.toContain(wang.idNumber);
    expect(JSON.stringify(listed)).not.toContain(wang.name);
  });

  it('gives one application with its current outcome; 400 for an id that is not a UUID, 404 unknown_application', async () => {
    const one = await admin('GET', `/back-office/applications/${first.id}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body)).toEqual(['item', 'outcome']);
    expect(one.body.item).toMatchObject({ applicationId: first.id, itemCode: 'JOB-08', desk: 'clerk', state: 'waiting', clerkId: null });
    expect(one.body.outcome).toMatchObject({ itemId: first.id, state: 'accepted' });
    expect(await admin('GET', '/back-office/applications/not-a-uuid')).toEqual({ status: 400, body: { error: 'invalid_path', field: 'applicationId' } });
    expect(await admin('GET', `/back-office/applications/${UNKNOWN}`)).toEqual({ status: 404, body: { error: 'unknown_application' } });
  });

  it("takes an application for one clerk at the gateway's time, then refuses it to another; each refusal at its own status", async () => {
    clock = new Date('2026-11-30T10:00:00.000Z');
    expect(await act(first.id, 'finish', { clerkId: 'county-zhou' })).toEqual({ status: 409, body: { error: 'wrong_state' } });
    const taken = await act(first.id, 'take', { clerkId: 'county-zhou' });
    expect(taken.status).toBe(200);
    expect(taken.body.item).toMatchObject({ applicationId: first.id, state: 'taken', clerkId: 'county-zhou' });
    expect(taken.body.outcome.state).toBe('inProgress');
    expect(taken.body.outcome.steps.at(-1)).toMatchObject({ state: 'inProgress', at: '2026-11-30T10:00:00.000Z' });
    expect(await desk('?clerkId=county-zhou')).toEqual([first.id]);
    expect(await desk('?state=taken')).toEqual([first.id]);
    expect(await act(first.id, 'take', { clerkId: 'county-wu' })).toEqual({ status: 409, body: { error: 'taken_by_other' } });
    expect(await act(first.id, 'return', { clerkId: 'county-zhou', materials: ['passport'] })).toEqual({ status: 400, body: { error: 'unknown_material' } });
    expect(await act(UNKNOWN, 'take', { clerkId: 'county-zhou' })).toEqual({ status: 404, body: { error: 'unknown_application' } });
    expect(await act(automatic.id, 'take', { clerkId: 'county-zhou' })).toEqual({ status: 409, body: { error: 'wrong_state' } });
    expect(await act('not-a-uuid', 'take', { clerkId: 'county-zhou' })).toEqual({ status: 400, body: { error: 'invalid_path', field: 'applicationId' } });
  });

  it("checks each action's body: its clerk, its materials, its note or reason, nothing more", async () => {
    const refusals: Array<[string, unknown, string]> = [
      ['take', {}, 'clerkId'],
      ['take', { clerkId: '' }, 'clerkId'],
      ['take', { clerkId: 'c'.repeat(65) }, 'clerkId'],
      ['take', { clerkId: 'county-zhou', note: NOTE }, '(body)'],
      ['return', { clerkId: 'county-zhou', materials: [] }, 'materials'],
      ['return', { clerkId: 'county-zhou', materials: [''] }, 'materials.0'],
      ['return', { clerkId: 'county-zhou', materials: ['m'.repeat(41)] }, 'materials.0'],
      ['return', { clerkId: 'county-zhou', materials: Array.from({ length: 21 }, (_, i) => `m${i}`) }, 'materials'],
      ['return', { clerkId: 'county-zhou', materials: ['passport'], reason: NOTE }, '(body)'],
      ['finish', { clerkId: 'county-zhou', note: { 'zh-CN': '好' } }, 'note.en'],
      ['finish', { clerkId: 'county-zhou', materials: ['passport'] }, '(body)'],
      ['refuse', { clerkId: 'county-zhou' }, 'reason'],
      ['refuse', { clerkId: 'county-zhou', reason: NOTE, note: NOTE }, '(body)'],
    ];
    for (const [action, body, field] of refusals) {
      const answer = await act(first.id, action, body);
      expect([action, body, answer]).toEqual([action, body, { status: 400, body: { error: 'invalid_body', field: expect.stringMatching(field === '(body)' ? /.*/ : new RegExp(`^${field.replace('.', '\\.')}$`)) } }]);
    }
    expect(await act(first.id, 'take', 'not json')).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
    // Nothing refused changed the application.
    expect((await admin('GET', `/back-office/applications/${first.id}`)).body.item).toMatchObject({ state: 'taken', clerkId: 'county-zhou' });
  });

  it('returns with the materials and a note, refuses with a reason, finishes: each outcome as the kiosk will get it', async () => {
    const docs = ['disabilityCertificate', 'allowanceCertificate'];
    const returned = await act(first.id, 'return', { clerkId: 'county-zhou', materials: docs, note: NOTE });
    expect(returned.status).toBe(200);
    expect(returned.body.item).toMatchObject({ state: 'returned' });
    expect(returned.body.outcome).toMatchObject({ state: 'returned', missing: { materials: docs } });
    expect(returned.body.outcome.missing.text.en).toBe('Please add: Disability certificate, Minimum living allowance certificate. They must be in date.');

    await act(second.id, 'take', { clerkId: 'county-wu' });
    const reason = { 'zh-CN': '不符合条件。', en: 'Not eligible.' };
    const refused = await act(second.id, 'refuse', { clerkId: 'county-wu', reason });
    expect(refused.body.item).toMatchObject({ state: 'refused', clerkId: 'county-wu' });
    expect(refused.body.outcome).toMatchObject({ state: 'refused', reason });
    expect(await act(second.id, 'finish', { clerkId: 'county-wu' })).toEqual({ status: 409, body: { error: 'wrong_state' } });

    const third = batchItem(wang, 'JOB-08');
    await intakeBatch(county.query, TEST_KIOSK.id, [third], clock);
    await county.relay.tick();
    await act(third.id, 'take', { clerkId: 'county-wu' });
    clock = new Date('2026-11-30T11:00:00.000Z');
    const done = await act(third.id, 'finish', { clerkId: 'county-wu', note: NOTE });
    expect(done.body.item).toMatchObject({ state: 'done', clerkId: 'county-wu' });
    expect(done.body.outcome).toMatchObject({ state: 'done' });
    expect(done.body.outcome.steps.at(-1).at).toBe('2026-11-30T11:00:00.000Z');
  });

  it("answers a card's block as of the gateway's clock; the ID number only in the body, only an ID number", async () => {
    const idNumber = wang.idNumber;
    await recordCardBlock(county.query, { idNumber, itemId: 'item-card', blockedAt: '2026-12-01T00:00:00.000Z', liftsAt: '2026-12-08T00:00:00.000Z' });
    clock = new Date('2026-12-07T23:59:59.999Z');
    expect(await admin('POST', '/cards/block-state', { idNumber })).toEqual({ status: 200, body: { state: 'blocked', blockedAt: '2026-12-01T00:00:00.000Z', liftsAt: '2026-12-08T00:00:00.000Z', liftedAt: null } });
    clock = new Date('2026-12-08T00:00:00.000Z');
    expect((await admin('POST', '/cards/block-state', { idNumber })).body).toMatchObject({ state: 'lifted' });
    expect((await admin('POST', '/cards/block-state', { idNumber: li.idNumber })).body).toMatchObject({ state: 'none' });
    for (const body of [{ idNumber: idNumber.slice(1) }, { idNumber: `${idNumber.slice(0, 17)}Y` }, { idNumber: `x${idNumber}` }, { idNumber: `${idNumber}1` }]) {
      expect([body, await admin('POST', '/cards/block-state', body)]).toEqual([body, { status: 400, body: { error: 'invalid_body', field: 'idNumber' } }]);
    }
    expect(await admin('POST', '/cards/block-state', { idNumber, name: wang.name })).toEqual({ status: 400, body: { error: 'invalid_body', field: '(body)' } });
  });

  it('answers 500 internal when the desk fails under a good request, not a refusal', async () => {
    await sql`ALTER TABLE back_office_cases RENAME TO back_office_cases_away`.execute(county.query);
    try {
      expect(await act(first.id, 'take', { clerkId: 'county-zhou' })).toEqual({ status: 500, body: { error: 'internal' } });
    } finally {
      await sql`ALTER TABLE back_office_cases_away RENAME TO back_office_cases`.execute(county.query);
    }
  });

  describe('a back office without a clerk desk (a provincial adapter)', () => {
    let app: FastifyInstance;
    let base = '';
    beforeAll(async () => {
      app = Fastify();
      app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      registerBackOfficeRoutes(app, { query: county.query, dataDir: county.dataDir, attachmentsDir: county.dataDir, now: () => clock, publicUrl: () => county.url, relay: county.relay, clerkDesk: null });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(() => app.close());
    const send = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
      return { status: res.status, body: (await res.json()) as Body };
    };

    it('answers 404 no_clerk_desk to the desk, an application and every action, but still answers a card block', async () => {
      expect(await send('GET', '/back-office/desk')).toEqual({ status: 404, body: { error: 'no_clerk_desk' } });
      expect(await send('GET', `/back-office/applications/${first.id}`)).toEqual({ status: 404, body: { error: 'no_clerk_desk' } });
      for (const action of ['take', 'return', 'finish', 'refuse']) {
        expect([action, await send('POST', `/back-office/applications/${first.id}/${action}`, { clerkId: 'county-zhou' })]).toEqual([action, { status: 404, body: { error: 'no_clerk_desk' } }]);
      }
      expect((await send('POST', '/cards/block-state', { idNumber: wang.idNumber })).body).toMatchObject({ state: 'lifted' });
    });
  });
});
