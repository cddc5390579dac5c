import { intakeBatch, publishConfigPart } from '../../src/county/county-state';
import { pointCaseRoutes } from '../../src/county/console/point-case-routes';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { CaseStep } from '../../src/shared/cases/case-record';
import type { PointCaseRow } from '../../src/shared/console/point-cases';
import { maskResident } from '../../src/shared/domain/mask';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { sentCaseItem } from '../support/case-fixtures';
import { startConsoleRouteHost, type ConsoleRouteHost, type HostClient } from '../support/console-route-host';
import { testUuid } from '../support/county-items';

/**
 * The 全程代办 desk in the console (point-case-routes.ts, with case-desk.ts) through the console's routes
 * (console-route-host.ts: the console plugin alone, sessions opened on the database): what a township and the county
 * admin see of a case (every field, the moves their role may make now), the audited opening, the words each move
 * carries to the point (the missing materials named from the published catalogue, notes in both languages), each
 * refusal's status, and the materials in words.
 * console-cases.test.ts and point-cases-county.test.ts cover the desk end to end and the state machine underneath.
 */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const resident = SAMPLE_RESIDENTS[1]!;
const TUWO_POINT = { kioskId: 'demo-kiosk-2', divisionCode: '140105001201', township: '140105001', name: { 'zh-CN': '土沃乡东庄村服务点', en: 'Dongzhuang Village Point, Tuwo' }, level: 'village' };
const TUWO = { id: 'township-tuwo', name: '土沃乡人社所 王建国' };
const ADMIN = { id: 'county-admin', name: '县人社局 管理员' };
const iso = (ms: number) => new Date(ms).toISOString();
const JOB_08 = defaultCatalog().items.find((i) => i.code === 'JOB-08')!;
const [M1, M2] = [JOB_08.materials[0]!, JOB_08.materials[1]!];

