import { outcomesSince } from '../../src/county/outcomes';
import { intakeBatch, publishConfigPart } from '../../src/county/county-state';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { CaseMoveError, intakeCaseStep, moveCaseUpstream, pointCase, pointCaseResident, pointCasesOf } from '../../src/county/point-cases';
import type { CountyDatabase, CountyQuery } from '../../src/county/db/connection';
import type { CaseStep } from '../../src/shared/cases/case-record';
import type { CaseItem } from '../../src/shared/sync/protocol';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { caseStep, caseStepItem, sentCaseItem } from '../support/case-fixtures';
import { countyTestEngine, openTestCountyDatabase } from '../support/county-database';

const resident = SAMPLE_RESIDENTS[1]!;
const township = { id: 'township-tuwo', name: '土沃乡人社所 王建国', role: 'township' as const };
const countyAdmin = { id: 'county-admin', name: '县人社局 管理员', role: 'countyAdmin' as const };

const step = (kind: CaseStep['kind'], state: CaseStep['state'], at = new Date()): CaseStep => caseStep(kind, state, at.getTime());
const caseItem = (caseId?: string): CaseItem => sentCaseItem(resident, caseId ? { caseId } : {});
const stepItem = caseStepItem;

/**
 * The county's query with `landing` run right after the first read of a case's row has its answer, before the caller
 * goes on: what a second gateway's step on the same case does when it lands between one intake's read and its update.
 */
