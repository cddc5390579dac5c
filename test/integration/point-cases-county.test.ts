import { outcomesSince } from '../../src/county/outcomes';
import { intakeBatch } from '../../src/county/county-state';
import { CaseMoveError, moveCaseUpstream, pointCase } from '../../src/county/point-cases';
import type { CountyDatabase } from '../../src/county/db/connection';
import type { CaseStep } from '../../src/shared/cases/case-record';
import type { CaseItem, CaseStepItem } from '../../src/shared/sync/protocol';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { countyTestEngine, openTestCountyDatabase } from '../support/county-database';

const resident = SAMPLE_RESIDENTS[1]!;
const township = { id: 'township-tuwo', name: '土沃乡人社所 王建国', role: 'township' as const };
const countyAdmin = { id: 'county-admin', name: '县人社局 管理员', role: 'countyAdmin' as const };

function step(kind: CaseStep['kind'], state: CaseStep['state'], at = new Date()): CaseStep {
  return { id: crypto.randomUUID(), kind, at: at.toISOString(), state, channel: 'window', operatorId: 'clerk-li', operatorName: '李秀英' };
}

function caseItem(caseId = crypto.randomUUID()): CaseItem {
  const at = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    kind: 'case',
    createdAt: at,
    residentRef: 'ref-1',
    payload: {
      caseId,
      caseNumber: `DB-20261130-${caseId.slice(0, 6).toUpperCase()}`,
      itemCode: 'JOB-08',
      channel: 'window',
      operatorId: 'clerk-li',
      openedAt: at,
      promisedDays: 5,
      dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      consent: 'inPerson',
      resident: { idNumber: resident.idNumber, name: resident.name, source: 'idCard' },
      materials: [],
      steps: [step('open', 'opened'), step('send', 'sent')],
    },
    attachments: [],
  };
}

const stepItem = (caseId: string, s: CaseStep): CaseStepItem => ({ id: crypto.randomUUID(), kind: 'caseStep', createdAt: s.at, residentRef: 'ref-1', payload: { caseId, step: s }, attachments: [] });