describe('the 全程代办 desk in the console', () => {
  let county: ConsoleRouteHost;
  let now = T0;
  const as = (staffId: string) => county.as(staffId, now);
  const auditOf = (target: string) => county.query.selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).where('target', '=', target).orderBy('seq').execute();
  /** A case a point sent up at `now`, held at the county as sent. */
  const arrive = async (kioskId = 'demo-kiosk-2', options: Parameters<typeof sentCaseItem>[1] = {}) => {
    const item = sentCaseItem(resident, { at: now, ...options });
    expect(await intakeBatch(county.query, kioskId, [item], new Date(now))).toEqual([{ id: item.id, status: 'accepted' }]);
    return item.payload;
  };
  const move = (client: HostClient, caseId: string, body: unknown) => client.call('POST', `/console/api/point-cases/${caseId}`, body);
  const lastStep = (row: unknown) => (row as PointCaseRow).steps.at(-1)!;
  /** The step a move made, as stored (the county's record the point's outcome is made from). */
  const storedStep = async (caseId: string, kind: CaseStep['kind']) =>
    JSON.parse((await county.query.selectFrom('point_case_steps').select('body').where('case_id', '=', caseId).where('kind', '=', kind).orderBy('arrival', 'desc').executeTakeFirstOrThrow()).body) as CaseStep;

  beforeAll(async () => {
    county = await startConsoleRouteHost([pointCaseRoutes], { now: () => new Date(now), catalog: defaultCatalog() });
  });
  afterAll(() => county.close());

  it('lists the cases at the points in scope with every field, the moves the role may make, the resident masked', async () => {
    now = T0;
    const mine = await arrive('demo-kiosk-2', { dueAt: iso(T0 + 86_400_000) });
    const theirs = await arrive('demo-kiosk-3');
    const list = async (client: HostClient) => {
      const body = (await client.call('GET', '/console/api/point-cases')).body as { now: string; cases: PointCaseRow[] };
      return { now: body.now, cases: body.cases.filter((c) => c.caseId === mine.caseId || c.caseId === theirs.caseId) };
    };
    const row = {
      caseId: mine.caseId,
      caseNumber: mine.caseNumber,
      itemCode: 'JOB-08',
      point: TUWO_POINT,
      channel: 'assisted',
      operatorId: 'clerk-li',
      residentMasked: maskResident(resident),
      consent: 'inPerson',
      materials: [],
      promisedDays: 5,
      dueAt: iso(T0 + 86_400_000),
      openedAt: iso(T0),
      receivedAt: iso(T0),
      state: 'sent',
      holderId: null,
      overdue: false,
      steps: mine.steps,
      moves: ['take'],
    };
    expect(await list(await as('township-tuwo'))).toEqual({ now: iso(T0), cases: [row] });
    expect((await list(await as('county-admin'))).cases.map((c) => c.caseId).sort()).toEqual([mine.caseId, theirs.caseId].sort());

    // At the county: only the county admin may move it; a day past its due time it is overdue.
    await move(await as('township-tuwo'), mine.caseId, { move: 'take' });
    await move(await as('township-tuwo'), mine.caseId, { move: 'passUp' });
    now = T0 + 86_400_001;
    const atCounty = (c: { cases: PointCaseRow[] }) => c.cases.find((x) => x.caseId === mine.caseId)!;
    expect(atCounty(await list(await as('township-tuwo')))).toMatchObject({ state: 'atCounty', holderId: 'township-tuwo', overdue: true, moves: [] });
    expect(atCounty(await list(await as('county-admin')))).toMatchObject({ state: 'atCounty', overdue: true, moves: ['return', 'finish', 'refuse'] });
  });

  it('opens a case: masked for a township and not audited, in full for the county admin and audited; elsewhere 404', async () => {
    now = T0 + 2 * 86_400_000;
    const c = await arrive();
    const tuwo = await as('township-tuwo');
    const opened = await tuwo.call('GET', `/console/api/point-cases/${c.caseId}`);
    expect(opened).toMatchObject({ status: 200, body: { case: { caseId: c.caseId, point: TUWO_POINT, state: 'sent', moves: ['take'] }, resident: null } });
    expect(Object.keys((opened.body.case as object))).not.toContain('kioskId');
    expect(await auditOf(c.caseId)).toEqual([]);

    now += 1_000;
    const admin = await as('county-admin');
    expect(await admin.call('GET', `/console/api/point-cases/${c.caseId}`)).toMatchObject({ status: 200, body: { case: { caseId: c.caseId, moves: ['take'] }, resident: { idNumber: resident.idNumber, name: resident.name } } });
    expect(await auditOf(c.caseId)).toEqual([{ at: now, actor_id: ADMIN.id, actor_name: ADMIN.name, action: 'pointCase.open', target: c.caseId, township: '140105001', detail: c.caseNumber }]);

    // What each role may do to a case at the county, as the opened case says.
    await move(tuwo, c.caseId, { move: 'take' });
    await move(tuwo, c.caseId, { move: 'passUp' });
    expect((await tuwo.call('GET', `/console/api/point-cases/${c.caseId}`)).body).toMatchObject({ case: { state: 'atCounty', moves: [] } });
    expect((await admin.call('GET', `/console/api/point-cases/${c.caseId}`)).body).toMatchObject({ case: { state: 'atCounty', moves: ['return', 'finish', 'refuse'] } });

    const beige = await as('township-beige');
    expect(await beige.call('GET', `/console/api/point-cases/${c.caseId}`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await admin.call('GET', `/console/api/point-cases/${testUuid()}`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await admin.call('GET', '/console/api/point-cases/not-a-uuid')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('takes and passes a case up for the township, each move stamped with who and audited; at the county it is the admin who acts', async () => {
    now = T0 + 3 * 86_400_000;
    const c = await arrive();
    const tuwo = await as('township-tuwo');
    const taken = await move(tuwo, c.caseId, { move: 'take' });
    expect(taken).toMatchObject({ status: 200, body: { caseId: c.caseId, point: TUWO_POINT, state: 'atTownship', holderId: TUWO.id, moves: ['passUp', 'return', 'finish', 'refuse'] } });
    expect(lastStep(taken.body)).toEqual({ id: expect.any(String), kind: 'take', at: iso(now), state: 'atTownship', channel: null, operatorId: TUWO.id, operatorName: TUWO.name });

    now += 1_000;
    const passed = await move(tuwo, c.caseId, { move: 'passUp', note: '需县里审核。' });
    expect(passed).toMatchObject({ status: 200, body: { state: 'atCounty', moves: [] } });
    expect(lastStep(passed.body)).toMatchObject({ kind: 'passUp', note: { 'zh-CN': '需县里审核。', en: '需县里审核。' } });

    // A township account may not act on it now; the admin's moves are answered with the admin's row.
    expect(await move(tuwo, c.caseId, { move: 'finish' })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    now += 1_000;
    const admin = await as('county-admin');
    const finished = await move(admin, c.caseId, { move: 'finish', note: '已办结。', noteEn: 'Done.' });
    expect(finished).toMatchObject({ status: 200, body: { state: 'done', holderId: ADMIN.id, moves: [] } });
    expect(lastStep(finished.body)).toMatchObject({ kind: 'finish', operatorId: ADMIN.id, operatorName: ADMIN.name, note: { 'zh-CN': '已办结。', en: 'Done.' } });
    expect(await storedStep(c.caseId, 'finish')).toEqual(lastStep(finished.body));
    expect(await auditOf(c.caseId)).toEqual([
      { at: T0 + 3 * 86_400_000, actor_id: TUWO.id, actor_name: TUWO.name, action: 'pointCase.take', target: c.caseId, township: '140105001', detail: c.caseNumber },
      { at: T0 + 3 * 86_400_000 + 1_000, actor_id: TUWO.id, actor_name: TUWO.name, action: 'pointCase.passUp', target: c.caseId, township: '140105001', detail: c.caseNumber },
      { at: T0 + 3 * 86_400_000 + 2_000, actor_id: ADMIN.id, actor_name: ADMIN.name, action: 'pointCase.finish', target: c.caseId, township: '140105001', detail: c.caseNumber },
    ]);
  });

  it('returns a case naming the missing materials in words, with the note in either language; refuses with the reason as its note', async () => {
    now = T0 + 4 * 86_400_000;
    const tuwo = await as('township-tuwo');
    const returned = async (body: Record<string, unknown>) => {
      const c = await arrive();
      await move(tuwo, c.caseId, { move: 'take' });
      const res = await move(tuwo, c.caseId, { move: 'return', ...body });
      expect(res).toMatchObject({ status: 200, body: { state: 'returned' } });
      return lastStep(res.body);
    };
    const names = { 'zh-CN': `${M1.name['zh-CN']}、${M2.name['zh-CN']}`, en: `${M1.name.en}, ${M2.name.en}` };
    expect(await returned({ materials: [M1.code, M2.code] })).toMatchObject({ kind: 'return', missing: { text: names, materials: [M1.code, M2.code] } });
    expect((await returned({ materials: [M1.code, M2.code] })).note).toBeUndefined();
    expect(await returned({ materials: [M1.code], note: '需在有效期内。', noteEn: 'It must be in date.' })).toMatchObject({
      missing: { text: { 'zh-CN': `${M1.name['zh-CN']}：需在有效期内。`, en: `${M1.name.en}: It must be in date.` }, materials: [M1.code] },
    });
    // No English note: the Chinese one stands in; a code the item does not list is named by its code.
    expect(await returned({ materials: ['noSuchPaper', M2.code], note: '需在有效期内。' })).toMatchObject({
      missing: { text: { 'zh-CN': `noSuchPaper、${M2.name['zh-CN']}：需在有效期内。`, en: `noSuchPaper, ${M2.name.en}: 需在有效期内。` }, materials: ['noSuchPaper', M2.code] },
    });

    const c = await arrive();
    await move(tuwo, c.caseId, { move: 'take' });
    const refused = await move(tuwo, c.caseId, { move: 'refuse', reason: '不符合条件。' });
    expect(refused).toMatchObject({ status: 200, body: { state: 'refused' } });
    expect(lastStep(refused.body)).toMatchObject({ kind: 'refuse', note: { 'zh-CN': '不符合条件。', en: '不符合条件。' } });
    const other = await arrive();
    await move(tuwo, other.caseId, { move: 'take' });
    const finished = await move(tuwo, other.caseId, { move: 'finish' });
    expect(lastStep(finished.body).note).toBeUndefined();
    expect((await storedStep(other.caseId, 'finish')).note).toBeUndefined();
    expect((await storedStep(c.caseId, 'refuse')).note).toEqual({ 'zh-CN': '不符合条件。', en: '不符合条件。' });
  });

  it('names materials by their codes for an item the published catalogue no longer holds', async () => {
    now = T0 + 5 * 86_400_000;
    const c = await arrive();
    const tuwo = await as('township-tuwo');
    await move(tuwo, c.caseId, { move: 'take' });
    await publishConfigPart(county.query, 'catalog', { ...defaultCatalog(), items: defaultCatalog().items.filter((i) => i.code !== 'JOB-08') });
    try {
      const res = await move(tuwo, c.caseId, { move: 'return', materials: [M1.code, M2.code] });
      expect(lastStep(res.body)).toMatchObject({ missing: { text: { 'zh-CN': `${M1.code}、${M2.code}`, en: `${M1.code}, ${M2.code}` } } });
      expect((await tuwo.call('GET', `/console/api/point-cases/${c.caseId}/materials`)).body).toEqual({ materials: [] });
    } finally {
      await publishConfigPart(county.query, 'catalog', defaultCatalog());
    }
  });

  it('looks for the case before reading the body: outside the scope 404 whatever is sent; in it a bad body is 400 naming the field', async () => {
    now = T0 + 6 * 86_400_000;
    const c = await arrive();
    const beige = await as('township-beige');
    const tuwo = await as('township-tuwo');
    expect(await move(beige, c.caseId, { move: 'fly' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await move(beige, c.caseId, { move: 'take' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await move(tuwo, testUuid(), { move: 'take' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await move(tuwo, 'not-a-uuid', { move: 'take' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await move(tuwo, c.caseId, { move: 'fly' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'move' } });
    expect(await move(tuwo, c.caseId, { move: 'return', materials: [] })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'materials' } });
    // Not allowed from sent: 409, nothing stored or audited.
    expect(await move(tuwo, c.caseId, { move: 'finish' })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect((await county.query.selectFrom('point_cases').select(['state', 'holder_id']).where('case_id', '=', c.caseId).executeTakeFirstOrThrow())).toEqual({ state: 'sent', holder_id: null });
    expect(await auditOf(c.caseId)).toEqual([]);
  });

  it('names the materials a case item asks for, from the published catalogue, for the points in scope only', async () => {
    now = T0 + 7 * 86_400_000;
    const c = await arrive();
    const tuwo = await as('township-tuwo');
    const url = `/console/api/point-cases/${c.caseId}/materials`;
    expect(await tuwo.call('GET', url)).toMatchObject({ status: 200, body: { materials: JOB_08.materials.map((m) => ({ code: m.code, name: m.name })) } });
    const renamed = structuredClone(defaultCatalog()); // defaultCatalog() hands out one shared object
    renamed.items.find((i) => i.code === 'JOB-08')!.materials[0]!.name = { 'zh-CN': '改过的名字', en: 'A renamed material' };
    await publishConfigPart(county.query, 'catalog', renamed);
    try {
      expect(((await tuwo.call('GET', url)).body.materials as Array<{ name: unknown }>)[0]).toEqual({ code: M1.code, name: { 'zh-CN': '改过的名字', en: 'A renamed material' } });
    } finally {
      await publishConfigPart(county.query, 'catalog', defaultCatalog());
    }
    expect(await (await as('township-beige')).call('GET', url)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('GET', `/console/api/point-cases/${testUuid()}/materials`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });
});
