import type { BackOffice } from '../../src/county/back-office/port';
import { intakeBatch, publishConfigPart } from '../../src/county/county-state';
import { currentOutcome } from '../../src/county/outcomes';
import { caseMaterialRoutes } from '../../src/county/console/case-material-routes';
import { caseRoutes } from '../../src/county/console/cases';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { CaseRow } from '../../src/shared/console/api';
import { maskResident } from '../../src/shared/domain/mask';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { startConsoleRouteHost, type ConsoleRouteHost, type HostClient } from '../support/console-route-host';
import { batchItem, testUuid } from '../support/county-items';

/**
 * The county clerk desk in the console (cases.ts, case-desk.ts, case-material-routes.ts) through the console's routes
 * (console-route-host.ts: the console plugin alone, sessions opened on the database): which cases a township and the
 * county admin see and move, every field of a row, when a case counts as overdue, the audited opening, what each move
 * hands the back office and the audit, each refusal's status, and the materials in words from the published
 * catalogue. console-cases.test.ts walks the same desk end to end with a kiosk.
 */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const resident = SAMPLE_RESIDENTS[0]!;
const TUWO_POINT = { kioskId: 'demo-kiosk-2', divisionCode: '140105001201', township: '140105001', name: { 'zh-CN': '土沃乡东庄村服务点', en: 'Dongzhuang Village Point, Tuwo' }, level: 'village' };
const iso = (ms: number) => new Date(ms).toISOString();
const JOB_08 = defaultCatalog().items.find((i) => i.code === 'JOB-08')!;

