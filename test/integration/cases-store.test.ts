import { applyCaseOutcome, getCase, listCases } from '../../src/main/store/cases';
import type { CaseStep } from '../../src/shared/cases/case-record';
import { isCaseOverdue } from '../../src/shared/cases/case-state';
import { caseStep, openSampleCase, sendSampleCase } from '../support/case-fixtures';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

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
