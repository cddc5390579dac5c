/** @jest-environment jsdom */
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import type { CaseView } from '../../shared/contract/methods/cases';
import { setupI18n } from '../i18n/setup';
import { CasesPanel } from './CasesPanel';
import { coreStandIn, renderOnCore } from '../../../test/support/core-stand-in';

/**
 * When the clerk's case list asks the core again: on records.changed (a step queued or settled, the county moved a
 * case) and with the session, not on every sync.progress. That the core sends records.changed when the county moves
 * a case is proven in test/integration/sync-engine-edges.test.ts.
 */
const CASE: CaseView = {
  id: 'c1',
  caseNumber: 'DB-0001',
  openedAt: '2026-12-01T01:00:00.000Z',
  itemCode: 'JOB-08',
  channel: 'assisted',
  operatorId: 'clerk-li',
  ownerName: 'li',
  residentMasked: '*S',
  consent: 'inPerson',
  materials: [],
  promisedDays: 10,
  dueAt: '2026-12-11T01:00:00.000Z',
  state: 'sent',
  overdue: false,
  steps: [],
  pointMoves: [],
};

describe("the clerk's cases follow the core", () => {
  beforeAll(async () => {
    await setupI18n('en');
  });

  it('asks again on records.changed, not on a sync round that changed nothing', async () => {
    let held: CaseView = CASE;
    const core = coreStandIn({
      'cases.list': () => ({ cases: [held] }),
      'session.current': () => null,
    });
    renderOnCore(core, <CasesPanel />);
    expect(await screen.findByText('Sent; waiting for the township')).toBeTruthy();
    expect(core.asked('cases.list')).toBe(1);

    const progress = { online: true, pending: 0, rejected: 0, oldestPendingAt: null, lastSyncAt: '2026-12-01T02:00:00.000Z', nextAttemptAt: null };
    await core.fire('sync.progress', progress);
    await core.fire('sync.progress', progress);
    expect(core.asked('cases.list')).toBe(1);

    // The county returned the case: the core says a record changed, and the list shows it.
    held = { ...CASE, state: 'returned' };
    await core.fire('records.changed', { cause: 'caseMoved' });
    expect(await screen.findByText('Returned: materials missing')).toBeTruthy();
    expect(core.asked('cases.list')).toBe(2);
    await core.fire('records.changed', { cause: 'settled' });
    expect(core.asked('cases.list')).toBe(3);
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('asks again when an open case reaches its due time, so its overdue flag shows with no event', async () => {
    // An hour before the case is due; the core flags it overdue once the time has passed.
    jest.useFakeTimers({ now: Date.parse('2026-12-11T00:00:00.000Z'), doNotFake: ['queueMicrotask', 'nextTick'] });
    const core = coreStandIn({
      'cases.list': () => ({ cases: [{ ...CASE, overdue: Date.now() > Date.parse(CASE.dueAt) }] }),
      'session.current': () => null,
    });
    renderOnCore(core, <CasesPanel />);
    await act(async () => undefined);
    expect(screen.getByText('Sent; waiting for the township')).toBeTruthy();
    expect(screen.queryByText(/Overdue/)).toBeNull();
    expect(core.asked('cases.list')).toBe(1);

    await act(async () => {
      jest.advanceTimersByTime(60 * 60_000 - 5_000);
    });
    expect(core.asked('cases.list')).toBe(1);
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(core.asked('cases.list')).toBe(2);
    expect(screen.getByText(/Overdue/)).toBeTruthy();
  });
});