describe('the clerk desk in the console', () => {
  let county: ConsoleRouteHost;
  let now = T0;
  const as = (staffId: string) => county.as(staffId, now);
  const auditOf = (target: string) => county.query.selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).where('target', '=', target).orderBy('seq').execute();
  /** An application from a point, handed over to the reference back office: waiting at the clerk desk (JOB-08). */
  const arrive = async (kioskId: string, itemCode = 'JOB-08') => {
    const item = batchItem(resident, itemCode, { at: iso(now) });
    expect(await intakeBatch(county.query, kioskId, [item], new Date(now))).toEqual([{ id: item.id, status: 'accepted' }]);
    await county.relay.tick();
    return { id: item.id, trackingNumber: item.payload.trackingNumber };
  };
  const outcome = async (id: string) => (await currentOutcome(county.query, id))!;
  const listOf = async (client: HostClient) => (await client.call('GET', '/console/api/cases')).body as { now: string; available: boolean; cases: CaseRow[] };

  beforeAll(async () => {
    county = await startConsoleRouteHost([caseRoutes, caseMaterialRoutes], { now: () => new Date(now), catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  it('lists the cases at the points in scope with every field, the resident masked', async () => {
    now = T0;
    const mine = await arrive('demo-kiosk-2');
    const theirs = await arrive('demo-kiosk-3');
    const tuwo = await as('township-tuwo');
    const list = await listOf(tuwo);
    expect(list.now).toBe(iso(T0));
    expect(list.available).toBe(true);
    expect(list.cases.filter((c) => c.applicationId === mine.id || c.applicationId === theirs.id)).toEqual([
      {
        applicationId: mine.id,
        trackingNumber: mine.trackingNumber,
        itemCode: 'JOB-08',
        point: TUWO_POINT,
        state: 'waiting',
        round: 1,
        clerkId: null,
        dueAt: null,
        overdue: false,
        residentMasked: maskResident(resident),
        receivedAt: iso(T0),
      },
    ]);
    const admin = await as('county-admin');
    expect((await listOf(admin)).cases.filter((c) => c.applicationId === mine.id || c.applicationId === theirs.id).map((c) => [c.applicationId, c.point.kioskId])).toEqual([
      [mine.id, 'demo-kiosk-2'],
      [theirs.id, 'demo-kiosk-3'],
    ]);
  });

  it('counts a case overdue only while waiting or taken and only once its due time has passed', async () => {
    now = T0 + 60_000;
    const due = now - 1;
    const rows: Array<[string, string | null, boolean]> = [
      ['waiting', iso(due), true],
      ['taken', iso(due), true],
      ['waiting', iso(now), false], // due this very millisecond: not yet over
      ['taken', iso(now + 1), false],
      ['waiting', null, false],
      ['returned', iso(due), false],
      ['done', iso(due), false],
      ['refused', iso(due), false],
      ['automatic', iso(due), false],
    ];
    const ids: string[] = [];
    for (const [state, dueAt] of rows) {
      const { id } = await arrive('demo-kiosk');
      // A desk may give its cases a due time (the port carries one); the reference desk sets one only for automatic
      // work, so the rows are given their state and due time here.
      await county.query.updateTable('back_office_cases').set({ state, due_at: dueAt }).where('item_id', '=', id).execute();
      ids.push(id);
    }
    const cases = (await listOf(await as('township-tuwo'))).cases;
    expect(ids.map((id) => cases.find((c) => c.applicationId === id)!).map((c) => [c.state, c.dueAt, c.overdue])).toEqual(rows);
    // The same judgement when one case is opened.
    const opened = await (await as('township-tuwo')).call('GET', `/console/api/cases/${ids[0]}`);
    expect(opened.body).toMatchObject({ case: { applicationId: ids[0], overdue: true } });
    const notYet = await (await as('township-tuwo')).call('GET', `/console/api/cases/${ids[2]}`);
    expect(notYet.body).toMatchObject({ case: { applicationId: ids[2], overdue: false } });
  });

  it('opens a case: masked for a township and not audited, in full for the county admin and audited; elsewhere 404', async () => {
    now = T0 + 120_000;
    const c = await arrive('demo-kiosk-2');
    const row = { applicationId: c.id, trackingNumber: c.trackingNumber, itemCode: 'JOB-08', point: TUWO_POINT, state: 'waiting', round: 1, clerkId: null, dueAt: null, overdue: false, residentMasked: maskResident(resident), receivedAt: iso(now) };
    const tuwo = await as('township-tuwo');
    expect(await tuwo.call('GET', `/console/api/cases/${c.id}`)).toMatchObject({ status: 200, body: { case: row, resident: null } });
    expect(await auditOf(c.id)).toEqual([]);

    now += 5_000;
    const admin = await as('county-admin');
    expect(await admin.call('GET', `/console/api/cases/${c.id}`)).toMatchObject({ status: 200, body: { case: row, resident: { name: resident.name, idNumber: resident.idNumber } } });
    expect(await auditOf(c.id)).toEqual([{ at: now, actor_id: 'county-admin', actor_name: '县人社局 管理员', action: 'case.open', target: c.id, township: '140105001', detail: c.trackingNumber }]);

    const beige = await as('township-beige');
    for (const url of [`/console/api/cases/${c.id}`, `/console/api/cases/${testUuid()}`, '/console/api/cases/not-a-uuid']) {
      const client = url.includes(c.id) ? beige : admin;
      expect(await client.call('GET', url)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    }
    expect(await auditOf(c.id)).toHaveLength(1);
  });

  it('takes and returns a case for the township, the note in both languages, each move audited and handed to the desk', async () => {
    now = T0 + 180_000;
    const c = await arrive('demo-kiosk-2');
    const tuwo = await as('township-tuwo');
    const taken = await tuwo.call('POST', `/console/api/cases/${c.id}`, { action: 'take' });
    expect(taken).toMatchObject({ status: 200, body: { applicationId: c.id, state: 'taken', clerkId: 'township-tuwo', point: TUWO_POINT, overdue: false } });
    expect(await currentOutcome(county.query, c.id)).toMatchObject({ state: 'inProgress' });

    // A material the item does not ask for, then one it does, with a note given only in Chinese.
    expect(await tuwo.call('POST', `/console/api/cases/${c.id}`, { action: 'return', materials: ['passport'] })).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
    now += 1_000;
    const returned = await tuwo.call('POST', `/console/api/cases/${c.id}`, { action: 'return', materials: ['disabilityCertificate'], note: '证件需在有效期内。' });
    expect(returned).toMatchObject({ status: 200, body: { applicationId: c.id, state: 'returned', clerkId: 'township-tuwo' } });
    const material = JOB_08.materials.find((m) => m.code === 'disabilityCertificate')!.name;
    const text = { 'zh-CN': `请补充：${material['zh-CN']}。证件需在有效期内。`, en: `Please add: ${material.en}. 证件需在有效期内。` };
    expect(await currentOutcome(county.query, c.id)).toMatchObject({ state: 'returned', missing: { text, materials: ['disabilityCertificate'] } });

    // Without a note the words name the materials alone.
    const bare = await arrive('demo-kiosk-2');
    await tuwo.call('POST', `/console/api/cases/${bare.id}`, { action: 'take' });
    expect(await tuwo.call('POST', `/console/api/cases/${bare.id}`, { action: 'return', materials: ['disabilityCertificate'] })).toMatchObject({ status: 200, body: { state: 'returned' } });
    expect((await outcome(bare.id)).missing).toEqual({ text: { 'zh-CN': `请补充：${material['zh-CN']}。`, en: `Please add: ${material.en}.` }, materials: ['disabilityCertificate'] });

    // Returned is not a state to finish from: 409, and nothing audited for it.
    expect(await tuwo.call('POST', `/console/api/cases/${c.id}`, { action: 'finish' })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect(await auditOf(c.id)).toEqual([
      { at: T0 + 180_000, actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', action: 'case.take', target: c.id, township: '140105001', detail: c.trackingNumber },
      { at: T0 + 181_000, actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', action: 'case.return', target: c.id, township: '140105001', detail: c.trackingNumber },
    ]);
  });

  it('finishes with a note in both languages or none, refuses with a reason in Chinese only, and answers 409 to a case another holds', async () => {
    now = T0 + 240_000;
    const [withNote, plain, refused] = [await arrive('demo-kiosk-2'), await arrive('demo-kiosk-2'), await arrive('demo-kiosk-2')];
    const admin = await as('county-admin');
    const tuwo = await as('township-tuwo');
    for (const c of [withNote, plain, refused]) await admin.call('POST', `/console/api/cases/${c.id}`, { action: 'take' });
    expect(await tuwo.call('POST', `/console/api/cases/${plain.id}`, { action: 'finish' })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect(await tuwo.call('POST', `/console/api/cases/${plain.id}`, { action: 'take' })).toMatchObject({ status: 409, body: { error: 'conflict' } });

    const name = JOB_08.name;
    const finished = await admin.call('POST', `/console/api/cases/${withNote.id}`, { action: 'finish', note: '请到乡镇领取证明。', noteEn: 'Collect it at the township.' });
    expect(finished).toMatchObject({ status: 200, body: { state: 'done', clerkId: 'county-admin' } });
    expect((await outcome(withNote.id)).steps.at(-1)).toMatchObject({ state: 'done', text: { 'zh-CN': `您的「${name['zh-CN']}」已办结。请到乡镇领取证明。`, en: `Your ${name.en} is complete. Collect it at the township.` } });
    await admin.call('POST', `/console/api/cases/${plain.id}`, { action: 'finish' });
    expect((await outcome(plain.id)).steps.at(-1)).toMatchObject({ state: 'done', text: { 'zh-CN': `您的「${name['zh-CN']}」已办结。`, en: `Your ${name.en} is complete.` } });

    const refusedRow = await admin.call('POST', `/console/api/cases/${refused.id}`, { action: 'refuse', reason: '不符合申领条件。' });
    expect(refusedRow).toMatchObject({ status: 200, body: { state: 'refused' } });
    expect(await currentOutcome(county.query, refused.id)).toMatchObject({ state: 'refused', reason: { 'zh-CN': '不符合申领条件。', en: '不符合申领条件。' } });
    expect((await auditOf(refused.id)).map((a) => [a.actor_id, a.action, a.township, a.detail])).toEqual([
      ['county-admin', 'case.take', '140105001', refused.trackingNumber],
      ['county-admin', 'case.refuse', '140105001', refused.trackingNumber],
    ]);
  });

  it('looks for the case before reading the body: outside the scope 404 whatever is sent; in it a bad body is 400 naming the field', async () => {
    now = T0 + 300_000;
    const c = await arrive('demo-kiosk-2');
    const beige = await as('township-beige');
    const tuwo = await as('township-tuwo');
    expect(await beige.call('POST', `/console/api/cases/${c.id}`, { action: 'fly' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await beige.call('POST', `/console/api/cases/${c.id}`, { action: 'take' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('POST', `/console/api/cases/${testUuid()}`, { action: 'take' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('POST', '/console/api/cases/not-a-uuid', { action: 'take' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('POST', `/console/api/cases/${c.id}`, { action: 'fly' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'action' } });
    expect(await tuwo.call('POST', `/console/api/cases/${c.id}`, { action: 'refuse' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'reason' } });
    // An automatic case is not the clerk's to move.
    const automatic = await arrive('demo-kiosk-2', 'JOB-01');
    expect((await county.query.selectFrom('back_office_cases').select('state').where('item_id', '=', automatic.id).executeTakeFirstOrThrow()).state).toBe('automatic');
    expect(await tuwo.call('POST', `/console/api/cases/${automatic.id}`, { action: 'take' })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect(await auditOf(c.id)).toEqual([]);
    expect(await auditOf(automatic.id)).toEqual([]);
  });

  it('names the materials of a case item from the published catalogue, the shipped one when none parses, none for an item it lacks', async () => {
    now = T0 + 360_000;
    const c = await arrive('demo-kiosk-2');
    const tuwo = await as('township-tuwo');
    const materials = () => tuwo.call('GET', `/console/api/cases/${c.id}/materials`);
    const shipped = JOB_08.materials.map((m) => ({ code: m.code, name: m.name }));
    expect(shipped.length).toBeGreaterThan(1);
    expect(await materials()).toMatchObject({ status: 200, body: { materials: shipped } });

    const renamed = structuredClone(defaultCatalog()); // defaultCatalog() hands out one shared object
    const job08 = renamed.items.find((i) => i.code === 'JOB-08')!;
    job08.materials[0]!.name = { 'zh-CN': '改过的名字', en: 'A renamed material' };
    await publishConfigPart(county.query, 'catalog', renamed);
    expect((await materials()).body).toEqual({ materials: [{ code: shipped[0]!.code, name: { 'zh-CN': '改过的名字', en: 'A renamed material' } }, ...shipped.slice(1)] });

    // A stored catalogue this gateway cannot read (publishing checks it, so the row is written here as an older or
    // newer gateway might have left it).
    await county.query.updateTable('config_parts').set({ body: JSON.stringify({ items: 'not a catalogue' }) }).where('part', '=', 'catalog').execute();
    expect((await materials()).body).toEqual({ materials: shipped });
    await publishConfigPart(county.query, 'catalog', { ...defaultCatalog(), items: defaultCatalog().items.filter((i) => i.code !== 'JOB-08') });
    expect(await materials()).toMatchObject({ status: 200, body: { materials: [] } });
    // A county that never published a catalogue: the shipped one.
    await county.query.deleteFrom('config_parts').where('part', '=', 'catalog').execute();
    expect((await materials()).body).toEqual({ materials: shipped });
    await publishConfigPart(county.query, 'catalog', defaultCatalog());

    const beige = await as('township-beige');
    expect(await beige.call('GET', `/console/api/cases/${c.id}/materials`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('GET', `/console/api/cases/${testUuid()}/materials`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('GET', '/console/api/cases/not-a-uuid/materials')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('asks the desk for up to 500 cases, more than its own default of 200', async () => {
    now = T0 + 420_000;
    const items = Array.from({ length: 201 }, () => batchItem(resident, 'JOB-08', { at: iso(now) }));
    await intakeBatch(county.query, 'demo-kiosk-3', items, new Date(now));
    await county.relay.tick();
    const ids = new Set(items.map((i) => i.id));
    expect((await listOf(await as('township-beige'))).cases.filter((c) => ids.has(c.applicationId))).toHaveLength(201);
  });
});

describe('the console without a clerk desk (a back office that decides elsewhere)', () => {
  let county: ConsoleRouteHost;
  // A provincial adapter: it takes the applications and reports through the sink, but offers no clerk desk.
  const elsewhere: BackOffice = { name: 'provincial', receive: async () => undefined, advance: async () => undefined };
  beforeAll(async () => {
    county = await startConsoleRouteHost([caseRoutes, caseMaterialRoutes], { now: () => new Date(T0), backOffice: elsewhere });
  });
  afterAll(() => county.close());

  it('says the desk is not available and finds no case to open, move or name materials for', async () => {
    const tuwo = await county.as('township-tuwo', T0);
    expect((await tuwo.call('GET', '/console/api/cases')).body).toEqual({ now: iso(T0), available: false, cases: [] });
    const id = testUuid();
    for (const [method, url] of [
      ['GET', `/console/api/cases/${id}`],
      ['POST', `/console/api/cases/${id}`],
      ['GET', `/console/api/cases/${id}/materials`],
    ] as const) {
      expect(await tuwo.call(method, url, method === 'POST' ? { action: 'take' } : undefined)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    }
  });
});
