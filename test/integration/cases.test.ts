import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import { DEMO_STAFF_PASSWORDS } from '../../src/county/demo-seed';
import type { CountyServer } from '../../src/county/server';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { resources } from '../../src/shared/locales';
import type { CaseStep } from '../../src/shared/cases/case-record';
import { CASE_MOVES, CASE_STATES, moveCase, upstreamMovesFor } from '../../src/shared/cases/case-state';
import type { CaseView } from '../../src/shared/contract/methods/cases';
import type { PointCaseRow } from '../../src/shared/console/point-cases';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { signIn, startConsoleCounty } from '../support/console-fixtures';
import { tempDataDir } from '../support/store-fixtures';

jest.setTimeout(60_000);

const resident = SAMPLE_RESIDENTS[0]!;
const KIOSK = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;

describe('the case state machine (defined once in src/shared/cases)', () => {
  it('allows exactly the transitions of OPERATIONS.md and refuses every other', () => {
    const allowed = CASE_STATES.flatMap((s) => CASE_MOVES.filter((m) => moveCase(s, m) !== null).map((m) => `${s} -${m}-> ${moveCase(s, m)}`));
    expect(allowed.sort()).toEqual(
      [
        'opened -send-> sent',
        'returned -send-> sent',
        'sent -take-> atTownship',
        'atTownship -passUp-> atCounty',
        'atTownship -return-> returned',
        'atTownship -finish-> done',
        'atTownship -refuse-> refused',
        'atCounty -return-> returned',
        'atCounty -finish-> done',
        'atCounty -refuse-> refused',
        'done -handBack-> handedBack',
        'refused -handBack-> handedBack',
      ].sort(),
    );
    // Nothing moves out of handed back; at the county only a county admin holds the case.
    expect(CASE_MOVES.filter((m) => moveCase('handedBack', m) !== null)).toEqual([]);
    expect(upstreamMovesFor('atCounty', 'township')).toEqual([]);
    expect(upstreamMovesFor('atCounty', 'countyAdmin').sort()).toEqual(['finish', 'refuse', 'return']);
    expect(upstreamMovesFor('atTownship', 'township').sort()).toEqual(['finish', 'passUp', 'refuse', 'return']);
  });
});

