import { randomUUID } from 'node:crypto';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { outcomeOf, outcomesCursor } from '../../src/main/store/outcomes';
import type { KioskStore } from '../../src/main/store/kiosk-store';
import { pullOutcomes } from '../../src/main/sync/outcome-pull';
import type { CheckedOutcomes, ItemOutcome } from '../../src/shared/sync/outcomes';
import { caseStep, openSampleCase, sendSampleCase } from '../support/case-fixtures';
import { scriptedCountyClient } from '../support/scripted-county-client';
import { sampleSubmission, testStores } from '../support/store-fixtures';

const stores = testStores('outcome-pull-');
const NOW = new Date('2026-12-01T09:30:00.000Z');
const now = () => NOW;

function submitted(store: KioskStore, n: number): string {
  return store.submit(sampleSubmission(n), new Date('2026-12-01T08:00:00.000Z')).submissionId;
}

const outcome = (itemId: string, seq: number, state: ItemOutcome['state'] = 'inProgress'): ItemOutcome => ({ itemId, trackingNumber: `T-${seq}`, seq, state, at: '2026-12-01T09:00:00.000Z', steps: [] });

/** A county that hands out the given pages in turn, and records the cursor each was asked from. */
function pagedCounty(pages: CheckedOutcomes[]) {
  const asked: number[] = [];
  const client = scriptedCountyClient({
    pullOutcomes: async (since) => {
      asked.push(since);
      const page = pages.shift();
      if (!page) throw new Error(`no page scripted after cursor ${since}`);
      return page;
    },
  });
  return { client, asked };
}

/** The warnings the pull logged, as objects. */
function warnings(lines: () => string[]): Array<Record<string, unknown>> {
  return lines()
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.level === 40 || entry.level === 'warn');
}

describe('pullOutcomes: page by page from the cursor the kiosk holds', () => {
  it('asks from the held cursor each page, applies every page with its cursor, and stops when the county has no more', async () => {
    const store = stores.open();
    const [a, b, c] = [submitted(store, 0), submitted(store, 1), submitted(store, 2)];
    const { client, asked } = pagedCounty([
      { cursor: 3, more: true, outcomes: [outcome(a, 1), outcome(b, 2, 'done')], refused: 0 },
      { cursor: 7, more: false, outcomes: [outcome(c, 7, 'returned')], refused: 0 },
    ]);
    const { logger, lines } = createMemoryLogger();
    expect(await pullOutcomes(store, client, logger, now)).toEqual({
      applied: [
        { submissionId: a, state: 'inProgress' },
        { submissionId: b, state: 'done' },
        { submissionId: c, state: 'returned' },
      ],
      cases: [],
    });
    expect(asked).toEqual([0, 3]);
    expect(outcomesCursor(store.db)).toBe(7);
    expect(outcomeOf(store.db, b)).toMatchObject({ seq: 2, state: 'done' });
    expect(store.db.prepare('SELECT received_at FROM outcomes WHERE submission_id = ?').get(c)).toEqual({ received_at: NOW.toISOString() });
    expect(warnings(lines)).toEqual([]);
  });

  it('a county that always says "more" is asked at most 20 pages in a round', async () => {
    const store = stores.open();
    const pages = Array.from({ length: 25 }, (_, i) => ({ cursor: i + 1, more: true, outcomes: [], refused: 0 }));
    const { client, asked } = pagedCounty(pages);
    const { logger } = createMemoryLogger();
    await pullOutcomes(store, client, logger, now);
    expect(asked).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(outcomesCursor(store.db)).toBe(20);
  });

  it('"more" with a cursor that did not move ends the round (it would fetch the same page forever)', async () => {
    const store = stores.open();
    const { client, asked } = pagedCounty([
      { cursor: 4, more: true, outcomes: [], refused: 0 },
      { cursor: 4, more: true, outcomes: [], refused: 0 },
      { cursor: 9, more: false, outcomes: [], refused: 0 },
    ]);
    const { logger } = createMemoryLogger();
    await pullOutcomes(store, client, logger, now);
    expect(asked).toEqual([0, 4]);
    expect(outcomesCursor(store.db)).toBe(4);
  });

  it('outcomes the county page refused, or for applications the kiosk does not hold, are logged with the cursor; the rest apply', async () => {
    const store = stores.open();
    const held = submitted(store, 3);
    const { client } = pagedCounty([
      { cursor: 2, more: true, outcomes: [outcome(randomUUID(), 1), outcome(held, 2)], refused: 0 },
      { cursor: 5, more: true, outcomes: [], refused: 2 },
      { cursor: 6, more: false, outcomes: [], refused: 0 },
    ]);
    const { logger, lines } = createMemoryLogger();
    const result = await pullOutcomes(store, client, logger, now);
    expect(result.applied).toEqual([{ submissionId: held, state: 'inProgress' }]);
    expect(warnings(lines).map(({ refused, unknown, cursor, msg }) => ({ refused, unknown, cursor, msg }))).toEqual([
      { refused: 0, unknown: 1, cursor: 2, msg: 'county outcomes refused' },
      { refused: 2, unknown: 0, cursor: 5, msg: 'county outcomes refused' },
    ]);
  });

  it('cases the county moved are handed back with their state after', async () => {
    const store = stores.open();
    const caseId = randomUUID();
    openSampleCase(store, { id: caseId, caseNumber: 'DB-0002', dueAt: '2026-12-11T01:00:00.000Z', openStep: caseStep('open', 'opened', '2026-12-01T01:00:00.000Z') });
    sendSampleCase(store, caseId, caseStep('send', 'sent', '2026-12-01T01:01:00.000Z'));
    const take = caseStep('take', 'atTownship', '2026-12-01T02:00:00.000Z', { id: 'tuwo', name: 'tuwo' });
    const moved: ItemOutcome = { itemId: caseId, trackingNumber: 'DB-0002', seq: 1, state: 'inProgress', at: take.at, steps: [], case: { state: 'atTownship', steps: [take] } };
    const { client } = pagedCounty([
      { cursor: 1, more: true, outcomes: [moved], refused: 0 },
      { cursor: 2, more: false, outcomes: [], refused: 0 },
    ]);
    const { logger } = createMemoryLogger();
    expect(await pullOutcomes(store, client, logger, now)).toEqual({ applied: [], cases: [{ caseId, state: 'atTownship' }] });
  });
});
