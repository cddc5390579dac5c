import { recentAudit } from '../../src/main/store/audit';
import { applyCaseOutcome, caseResident, casesOfResident, getCase, listCases, purgeCases, recordPointStep } from '../../src/main/store/cases';
import { claimBatch, settleBatch } from '../../src/main/store/outbox';
import type { CaseStep } from '../../src/shared/cases/case-record';
import { isCaseOverdue } from '../../src/shared/cases/case-state';
import { caseStep, openSampleCase, sendSampleCase } from '../support/case-fixtures';
import { openTestStore, sampleIdentity, tempDataDir } from '../support/store-fixtures';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-02T02:00:00Z');
let n = 0;
const uuid = () => `0196f000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const step = (kind: CaseStep['kind'], state: CaseStep['state'], at: number, who = 'clerk-li'): CaseStep => caseStep(kind, state, at, { id: who, name: who }, uuid());

/** The kiosk's case records: the clerk's list puts overdue cases first, and what comes down moves a case only legally. */
describe('cases at the point (store)', () => {
  const store = openTestStore(tempDataDir('cases-store-'));
  afterAll(() => store.close());
  const open = (days: number, at = T0) => {
    const id = uuid();
    openSampleCase(store, { id, caseNumber: `DB-${id.slice(-4)}`, promisedDays: days, dueAt: new Date(at + days * DAY).toISOString(), openStep: step('open', 'opened', at) });
    return id;
  };
  const send = (id: string, at: number) => sendSampleCase(store, id, step('send', 'sent', at), uuid());

  it('lists open cases first, the overdue ones at the top, and flags them; finished ones are never overdue', () => {
    const late = open(1);
    const soon = open(10);
    const finished = open(1);
    send(finished, T0 + 1000);
    applyCaseOutcome(store.db, finished, 1, { state: 'done', steps: [step('take', 'atTownship', T0 + 2000, 'tuwo'), step('finish', 'done', T0 + 3000, 'tuwo')] });
    const now = new Date(T0 + 3 * DAY);
    const list = listCases(store.db, now, 10).filter((c) => [late, soon, finished].includes(c.id));
    expect(list.map((c) => c.id)).toEqual([late, soon, finished]);
    expect(list.map((c) => isCaseOverdue(c.state, c.dueAt, now))).toEqual([true, false, false]);
  });

  it('applies upstream steps only through the state machine, once each, and never from an older outcome', () => {
    const id = open(5);
    // The county cannot have taken a case the point never sent: the step is not applied.
    expect(applyCaseOutcome(store.db, id, 1, { state: 'atTownship', steps: [step('take', 'atTownship', T0 + 1000, 'tuwo')] })).toEqual({ state: 'opened', applied: 0 });
    expect(getCase(store.db, id)!.state).toBe('opened');
    send(id, T0 + 2000);
    const take = step('take', 'atTownship', T0 + 3000, 'tuwo');
    const passUp = step('passUp', 'atCounty', T0 + 4000, 'tuwo');
    expect(applyCaseOutcome(store.db, id, 3, { state: 'atCounty', steps: [take, passUp] })).toEqual({ state: 'atCounty', applied: 2 });
    // The same page again, or an older outcome arriving late, changes nothing.
    expect(applyCaseOutcome(store.db, id, 3, { state: 'atCounty', steps: [take, passUp] })).toEqual({ state: 'atCounty', applied: 0 });
    expect(applyCaseOutcome(store.db, id, 2, { state: 'atTownship', steps: [take] })).toEqual({ state: 'atCounty', applied: 0 });
    // A step that skips one (hand back straight from the county) is not applied either.
    expect(applyCaseOutcome(store.db, id, 4, { state: 'handedBack', steps: [take, passUp, step('handBack', 'handedBack', T0 + 5000)] })).toEqual({ state: 'atCounty', applied: 0 });
    expect(getCase(store.db, id)!.steps.map((s) => s.kind)).toEqual(['open', 'send', 'take', 'passUp']);
    // Two clerks moving the same case at once: the second finds it moved.
    expect(send(id, T0 + 6000)).toBe(false);
  });
});

/** What the clerk's desk and retention read back from the store: each column, each step's body, each audit entry. */
describe('cases at the point (store): read back, steps, outbox and retention', () => {
  const store = openTestStore(tempDataDir('cases-store-rows-'));
  afterAll(() => store.close());
  const other = sampleIdentity(2);
  const open = (at: number, resident?: { idNumber: string; name: string }) => {
    const id = uuid();
    openSampleCase(store, {
      id,
      caseNumber: `DB-${id.slice(-4)}`,
      dueAt: new Date(at + 10 * DAY).toISOString(),
      openStep: { ...step('open', 'opened', at), note: { 'zh-CN': '窗口', en: 'at the window' } },
      materials: ['hukou'],
      ...(resident ? { resident: { ...resident, source: 'typedByClerk' as const } } : {}),
    });
    return id;
  };
  const auditOf = (caseId: string) => recentAudit(store.db, 500).filter((a) => (a.detail as { caseId?: string } | null)?.caseId === caseId);

  it('reads back every column and the opening step with its note; the resident opens from the seal and is listed by ref', () => {
    const id = open(T0);
    const openStep = getCase(store.db, id)!.steps[0]!;
    expect(getCase(store.db, id)).toStrictEqual({
      id,
      caseNumber: `DB-${id.slice(-4)}`,
      openedAt: new Date(T0).toISOString(),
      itemCode: 'JOB-08',
      channel: 'assisted',
      operatorId: 'clerk-li',
      ownerName: 'li',
      residentRef: store.key.residentRef(sampleIdentity(1).idNumber),
      residentMasked: 'masked',
      consent: 'inPerson',
      materials: ['hukou'],
      promisedDays: 10,
      dueAt: new Date(T0 + 10 * DAY).toISOString(),
      state: 'opened',
      updatedAt: new Date(T0).toISOString(),
      steps: [{ id: openStep.id, kind: 'open', at: new Date(T0).toISOString(), state: 'opened', channel: 'assisted', operatorId: 'clerk-li', operatorName: 'clerk-li', note: { 'zh-CN': '窗口', en: 'at the window' } }],
    });
    expect(getCase(store.db, 'no-such-case')).toBeNull();
    expect(caseResident(store.db, store.key, id)).toStrictEqual({ idNumber: sampleIdentity(1).idNumber, name: sampleIdentity(1).name, source: 'idCard' });
    expect(caseResident(store.db, store.key, 'no-such-case')).toBeNull();
    expect(auditOf(id)).toStrictEqual([{ at: new Date(T0).toISOString(), action: 'case.opened', operatorId: 'clerk-li', channel: 'assisted', subject: 'masked', detail: { caseId: id, itemCode: 'JOB-08' } }]);

    const older = open(T0 + 1000, other);
    const newer = open(T0 + 2000, other);
    const third = open(T0 + 3000, other);
    const ref = store.key.residentRef(other.idNumber);
    expect(casesOfResident(store.db, ref, 10).map((c) => c.id)).toEqual([third, newer, older]);
    expect(casesOfResident(store.db, ref, 2).map((c) => c.id)).toEqual([third, newer]);
  });

  it.each<[string, Pick<CaseStep, 'missing' | 'materials'>]>([
    ['missing', { missing: { text: { 'zh-CN': '缺照片', en: 'photo missing' }, materials: ['photo'] } }],
    ['materials', { materials: ['hukou', 'photo'] }],
    ['none', {}],
  ])('a point step keeps its body (%s), moves the case, writes its outbox item and audit entry', (_name, extra) => {
    const id = open(T0);
    const send = { ...step('send', 'sent', T0 + 1000), ...extra };
    const outboxId = uuid();
    expect(recordPointStep(store.db, store.key, id, 'opened', send, { outboxId, kind: 'caseStep', payload: { caseId: id, step: send } })).toBe(true);
    const held = getCase(store.db, id)!;
    expect(held.steps[1]).toStrictEqual(send);
    expect(held).toMatchObject({ state: 'sent', updatedAt: new Date(T0 + 1000).toISOString(), materials: extra.materials ?? ['hukou'] });
    expect(store.db.prepare('SELECT kind, resident_ref, submission_id, created_at, state FROM outbox WHERE id = ?').get(outboxId)).toStrictEqual({
      kind: 'caseStep',
      resident_ref: store.key.residentRef(sampleIdentity(1).idNumber),
      submission_id: null,
      created_at: new Date(T0 + 1000).toISOString(),
      state: 'pending',
    });
    expect(auditOf(id).map((a) => [a.action, a.operatorId, a.channel, a.subject])).toEqual([
      ['case.send', 'clerk-li', 'assisted', null],
      ['case.opened', 'clerk-li', 'assisted', 'masked'],
    ]);
  });

  it('an outcome for an unknown id is null; one that moves nothing keeps updated_at, one that moves stamps the last step', () => {
    expect(applyCaseOutcome(store.db, 'no-such-case', 1, { state: 'done', steps: [] })).toBeNull();
    const id = open(T0);
    expect(applyCaseOutcome(store.db, id, 1, { state: 'opened', steps: [] })).toStrictEqual({ state: 'opened', applied: 0 });
    expect(getCase(store.db, id)!.updatedAt).toBe(new Date(T0).toISOString());
    // The seq was stored: the same seq again is ignored even with steps that would fit.
    expect(recordPointStep(store.db, store.key, id, 'opened', step('send', 'sent', T0 + 1000), { outboxId: uuid(), kind: 'caseStep', payload: { caseId: id, step: step('send', 'sent', T0 + 1000) } })).toBe(true);
    const take = step('take', 'atTownship', T0 + 5000, 'tuwo');
    expect(applyCaseOutcome(store.db, id, 1, { state: 'atTownship', steps: [take] })).toStrictEqual({ state: 'sent', applied: 0 });
    expect(applyCaseOutcome(store.db, id, 2, { state: 'atTownship', steps: [take, step('finish', 'done', T0 + 6000, 'tuwo')] })).toStrictEqual({ state: 'done', applied: 2 });
    expect(getCase(store.db, id)).toMatchObject({ state: 'done', updatedAt: new Date(T0 + 6000).toISOString() });
  });

  it('an outcome page again: held steps (the point\'s own send among them) are not applied twice, an open step never moves a case, a step whose state disagrees with its move is skipped, updated_at from the last step', () => {
    const openStep = step('open', 'opened', T0);
    const id = uuid();
    openSampleCase(store, { id, caseNumber: `DB-${id.slice(-4)}`, dueAt: new Date(T0 + 10 * DAY).toISOString(), openStep });
    const sent = step('send', 'sent', T0 + 1000);
    expect(recordPointStep(store.db, store.key, id, 'opened', sent, { outboxId: uuid(), kind: 'caseStep', payload: { caseId: id, step: sent } })).toBe(true);
    const take = step('take', 'atTownship', T0 + 2000, 'tuwo');
    const back = step('return', 'returned', T0 + 3000, 'tuwo');
    // An open step the point does not hold (another id) is not a move: skipped, not thrown on.
    const page = [openStep, step('open', 'opened', T0, 'tuwo'), sent, take, back];
    expect(applyCaseOutcome(store.db, id, 1, { state: 'returned', steps: page })).toStrictEqual({ state: 'returned', applied: 2 });
    // The next page repeats them: the point's own send is held, so the returned case is not moved back to sent.
    expect(applyCaseOutcome(store.db, id, 2, { state: 'returned', steps: page })).toStrictEqual({ state: 'returned', applied: 0 });
    expect(getCase(store.db, id)!.updatedAt).toBe(new Date(T0 + 3000).toISOString());
    // Sent again; a finish that says "refused" is not applied, the refuse after it is, and a third step stamps updated_at.
    const again = step('send', 'sent', T0 + 4000);
    expect(recordPointStep(store.db, store.key, id, 'returned', again, { outboxId: uuid(), kind: 'caseStep', payload: { caseId: id, step: again } })).toBe(true);
    const steps = [step('take', 'atTownship', T0 + 5000, 'tuwo'), step('finish', 'refused', T0 + 6000, 'tuwo'), step('refuse', 'refused', T0 + 7000, 'tuwo')];
    expect(applyCaseOutcome(store.db, id, 3, { state: 'refused', steps })).toStrictEqual({ state: 'refused', applied: 2 });
    expect(getCase(store.db, id)).toMatchObject({ state: 'refused', updatedAt: new Date(T0 + 7000).toISOString() });
    expect(getCase(store.db, id)!.steps.map((x) => x.kind)).toEqual(['open', 'send', 'take', 'return', 'send', 'take', 'refuse']);
  });

  it('a resident sealed for one case does not open as another case\'s', () => {
    const [a, b] = [open(T0), open(T0, other)];
    store.db.prepare('UPDATE cases SET resident_enc = (SELECT resident_enc FROM cases WHERE id = ?) WHERE id = ?').run(a, b);
    expect(() => caseResident(store.db, store.key, b)).toThrow();
    expect(caseResident(store.db, store.key, a)).toMatchObject({ idNumber: sampleIdentity(1).idNumber });
  });

  it('purges exactly `days` after: acknowledged case items and handed-back residents, one audit entry; nothing due, nothing written', () => {
    const own = tempDataDir('cases-purge-');
    const s = openTestStore(own);
    const at0 = T0;
    const mk = () => {
      const id = uuid();
      openSampleCase(s, { id, caseNumber: `P-${id.slice(-4)}`, dueAt: new Date(at0 + DAY).toISOString(), openStep: step('open', 'opened', at0) });
      return id;
    };
    const [gone, kept] = [mk(), mk()];
    for (const id of [gone, kept]) sendSampleCase(s, id, step('send', 'sent', at0));
    // Both sent items acknowledged at at0; the first case then handed back at at0, the second only done.
    claimBatch(s.db, s.key, 10, 1e6);
    const items = s.db.prepare("SELECT id FROM outbox WHERE kind = 'caseStep'").all() as Array<{ id: string }>;
    settleBatch(s.db, items.map((i) => ({ id: i.id, outcome: 'acknowledged' as const })), new Date(at0).toISOString());
    applyCaseOutcome(s.db, gone, 1, { state: 'done', steps: [step('take', 'atTownship', at0, 'tuwo'), step('finish', 'done', at0, 'tuwo')] });
    applyCaseOutcome(s.db, kept, 1, { state: 'done', steps: [step('take', 'atTownship', at0, 'tuwo'), step('finish', 'done', at0, 'tuwo')] });
    expect(recordPointStep(s.db, s.key, gone, 'done', step('handBack', 'handedBack', at0), { outboxId: uuid(), kind: 'caseStep', payload: { caseId: gone, step: step('handBack', 'handedBack', at0) } })).toBe(true);
    const audits = () => recentAudit(s.db, 100).filter((a) => a.action === 'retention.purgedCases');

    expect(purgeCases(s.db, 7, new Date(at0 + 7 * DAY - 1))).toBe(0);
    expect(audits()).toStrictEqual([]);
    const at = new Date(at0 + 7 * DAY);
    // Two acknowledged items and one handed-back resident; the hand-back's own item is still pending.
    expect(purgeCases(s.db, 7, at)).toBe(3);
    expect(audits()).toStrictEqual([{ at: at.toISOString(), action: 'retention.purgedCases', operatorId: null, channel: null, subject: null, detail: { outbox: 2, residents: 1, olderThanDays: 7 } }]);
    expect(caseResident(s.db, s.key, gone)).toBeNull();
    expect(caseResident(s.db, s.key, kept)).toMatchObject({ source: 'idCard' });
    expect(s.db.prepare("SELECT state, payload_enc IS NULL AS purged FROM outbox WHERE kind = 'caseStep' ORDER BY seq").all()).toStrictEqual([
      { state: 'acknowledged', purged: 1 },
      { state: 'acknowledged', purged: 1 },
      { state: 'pending', purged: 0 },
    ]);
    expect(getCase(s.db, gone)!.steps.map((x) => x.kind)).toEqual(['open', 'send', 'take', 'finish', 'handBack']);
    expect(purgeCases(s.db, 7, new Date(at0 + 400 * DAY))).toBe(0);
    // Only a resident due (its hand-back item still pending): audited too.
    const handBack = step('handBack', 'handedBack', at0 + 400 * DAY);
    expect(recordPointStep(s.db, s.key, kept, 'done', handBack, { outboxId: uuid(), kind: 'caseStep', payload: { caseId: kept, step: handBack } })).toBe(true);
    const later = new Date(at0 + 407 * DAY);
    expect(purgeCases(s.db, 7, later)).toBe(1);
    expect(audits()[0]).toStrictEqual({ at: later.toISOString(), action: 'retention.purgedCases', operatorId: null, channel: null, subject: null, detail: { outbox: 0, residents: 1, olderThanDays: 7 } });
    s.close();
  });
});