/** The county's side of 全程代办 on the test engine (SQLite, or PostgreSQL with COUNTY_TEST_DATABASE): intake, moves, outcomes. */
describe(`point cases at the county (${countyTestEngine})`, () => {
  let db: CountyDatabase;
  beforeAll(async () => {
    db = await openTestCountyDatabase('county-cases-');
  });
  afterAll(() => db.close());
  const move = (caseId: string, m: Parameters<typeof moveCaseUpstream>[2]) => moveCaseUpstream(db.query, caseId, m, new Date());
  const refusal = async (p: Promise<unknown>) => p.then(() => 'moved', (e: unknown) => (e instanceof CaseMoveError ? e.code : String(e)));

  it('stores a case once, refuses a kiosk step that does not follow, and applies each move only where the machine allows it', async () => {
    const item = caseItem();
    const caseId = item.payload.caseId;
    expect(await intakeBatch(db.query, 'kiosk-a', [item], new Date())).toEqual([{ id: item.id, status: 'accepted' }]);
    expect((await intakeBatch(db.query, 'kiosk-a', [item], new Date()))[0]!.status).toBe('duplicate');
    expect(await intakeBatch(db.query, 'kiosk-b', [{ ...item, id: crypto.randomUUID() }], new Date())).toEqual([expect.objectContaining({ status: 'rejected', reason: 'idTakenByAnotherKiosk' })]);
    // Handed back before anyone upstream finished it; sent again while it is not returned.
    expect((await intakeBatch(db.query, 'kiosk-a', [stepItem(caseId, step('handBack', 'handedBack'))], new Date()))[0]).toMatchObject({ status: 'rejected', reason: 'caseStateMismatch' });
    expect((await intakeBatch(db.query, 'kiosk-a', [stepItem(caseId, step('send', 'sent'))], new Date()))[0]).toMatchObject({ status: 'rejected', reason: 'caseStateMismatch' });
    // A step of this case from another kiosk.
    expect((await intakeBatch(db.query, 'kiosk-b', [stepItem(caseId, step('handBack', 'handedBack'))], new Date()))[0]).toMatchObject({ status: 'rejected', reason: 'unknownCase' });

    expect(await refusal(move(caseId, { move: 'finish', actor: township }))).toBe('not_allowed');
    expect(await refusal(move(caseId, { move: 'passUp', actor: township }))).toBe('not_allowed');
    // Two people take it at the same moment: exactly one of them holds it.
    const both = await Promise.all([refusal(move(caseId, { move: 'take', actor: township })), refusal(move(caseId, { move: 'take', actor: countyAdmin }))]);
    expect(both.filter((r) => r === 'moved')).toHaveLength(1);
    expect(both.filter((r) => r === 'moved_meanwhile' || r === 'not_allowed')).toHaveLength(1);
    expect((await pointCase(db.query, caseId, new Date()))!.state).toBe('atTownship');
    await move(caseId, { move: 'passUp', actor: township });
    expect(await refusal(move(caseId, { move: 'finish', actor: township }))).toBe('not_allowed');
    expect(await refusal(move(caseId, { move: 'return', actor: countyAdmin }))).toBe('missing_required');
    expect(await refusal(move(caseId, { move: 'refuse', actor: countyAdmin }))).toBe('missing_required');
    const refused = await move(caseId, { move: 'refuse', actor: countyAdmin, note: { 'zh-CN': '不符合条件。', en: 'Not eligible.' } });
    expect(refused.state).toBe('refused');
    expect(await refusal(move(caseId, { move: 'take', actor: township }))).toBe('not_allowed');

    // The kiosk gets one outcome carrying every upstream step, in order, with the refusal's reason.
    const page = await outcomesSince(db.query, 'kiosk-a', 0);
    const outcome = page.outcomes.find((o) => o.itemId === caseId)!;
    expect(outcome).toMatchObject({ state: 'refused', reason: { en: 'Not eligible.' }, case: { state: 'refused' } });
    expect(outcome.case!.steps.map((s) => `${s.kind}:${s.operatorId}`)).toEqual(expect.arrayContaining(['passUp:township-tuwo', 'refuse:county-admin']));
    expect(outcome.case!.steps.map((s) => s.kind).slice(-2)).toEqual(['passUp', 'refuse']);
    expect((await outcomesSince(db.query, 'kiosk-b', 0)).outcomes.some((o) => o.itemId === caseId)).toBe(false);

    // Now the point may hand it back.
    const handBack = stepItem(caseId, step('handBack', 'handedBack'));
    expect((await intakeBatch(db.query, 'kiosk-a', [handBack], new Date()))[0]).toMatchObject({ status: 'accepted' });
    expect((await intakeBatch(db.query, 'kiosk-a', [handBack], new Date()))[0]).toMatchObject({ status: 'duplicate' });
    const held = (await pointCase(db.query, caseId, new Date()))!;
    expect(held.state).toBe('handedBack');
    expect(held.steps.map((s) => s.kind)).toEqual(['open', 'send', 'take', 'passUp', 'refuse', 'handBack']);
  });

  it('refuses a case no clerk opened, with an invalid ID number, or whose steps skip the opening', async () => {
    const self = caseItem();
    self.payload.channel = 'self';
    const badId = caseItem();
    badId.payload.resident.idNumber = `${resident.idNumber.slice(0, 17)}${resident.idNumber.endsWith('0') ? '1' : '0'}`;
    const skipped = caseItem();
    skipped.payload.steps = [step('send', 'sent'), step('send', 'sent')];
    const results = await intakeBatch(db.query, 'kiosk-a', [self, badId, skipped], new Date());
    expect(results.map((r) => r.reason)).toEqual(['caseWithoutClerk', 'invalidIdNumber', 'caseStepsIllegal']);
  });
});