describe('全程代办 cases end to end: kiosk core, outbox, county intake, console desk, and back', () => {
  let county: CountyServer;
  let core: KioskCore;
  const events: Array<{ event: string; data: unknown }> = [];
  beforeAll(async () => {
    county = await startConsoleCounty({ catalog: defaultCatalog() });
    const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: KIOSK.kioskId, secret: KIOSK.secret, development: true, syncIntervalSeconds: 3600 } });
    core = await createKioskCore({ config, dataDir: tempDataDir('kiosk-cases-'), simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test' });
    core.events.subscribe((event, data) => events.push({ event, data }));
    // Awaited as the event itself (the loop before it polled and fell through after 10 s without failing).
    await new Promise<void>((resolve) => {
      if (events.some((e) => e.event === 'config.changed' && (e.data as { part: string }).part === 'staff')) return resolve();
      core.events.subscribe((event, data) => {
        if (event === 'config.changed' && (data as { part: string }).part === 'staff') resolve();
      });
    });
  });
  afterAll(async () => {
    await core.close();
    await county.close();
  });

  type Conn = ReturnType<KioskCore['newConnection']>;
  async function call<T>(conn: Conn, method: string, params: unknown): Promise<T> {
    const answer = (await core.dispatcher.dispatch(conn, method as never, params as never)) as { result?: T; error?: unknown };
    if (answer.error) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
    return answer.result as T;
  }
  async function refusal(conn: Conn, method: string, params: unknown): Promise<{ code: string; details?: Record<string, unknown> }> {
    const answer = (await core.dispatcher.dispatch(conn, method as never, params as never)) as { error?: { code: string; details?: Record<string, unknown> } };
    if (!answer.error) throw new Error(`${method} was not refused`);
    return answer.error;
  }
  const countyCase = async (caseId: string) => county.query.selectFrom('point_cases').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  const countySteps = async (caseId: string) =>
    (await county.query.selectFrom('point_case_steps').select('body').where('case_id', '=', caseId).orderBy('arrival').execute()).map((r) => JSON.parse(r.body) as CaseStep);

  async function clerkWithResident(): Promise<Conn> {
    const conn = core.newConnection('internal');
    await call(conn, 'staff.login', { username: 'li', password: DEMO_STAFF_PASSWORDS.li });
    await call(conn, 'session.identifyTyped', { idNumber: resident.idNumber, name: resident.name, reason: 'cardUnreadable' });
    return conn;
  }

  it('carries a case through every state, each step stamped, stored at the county as sent, and back to handed back', async () => {
    const conn = await clerkWithResident();
    const opened = await call<CaseView>(conn, 'cases.open', { itemCode: 'JOB-08', consent: 'inPerson', promisedDays: 10, materials: [] });
    expect(opened).toMatchObject({ state: 'opened', channel: 'assisted', operatorId: 'clerk-li', ownerName: '李秀英', pointMoves: ['send'], overdue: false });
    expect(opened.residentMasked).not.toContain(resident.idNumber);
    // Nothing leaves the point before the clerk sends it; a hand-back now is illegal.
    expect((await refusal(conn, 'cases.handBack', { id: opened.id, residentSigned: true })).code).toBe('conflict');

    const sent = await call<CaseView>(conn, 'cases.send', { id: opened.id });
    expect(sent.state).toBe('sent');
    expect((await refusal(conn, 'cases.send', { id: opened.id })).code).toBe('conflict');
    await call(conn, 'sync.now', {});

    // What arrived at the county: the case, its resident in full (only the county keeps it), both steps stamped.
    const stored = await countyCase(opened.id);
    expect(stored).toMatchObject({ kiosk_id: KIOSK.kioskId, item_code: 'JOB-08', channel: 'assisted', operator_id: 'clerk-li', state: 'sent', case_number: opened.caseNumber, consent: 'inPerson', promised_days: 10, due_at: opened.dueAt });
    expect(JSON.parse(stored!.resident)).toMatchObject({ idNumber: resident.idNumber, name: resident.name, source: 'typedByClerk' });
    expect((await countySteps(opened.id)).map((s) => [s.kind, s.state, s.channel, s.operatorId])).toEqual([
      ['open', 'opened', 'assisted', 'clerk-li'],
      ['send', 'sent', 'assisted', 'clerk-li'],
    ]);

    // The township desk sees it masked, with the moves it may make; another township does not see it at all.
    const tuwo = await signIn(county, 'tuwo');
    const listed = ((await tuwo.call('GET', '/console/api/point-cases')).body.cases as PointCaseRow[]).find((c) => c.caseId === opened.id)!;
    expect(listed).toMatchObject({ state: 'sent', moves: ['take'], point: { kioskId: KIOSK.kioskId }, channel: 'assisted' });
    expect(JSON.stringify(listed)).not.toContain(resident.idNumber);
    const beige = await signIn(county, 'beige');
    expect(((await beige.call('GET', '/console/api/point-cases')).body.cases as PointCaseRow[]).some((c) => c.caseId === opened.id)).toBe(false);
    expect((await beige.call('POST', `/console/api/point-cases/${opened.id}`, { move: 'take' })).status).toBe(404);

    expect((await tuwo.call('POST', `/console/api/point-cases/${opened.id}`, { move: 'finish' })).body).toEqual({ error: 'conflict' });
    expect((await tuwo.call('POST', `/console/api/point-cases/${opened.id}`, { move: 'take' })).body).toMatchObject({ state: 'atTownship', holderId: 'township-tuwo' });
    expect((await tuwo.call('POST', `/console/api/point-cases/${opened.id}`, { move: 'passUp' })).body).toMatchObject({ state: 'atCounty' });
    // At the county the township account holds nothing any more.
    expect((await tuwo.call('POST', `/console/api/point-cases/${opened.id}`, { move: 'finish' })).body).toEqual({ error: 'conflict' });
    const admin = await signIn(county, 'county');
    const back = await admin.call('POST', `/console/api/point-cases/${opened.id}`, { move: 'return', materials: ['disabilityCertificate'], note: '请带残疾证原件。', noteEn: 'Bring the original.' });
    expect(back.body).toMatchObject({ state: 'returned' });

    await call(conn, 'sync.now', {});
    const returned = await call<CaseView>(conn, 'cases.get', { id: opened.id });
    expect(returned.state).toBe('returned');
    expect(returned.steps.map((s) => [s.kind, s.operatorId])).toEqual([
      ['open', 'clerk-li'],
      ['send', 'clerk-li'],
      ['take', 'township-tuwo'],
      ['passUp', 'township-tuwo'],
      ['return', 'county-admin'],
    ]);
    expect(returned.steps[4]!.missing).toMatchObject({ materials: ['disabilityCertificate'] });
    expect(returned.steps[4]!.missing!.text.en).toContain('Bring the original.');
    const asResident = await call<{ cases: Array<{ caseNumber: string; state: string; missing: { en: string } | null }> }>(conn, 'cases.mine', {});
    expect(asResident.cases.find((c) => c.caseNumber === opened.caseNumber)).toMatchObject({ state: 'returned', missing: { en: expect.stringContaining('Bring the original.') } });

    // Sent again with the missing paper; the county holds it as sent again, with the materials.
    const resent = await call<CaseView>(conn, 'cases.send', { id: opened.id, materials: ['disabilityCertificate'] });
    expect(resent).toMatchObject({ state: 'sent', materials: ['disabilityCertificate'] });
    await call(conn, 'sync.now', {});
    expect(await countyCase(opened.id)).toMatchObject({ state: 'sent', materials: JSON.stringify(['disabilityCertificate']), holder_id: null });

    await tuwo.call('POST', `/console/api/point-cases/${opened.id}`, { move: 'take' });
    expect((await tuwo.call('POST', `/console/api/point-cases/${opened.id}`, { move: 'finish', note: '已办结。' })).body).toMatchObject({ state: 'done' });
    await call(conn, 'sync.now', {});
    const done = await call<CaseView>(conn, 'cases.get', { id: opened.id });
    expect(done).toMatchObject({ state: 'done', pointMoves: ['handBack'] });

    // "Where is my request": the resident sees the case in plain words, without the clerk's names or steps.
    const mine = await call<{ cases: Array<Record<string, unknown>> }>(conn, 'cases.mine', {});
    expect(mine.cases.find((c) => c.caseNumber === opened.caseNumber)).toEqual({
      caseNumber: opened.caseNumber,
      itemCode: 'JOB-08',
      openedAt: opened.openedAt,
      dueAt: opened.dueAt,
      state: 'done',
      overdue: false,
      updatedAt: expect.any(String),
      missing: null,
    });
    // ...and can print it: the slip carries the case in the same plain words, the resident masked.
    await call(conn, 'dev.printer.transcript', { clear: true });
    await call(conn, 'print.myRequests', { language: 'zh-CN' });
    let slip = '';
    for (let i = 0; i < 100 && !slip.includes('cut --'); i++) {
      slip = (await call<{ text: string }>(conn, 'dev.printer.transcript', {})).text;
      await new Promise((r) => setTimeout(r, 50));
    }
    const job08 = defaultCatalog().items.find((i) => i.code === 'JOB-08')!;
    expect(slip).toContain(resources['zh-CN'].cases.mine.title);
    expect(slip).toContain(opened.caseNumber);
    expect(slip).toContain(job08.name['zh-CN']);
    expect(slip).toContain(resources['zh-CN'].cases.mine.state.done);
    expect(slip).not.toContain(resident.idNumber);

    // The handover receipt, then the resident's signature recorded as the hand-back, which travels up.
    const job = await call<{ label: string }>(conn, 'cases.printHandover', { id: opened.id });
    expect(job.label).toBe('caseHandover');
    const handed = await call<CaseView>(conn, 'cases.handBack', { id: opened.id, residentSigned: true });
    expect(handed).toMatchObject({ state: 'handedBack', pointMoves: [] });
    await call(conn, 'sync.now', {});
    expect(await countyCase(opened.id)).toMatchObject({ state: 'handedBack' });
    expect((await countySteps(opened.id)).map((s) => `${s.kind}:${s.state}:${s.operatorId}`)).toEqual([
      'open:opened:clerk-li',
      'send:sent:clerk-li',
      'take:atTownship:township-tuwo',
      'passUp:atCounty:township-tuwo',
      'return:returned:county-admin',
      'send:sent:clerk-li',
      'take:atTownship:township-tuwo',
      'finish:done:township-tuwo',
      'handBack:handedBack:clerk-li',
    ]);
    // Every console move is audited with who.
    const trail = await county.query.selectFrom('audit_log').select(['actor_id', 'action']).where('target', '=', opened.id).where('action', 'like', 'pointCase.%').orderBy('seq').execute();
    expect(trail).toEqual([
      { actor_id: 'township-tuwo', action: 'pointCase.take' },
      { actor_id: 'township-tuwo', action: 'pointCase.passUp' },
      { actor_id: 'county-admin', action: 'pointCase.return' },
      { actor_id: 'township-tuwo', action: 'pointCase.take' },
      { actor_id: 'township-tuwo', action: 'pointCase.finish' },
    ]);
  });

  it('refuses a case to a resident alone and without an identified resident; unknown materials are refused', async () => {
    const residentAlone = core.newConnection('internal');
    expect((await refusal(residentAlone, 'cases.open', { itemCode: 'JOB-08', consent: 'inPerson', promisedDays: 10, materials: [] })).code).toBe('forbidden');
    const clerk = core.newConnection('internal');
    await call(clerk, 'staff.login', { username: 'zhao', password: DEMO_STAFF_PASSWORDS.zhao });
    await call(clerk, 'session.end', { reason: 'clerkEnded' });
    expect((await refusal(clerk, 'cases.open', { itemCode: 'JOB-08', consent: 'inPerson', promisedDays: 10, materials: [] })).code).toBe('session_required');
    const withResident = await clerkWithResident();
    expect((await refusal(withResident, 'cases.open', { itemCode: 'JOB-08', consent: 'inPerson', promisedDays: 10, materials: ['passportPhoto'] })).code).toBe('invalid_params');
    expect((await refusal(withResident, 'cases.open', { itemCode: 'JOB-08', consent: 'inPerson', promisedDays: 4, materials: [] })).code).toBe('invalid_params');
  });

  it('the county refuses a case step that does not follow from the state it holds, and a case whose steps skip one', async () => {
    const conn = await clerkWithResident();
    const opened = await call<CaseView>(conn, 'cases.open', { itemCode: 'JOB-08', consent: 'signedForm', promisedDays: 3, materials: [] });
    await call(conn, 'cases.send', { id: opened.id });
    await call(conn, 'sync.now', {});
    const kiosk = new HttpCountyClient({ baseUrl: county.url, kioskId: KIOSK.kioskId, secret: KIOSK.secret });
    const at = new Date().toISOString();
    const step = (kind: CaseStep['kind'], state: CaseStep['state']): CaseStep => ({ id: crypto.randomUUID(), kind, at, state, channel: 'assisted', operatorId: 'clerk-li', operatorName: '李秀英' });
    // Handed back while the county holds it as sent: refused, and the county's state is unchanged.
    const early = { id: crypto.randomUUID(), kind: 'caseStep' as const, createdAt: at, residentRef: null, payload: { caseId: opened.id, step: step('handBack', 'handedBack') }, attachments: [] };
    expect((await kiosk.sendBatch([early])).results[0]).toMatchObject({ status: 'rejected', reason: 'caseStateMismatch' });
    expect(await countyCase(opened.id)).toMatchObject({ state: 'sent' });
    // A case that claims to be sent without being opened first.
    const skipped = {
      id: crypto.randomUUID(),
      kind: 'case' as const,
      createdAt: at,
      residentRef: null,
      payload: {
        caseId: crypto.randomUUID(),
        caseNumber: 'DB-20261130-XXXXXX',
        itemCode: 'JOB-08',
        channel: 'assisted' as const,
        operatorId: 'clerk-li',
        openedAt: at,
        promisedDays: 3,
        dueAt: at,
        consent: 'inPerson' as const,
        resident: { idNumber: resident.idNumber, name: resident.name, source: 'idCard' as const },
        materials: [],
        steps: [step('send', 'sent'), step('send', 'sent')],
      },
      attachments: [],
    };
    expect((await kiosk.sendBatch([skipped])).results[0]).toMatchObject({ status: 'rejected', reason: 'caseStepsIllegal' });
  });
});