function withStepLandingAfterCaseRead(q: CountyQuery, landing: () => Promise<unknown>): CountyQuery {
  let landed = false;
  const builder = <T extends object>(b: T): T =>
    new Proxy(b, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop);
        if (typeof value !== 'function') return value;
        if (prop === 'executeTakeFirst')
          return async (...args: unknown[]) => {
            const row: unknown = await value.apply(target, args);
            if (!landed) {
              landed = true;
              await landing();
            }
            return row;
          };
        return (...args: unknown[]) => {
          const next: unknown = value.apply(target, args);
          return next && typeof next === 'object' && 'executeTakeFirst' in next ? builder(next) : next;
        };
      },
    });
  return new Proxy(q, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop === 'selectFrom') return (table: string) => (table === 'point_cases' ? builder(target.selectFrom('point_cases')) : target.selectFrom(table as 'point_case_steps'));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

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
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('takes only a chain the state machine allows, opened by an open step and ending sent, every step made at the point', async () => {
    const withSteps = (steps: CaseStep[]) => {
      const item = caseItem();
      item.payload.steps = steps;
      return item;
    };
    const chains = [
      [step('open', 'sent')], // the opening in the wrong state
      [step('send', 'opened'), step('send', 'sent')], // no opening, its state as one
      [step('open', 'opened'), step('open', 'opened'), step('send', 'sent')], // opened twice
      [step('open', 'opened'), step('handBack', 'sent')], // a point move the machine does not allow from opened
      [step('open', 'opened'), step('send', 'sent'), step('take', 'atTownship'), step('return', 'returned'), step('send', 'sent')], // upstream moves made at the point
      [step('open', 'opened')], // never sent
      [step('open', 'opened'), step('send', 'sent'), step('send', 'sent')], // sent twice
    ];
    const items = chains.map(withSteps);
    const results = await intakeBatch(db.query, 'kiosk-a', items, new Date());
    expect(results).toEqual(items.map((i) => ({ id: i.id, status: 'rejected', reason: 'caseStepsIllegal' })));
    for (const i of items) expect(await pointCase(db.query, i.payload.caseId, new Date())).toBeNull();
  });

  it('refuses an item the published catalogue does not hold, a step id of another case, and an upstream move sent by a kiosk', async () => {
    const stranger = caseItem();
    stranger.payload.itemCode = 'ZZZ-99';
    const known = caseItem();
    const cdb = await openTestCountyDatabase('county-cases-catalog-');
    try {
      await publishConfigPart(cdb.query, 'catalog', defaultCatalog());
      expect(await intakeBatch(cdb.query, 'kiosk-a', [stranger, known], new Date())).toEqual([
        { id: stranger.id, status: 'rejected', reason: 'unknownItem' },
        { id: known.id, status: 'accepted' },
      ]);
    } finally {
      await cdb.close();
    }

    const [a, b] = [caseItem(), caseItem()];
    await intakeBatch(db.query, 'kiosk-a', [a, b], new Date());
    await move(a.payload.caseId, { move: 'take', actor: township });
    // The kiosk claims the township's moves itself: refused, the case stays where it is.
    const take = stepItem(b.payload.caseId, step('take', 'atTownship'));
    expect(await intakeBatch(db.query, 'kiosk-a', [take], new Date())).toEqual([{ id: take.id, status: 'rejected', reason: 'caseStateMismatch' }]);
    expect((await pointCase(db.query, b.payload.caseId, new Date()))!.state).toBe('sent');
    const opening = stepItem(b.payload.caseId, step('open', 'opened'));
    expect(await intakeBatch(db.query, 'kiosk-a', [opening], new Date())).toEqual([{ id: opening.id, status: 'rejected', reason: 'caseStateMismatch' }]);
    // A step id already stored under case a, sent again as b's.
    await move(a.payload.caseId, { move: 'return', actor: township, missing: { text: { 'zh-CN': '缺户口簿。', en: 'The household register is missing.' }, materials: ['hukou'] } });
    const resend = step('send', 'sent');
    expect((await intakeBatch(db.query, 'kiosk-a', [stepItem(a.payload.caseId, resend)], new Date()))[0]!.status).toBe('accepted');
    const stolen = stepItem(b.payload.caseId, resend);
    expect(await intakeBatch(db.query, 'kiosk-a', [stolen], new Date())).toEqual([{ id: stolen.id, status: 'rejected', reason: 'stepOfAnotherCase' }]);
    expect(await refusal(move(crypto.randomUUID(), { move: 'take', actor: township }))).toBe('unknown_case');
  });

  it("a sending again frees the holder and takes the new materials; the kiosk's outcome carries every upstream step's words", async () => {
    const item = caseItem();
    const caseId = item.payload.caseId;
    await intakeBatch(db.query, 'kiosk-a', [item], new Date());
    const longName = `${'县'.repeat(58)}管理员甲乙`; // 63 characters
    await move(caseId, { move: 'take', actor: { ...township, name: longName } });
    const missing = { text: { 'zh-CN': '缺户口簿。', en: 'The household register is missing.' }, materials: ['hukou'] };
    const returned = await move(caseId, { move: 'return', actor: township, missing, note: { 'zh-CN': '请补户口簿。', en: 'Bring the register.' } });
    expect(returned.steps.find((s) => s.kind === 'take')!.operatorName).toBe(longName.slice(0, 60));
    expect(returned).toMatchObject({ state: 'returned', holderId: 'township-tuwo', materials: [] });
    let outcome = (await outcomesSince(db.query, 'kiosk-a', 0)).outcomes.find((o) => o.itemId === caseId)!;
    expect(outcome.missing).toEqual(missing);
    expect(outcome.reason).toBeUndefined();
    expect(outcome.steps.map((s) => [s.state, s.text])).toEqual([
      ['inProgress', { 'zh-CN': '乡镇人社所已接收代办件，正在办理。', en: 'The township has taken the case and is working on it.' }],
      ['returned', { 'zh-CN': '代办件被退回，需要补充材料。请补户口簿。', en: 'The case was returned: materials are missing. Bring the register.' }],
    ]);
    expect(outcome.case!.steps.map((s) => s.kind)).toEqual(['take', 'return']);

    const again = { ...step('send', 'sent'), materials: ['hukou', 'idCard'] };
    expect((await intakeBatch(db.query, 'kiosk-a', [stepItem(caseId, again)], new Date()))[0]!.status).toBe('accepted');
    expect(await pointCase(db.query, caseId, new Date())).toMatchObject({ state: 'sent', holderId: null, materials: ['hukou', 'idCard'] });

    await move(caseId, { move: 'take', actor: township });
    await move(caseId, { move: 'finish', actor: township, note: { 'zh-CN': '证件已到。', en: 'Ready.' } });
    outcome = (await outcomesSince(db.query, 'kiosk-a', 0)).outcomes.find((o) => o.itemId === caseId)!;
    expect(outcome).toMatchObject({ state: 'done', case: { state: 'done' } });
    expect(outcome.reason).toBeUndefined();
    expect(outcome.steps.at(-1)!.text).toEqual({ 'zh-CN': '代办件已办结，请通知群众领回。证件已到。', en: 'The case is done: tell the resident to collect it. Ready.' });
    expect(outcome.case!.steps.map((s) => s.kind)).toEqual(['take', 'return', 'take', 'finish']);
    // Handed back: the county's holder stays the one who finished it.
    expect((await intakeBatch(db.query, 'kiosk-a', [stepItem(caseId, step('handBack', 'handedBack'))], new Date()))[0]!.status).toBe('accepted');
    expect(await pointCase(db.query, caseId, new Date())).toMatchObject({ state: 'handedBack', holderId: 'township-tuwo' });

    // A refusal's note is its reason, not added to the words.
    const other = caseItem();
    await intakeBatch(db.query, 'kiosk-a', [other], new Date());
    await move(other.payload.caseId, { move: 'take', actor: township });
    await move(other.payload.caseId, { move: 'refuse', actor: township, note: { 'zh-CN': '不符合条件。', en: 'Not eligible.' } });
    const refused = (await outcomesSince(db.query, 'kiosk-a', 0)).outcomes.find((o) => o.itemId === other.payload.caseId)!;
    expect(refused.steps.at(-1)!.text).toEqual({ 'zh-CN': '代办件未获批准。', en: 'The case was not approved.' });
    expect(refused.reason).toEqual({ 'zh-CN': '不符合条件。', en: 'Not eligible.' });
  });

  it("keeps the last 50 steps of a case returned many times", async () => {
    const item = caseItem();
    const caseId = item.payload.caseId;
    await intakeBatch(db.query, 'kiosk-a', [item], new Date());
    const missing = { text: { 'zh-CN': '缺材料。', en: 'Missing.' }, materials: [] };
    for (let round = 0; round < 26; round += 1) {
      await move(caseId, { move: 'take', actor: township });
      await move(caseId, { move: 'return', actor: township, missing });
      await intakeBatch(db.query, 'kiosk-a', [stepItem(caseId, step('send', 'sent'))], new Date());
    }
    await move(caseId, { move: 'take', actor: township });
    const outcome = (await outcomesSince(db.query, 'kiosk-a', 0)).outcomes.find((o) => o.itemId === caseId)!;
    // 53 upstream moves: the first three dropped.
    expect(outcome.steps).toHaveLength(50);
    expect(outcome.steps.map((s) => s.state).slice(0, 2)).toEqual(['returned', 'inProgress']);
    expect(outcome.steps.at(-1)!.state).toBe('inProgress');
    expect(outcome.case!.steps).toHaveLength(50);
    expect(outcome.case!.steps.map((s) => s.kind).slice(0, 2)).toEqual(['return', 'take']);
    expect(outcome.seq).toBe(53);
  });

  it("lists a point's cases, those in hands first by due time, then the rest newest first; the resident in full on request", async () => {
    const cdb = await openTestCountyDatabase('county-cases-list-');
    try {
      const at = (i: number) => new Date(Date.UTC(2026, 10, 30, 8, i));
      const items = [0, 1, 2, 3, 4, 5].map(() => caseItem());
      // Due days chosen so that due order and the order of last change differ among the open cases.
      items.forEach((it, i) => (it.payload.dueAt = new Date(Date.UTC(2026, 11, [10, 9, 5, 7, 6, 8][i]!)).toISOString()));
      for (const [i, it] of items.entries()) await intakeBatch(cdb.query, 'kiosk-a', [it], at(i));
      const elsewhere = caseItem();
      await intakeBatch(cdb.query, 'kiosk-b', [elsewhere], at(5));
      // 0 and 1 finished (1 later); in hands: 2 returned (waiting for the point), 3 at the township, 4 at the county, 5 sent.
      await moveCaseUpstream(cdb.query, items[3]!.payload.caseId, { move: 'take', actor: township }, at(8));
      await moveCaseUpstream(cdb.query, items[4]!.payload.caseId, { move: 'take', actor: township }, at(12));
      await moveCaseUpstream(cdb.query, items[4]!.payload.caseId, { move: 'passUp', actor: township }, at(13));
      await moveCaseUpstream(cdb.query, items[2]!.payload.caseId, { move: 'take', actor: township }, at(6));
      await moveCaseUpstream(cdb.query, items[2]!.payload.caseId, { move: 'return', actor: township, missing: { text: { 'zh-CN': '缺材料。', en: 'Missing.' }, materials: [] } }, at(7));
      for (const [i, it] of [items[0]!, items[1]!].entries()) {
        await moveCaseUpstream(cdb.query, it.payload.caseId, { move: 'take', actor: township }, at(10 + i));
        await moveCaseUpstream(cdb.query, it.payload.caseId, { move: 'finish', actor: township }, at(20 + i));
      }
      const list = await pointCasesOf(cdb.query, ['kiosk-a'], at(30));
      expect(list.map((c) => c.caseId)).toEqual([2, 4, 3, 5, 1, 0].map((i) => items[i]!.payload.caseId));
      expect(list.map((c) => c.steps.map((s) => s.kind))).toEqual([['open', 'send', 'take', 'return'], ['open', 'send', 'take', 'passUp'], ['open', 'send', 'take'], ['open', 'send'], ['open', 'send', 'take', 'finish'], ['open', 'send', 'take', 'finish']]);
      expect(list[0]).toMatchObject({ kioskId: 'kiosk-a', state: 'returned', itemCode: 'JOB-08', promisedDays: 5, residentMasked: expect.not.stringContaining(resident.idNumber), overdue: false });
      expect((await pointCasesOf(cdb.query, ['kiosk-a', 'kiosk-b'], at(30))).map((c) => c.caseId)).toContain(elsewhere.payload.caseId);
      expect(await pointCasesOf(cdb.query, [], at(30))).toEqual([]);
      expect(await pointCasesOf(cdb.query, ['kiosk-c'], at(30))).toEqual([]);
      expect(await pointCaseResident(cdb.query, items[2]!.payload.caseId)).toEqual({ idNumber: resident.idNumber, name: resident.name });
      expect(await pointCaseResident(cdb.query, crypto.randomUUID())).toBeNull();
    } finally {
      await cdb.close();
    }
  });

  it('answers retry to a later step whose case another step moved between its read and its update, storing nothing of it', async () => {
    const item = caseItem();
    const caseId = item.payload.caseId;
    await intakeBatch(db.query, 'kiosk-a', [item], new Date());
    await move(caseId, { move: 'take', actor: township });
    await move(caseId, { move: 'return', actor: township, missing: { text: { 'zh-CN': '缺材料。', en: 'Missing.' }, materials: [] } });
    // Two sendings again of the returned case (the kiosk's batch sent twice, through two gateways at once): the second
    // lands while the first has read the case as returned and not yet moved it.
    const first = stepItem(caseId, step('send', 'sent'));
    const second = stepItem(caseId, step('send', 'sent'));
    const racing = withStepLandingAfterCaseRead(db.query, async () => expect(await intakeCaseStep(db.query, 'kiosk-a', second, new Date())).toEqual({ id: second.id, status: 'accepted' }));
    expect(await intakeCaseStep(racing, 'kiosk-a', first, new Date())).toEqual({ id: first.id, status: 'retry', reason: 'caseMovedMeanwhile' });
    const held = (await pointCase(db.query, caseId, new Date()))!;
    expect(held.state).toBe('sent');
    expect(held.steps.map((s) => s.id)).toContain(second.payload.step.id);
    expect(held.steps.map((s) => s.id)).not.toContain(first.payload.step.id);
  });
});
