import {
  DAMAGED_PAYLOAD,
  claimBatch,
  insertOutboxItem,
  outboxCounts,
  rejectedItems,
  releaseBatch,
  resetSending,
  resolveRejected,
  setAside,
  settleBatch,
} from '../../src/main/store/outbox';
import { stmt } from '../../src/main/store/statements';
import type { KioskStore } from '../../src/main/store/kiosk-store';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

/**
 * The outbox at each of its edges, on a real encrypted store: batches cut by item count and by encrypted bytes (the
 * budget itself allowed, the first item always taken), attempts counted, a payload that cannot be opened set aside
 * with its submission, the county's answers applied only to items being sent, a failed round put back, and the
 * counts and the rejected list a clerk sees.
 */

const AT = '2026-11-30T08:00:00.000Z';

describe('the outbox', () => {
  let store: KioskStore;
  beforeEach(() => {
    store = openTestStore(tempDataDir('outbox-'));
  });
  afterEach(() => store.close());

  const add = (id: string, payload: unknown, createdAt = AT, submissionId: string | null = null) =>
    insertOutboxItem(store.db, store.key, { id, kind: 'submission', submissionId, residentRef: null, payload, createdAt });
  const stateOf = (id: string) => stmt(store.db, 'SELECT state, attempts, last_error AS lastError, reject_reason AS reason FROM outbox WHERE id = ?').get(id);
  const sizeOf = (id: string) => (stmt(store.db, 'SELECT length(payload_enc) AS n FROM outbox WHERE id = ?').get(id) as { n: number }).n;

  it('cuts a batch by item count, in order, and counts the attempt', () => {
    for (const id of ['a', 'b', 'c']) add(id, { id });
    const batch = claimBatch(store.db, store.key, 2, 1e9);
    expect(batch.map((i) => [i.id, i.attempts, i.payload])).toEqual([
      ['a', 1, { id: 'a' }],
      ['b', 1, { id: 'b' }],
    ]);
    expect(batch[0]).toMatchObject({ kind: 'submission', submissionId: null, residentRef: null, createdAt: AT });
    expect(batch[1]!.seq).toBeGreaterThan(batch[0]!.seq);
    expect(stateOf('a')).toEqual({ state: 'sending', attempts: 1, lastError: null, reason: null });
    expect(stateOf('c')).toEqual({ state: 'pending', attempts: 0, lastError: null, reason: null });
    // What is being sent is not claimed again.
    expect(claimBatch(store.db, store.key, 10, 1e9).map((i) => i.id)).toEqual(['c']);
    expect(claimBatch(store.db, store.key, 10, 1e9)).toEqual([]);
  });

  it('cuts a batch by encrypted bytes: the budget itself fits, one byte less does not; the first item always goes', () => {
    add('a', { text: 'x'.repeat(100) });
    add('b', { text: 'y'.repeat(100) });
    const both = sizeOf('a') + sizeOf('b');
    expect(claimBatch(store.db, store.key, 10, both).map((i) => i.id)).toEqual(['a', 'b']);
    releaseBatch(store.db, ['a', 'b'], 'offline');
    expect(claimBatch(store.db, store.key, 10, both - 1).map((i) => i.id)).toEqual(['a']);
    releaseBatch(store.db, ['a'], 'offline');
    // A budget smaller than the first item still sends it (one large item must not block the queue).
    const first = claimBatch(store.db, store.key, 10, 1);
    expect(first.map((i) => [i.id, i.attempts])).toEqual([['a', 3]]);
  });

  it('sets a payload that cannot be opened aside as damaged, with its submission, and sends the rest', () => {
    add('a', { ok: 1 });
    add('b', { ok: 2 }, AT, null);
    stmt(store.db, "UPDATE outbox SET payload_enc = X'00010203' WHERE id = 'a'").run();
    const batch = claimBatch(store.db, store.key, 10, 1e9);
    expect(batch.map((i) => i.id)).toEqual(['b']);
    expect(stateOf('a')).toEqual({ state: 'rejected', attempts: 0, lastError: null, reason: DAMAGED_PAYLOAD });
    expect(rejectedItems(store.db)).toEqual([{ id: 'a', kind: 'submission', submissionId: null, createdAt: AT, reason: DAMAGED_PAYLOAD }]);
  });

  it('applies the county’s answers only to items being sent: acknowledged, rejected with its reason, retried with its error', () => {
    for (const id of ['a', 'b', 'c', 'd']) add(id, { id }, `2026-11-30T08:00:0${id.charCodeAt(0) - 97}.000Z`);
    claimBatch(store.db, store.key, 3, 1e9);
    settleBatch(
      store.db,
      [
        { id: 'a', outcome: 'acknowledged' },
        { id: 'b', outcome: 'rejected', reason: 'invalidIdNumber' },
        { id: 'c', outcome: 'retry', reason: 'busy' },
        // d was never claimed: an answer for it changes nothing.
        { id: 'd', outcome: 'acknowledged' },
      ],
      AT,
    );
    expect(stateOf('a')).toMatchObject({ state: 'acknowledged', lastError: null });
    expect(stmt(store.db, 'SELECT acknowledged_at AS at FROM outbox WHERE id = ?').get('a')).toEqual({ at: AT });
    expect(stateOf('b')).toMatchObject({ state: 'rejected', reason: 'invalidIdNumber' });
    expect(stateOf('c')).toMatchObject({ state: 'pending', lastError: 'busy' });
    expect(stateOf('d')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(outboxCounts(store.db)).toEqual({ pending: 2, rejected: 1, acknowledged: 1, oldestPendingAt: '2026-11-30T08:00:02.000Z' });
    // A late second answer does not undo the first.
    settleBatch(store.db, [{ id: 'a', outcome: 'rejected', reason: 'late' }, { id: 'b', outcome: 'acknowledged' }], AT);
    expect(stateOf('a')).toMatchObject({ state: 'acknowledged' });
    expect(stateOf('b')).toMatchObject({ state: 'rejected', reason: 'invalidIdNumber' });
  });

  it('puts a failed round back with its reason, and after a crash every item being sent is pending again', () => {
    add('a', 1);
    add('b', 2);
    claimBatch(store.db, store.key, 10, 1e9);
    releaseBatch(store.db, ['a'], 'offline');
    expect(stateOf('a')).toMatchObject({ state: 'pending', lastError: 'offline' });
    expect(stateOf('b')).toMatchObject({ state: 'sending' });
    expect(outboxCounts(store.db).pending).toBe(2);
    expect(resetSending(store.db)).toBe(1);
    expect(stateOf('b')).toMatchObject({ state: 'pending' });
    expect(resetSending(store.db)).toBe(0);
  });

  it('moves a submission with its outbox item, and only when the item itself moved', () => {
    const [a, b, c] = [0, 1, 2].map((n) => store.submit(sampleSubmission(n), new Date(AT)).submissionId);
    const submission = (id: string) => stmt(store.db, 'SELECT status, reject_reason AS reason FROM submissions WHERE id = ?').get(id);
    claimBatch(store.db, store.key, 2, 1e9);
    settleBatch(
      store.db,
      [
        { id: a!, outcome: 'acknowledged' },
        { id: b!, outcome: 'rejected', reason: 'invalidIdNumber' },
        // c is not being sent: its submission stays queued.
        { id: c!, outcome: 'acknowledged' },
      ],
      AT,
    );
    expect([submission(a!), submission(b!), submission(c!)]).toEqual([
      { status: 'acknowledged', reason: null },
      { status: 'rejected', reason: 'invalidIdNumber' },
      { status: 'queued', reason: null },
    ]);
    // A late contrary answer, and setting aside what is settled, leave both rows as they are.
    settleBatch(store.db, [{ id: a!, outcome: 'rejected', reason: 'late' }], AT);
    setAside(store.db, a!, 'damaged:attachment');
    expect(submission(a!)).toEqual({ status: 'acknowledged', reason: null });
    setAside(store.db, c!, 'damaged:attachment');
    expect(submission(c!)).toEqual({ status: 'rejected', reason: 'damaged:attachment' });
  });

  it('counts and lists the rejected until a clerk resolves them, once', () => {
    expect(outboxCounts(store.db)).toEqual({ pending: 0, rejected: 0, acknowledged: 0, oldestPendingAt: null });
    add('a', 1, '2026-11-30T07:00:00.000Z');
    add('b', 2, '2026-11-30T09:00:00.000Z');
    setAside(store.db, 'a', 'damaged:attachment');
    expect(stateOf('a')).toMatchObject({ state: 'rejected', reason: 'damaged:attachment' });
    // Setting aside what is already settled changes nothing.
    setAside(store.db, 'a', 'again');
    expect(stateOf('a')).toMatchObject({ reason: 'damaged:attachment' });
    expect(outboxCounts(store.db)).toEqual({ pending: 1, rejected: 1, acknowledged: 0, oldestPendingAt: '2026-11-30T09:00:00.000Z' });
    expect(resolveRejected(store.db, 'b', 'clerk-li', AT)).toBe(false);
    expect(resolveRejected(store.db, 'a', 'clerk-li', AT)).toBe(true);
    expect(resolveRejected(store.db, 'a', 'clerk-zhao', AT)).toBe(false);
    expect(stmt(store.db, 'SELECT resolved_by AS by, resolved_at AS at FROM outbox WHERE id = ?').get('a')).toEqual({ by: 'clerk-li', at: AT });
    expect(rejectedItems(store.db)).toEqual([]);
    expect(outboxCounts(store.db).rejected).toBe(0);
  });
});
