import { applyOutcomes, outcomeOf, outcomesCursor } from '../../src/main/store/outcomes';
import type { ItemOutcome } from '../../src/shared/sync/outcomes';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

describe('outcomes in the store: the cursor kept, the latest outcome read back', () => {
  it('starts the cursor at 0 and keeps the one each page ends at', () => {
    const store = openTestStore(tempDataDir());
    expect(outcomesCursor(store.db)).toBe(0);
    expect(applyOutcomes(store.db, [], 17, '2026-12-01T08:00:00.000Z')).toStrictEqual({ applied: [], cases: [], stale: 0, unknown: 0 });
    expect(outcomesCursor(store.db)).toBe(17);
    applyOutcomes(store.db, [], 42, '2026-12-01T08:01:00.000Z');
    expect(outcomesCursor(store.db)).toBe(42);
    store.close();
  });

  it('reads back the latest outcome of a submission, none for one without, and none for a kept body that no longer reads', () => {
    const store = openTestStore(tempDataDir());
    const id = store.submit(sampleSubmission(0), new Date('2026-12-01T08:00:00Z')).submissionId;
    const other = store.submit(sampleSubmission(1), new Date('2026-12-01T08:00:00Z')).submissionId;
    expect(outcomeOf(store.db, id)).toBeNull();
    const outcome: ItemOutcome = { itemId: id, trackingNumber: 'T-1', seq: 3, state: 'done', at: '2026-12-01T09:00:00.000Z', steps: [] };
    expect(applyOutcomes(store.db, [outcome], 3, '2026-12-01T09:00:01.000Z')).toStrictEqual({ applied: [{ submissionId: id, state: 'done' }], cases: [], stale: 0, unknown: 0 });
    expect(outcomeOf(store.db, id)).toStrictEqual(outcome);
    expect(outcomeOf(store.db, other)).toBeNull();
    // The same seq again, an older one and an id this kiosk does not hold change nothing, each counted.
    const unknownId = '0196f000-0000-7000-8000-00000000abcd';
    expect(applyOutcomes(store.db, [outcome, { ...outcome, seq: 2, state: 'returned' }, { ...outcome, itemId: unknownId }], 4, '2026-12-01T09:00:02.000Z')).toStrictEqual({ applied: [], cases: [], stale: 2, unknown: 1 });
    expect(outcomeOf(store.db, id)).toStrictEqual(outcome);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM outcomes WHERE submission_id = ?').get(unknownId)).toStrictEqual({ n: 0 });
    expect(outcomeOf(store.db, unknownId)).toBeNull();
    store.db.prepare('UPDATE outcomes SET body = ? WHERE submission_id = ?').run(JSON.stringify({ ...outcome, seq: 0 }), id);
    expect(outcomeOf(store.db, id)).toBeNull();
    store.close();
  });
});
