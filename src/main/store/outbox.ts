import { stmt } from './statements';
import type { Db } from './database';
import type { DataKey } from '../crypto/data-key';

export type OutboxState = 'pending' | 'sending' | 'acknowledged' | 'rejected';

export interface OutboxItem {
  seq: number;
  id: string;
  kind: string;
  submissionId: string | null;
  residentRef: string | null;
  createdAt: string;
  attempts: number;
  /** The decrypted county payload; null once purged. */
  payload: unknown;
}

interface OutboxRow {
  seq: number;
  id: string;
  kind: string;
  submission_id: string | null;
  resident_ref: string | null;
  payload_enc: Buffer | null;
  created_at: string;
  attempts: number;
}

export function outboxContext(id: string): string {
  return `outbox:${id}`;
}

export function insertOutboxItem(
  db: Db,
  key: DataKey,
  item: { id: string; kind: string; submissionId: string | null; residentRef: string | null; payload: unknown; createdAt: string },
): void {
  stmt(db, 'INSERT INTO outbox (id, kind, submission_id, resident_ref, payload_enc, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    item.id,
    item.kind,
    item.submissionId,
    item.residentRef,
    key.sealJson(item.payload, outboxContext(item.id)),
    item.createdAt,
  );
}

/** After a crash, items caught mid-send are simply pending again: the county deduplicates by id. */
export function resetSending(db: Db): number {
  return stmt(db, "UPDATE outbox SET state = 'pending' WHERE state = 'sending'").run().changes;
}

/** Why an item was set aside without being sent: it cannot be read on this kiosk any more. */
export const DAMAGED_PAYLOAD = 'damaged:payload';
export const DAMAGED_ATTACHMENT = 'damaged:attachment';

/**
 * The next batch in submission order, within an item count and an encrypted-byte budget (always at least one
 * item, so one large item cannot block the queue). Marks them 'sending' in the same transaction. Each payload is
 * opened on its own: one that fails to decrypt or parse is set aside as rejected (`damaged:payload`, a terminal
 * state a clerk sees among the rejected items) and the batch goes on without it.
 */
export function claimBatch(db: Db, key: DataKey, maxItems: number, maxBytes: number): OutboxItem[] {
  const claim = db.transaction(() => {
    const rows = stmt(db, "SELECT seq, id, kind, submission_id, resident_ref, payload_enc, created_at, attempts FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?")
      .all(maxItems) as OutboxRow[];
    const picked: OutboxRow[] = [];
    let bytes = 0;
    for (const row of rows) {
      const size = row.payload_enc?.length ?? 0;
      if (picked.length > 0 && bytes + size > maxBytes) break;
      picked.push(row);
      bytes += size;
    }
    const mark = stmt(db, "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE seq = ?");
    const items: OutboxItem[] = [];
    const damaged: string[] = [];
    for (const row of picked) {
      let payload: unknown = null;
      try {
        payload = row.payload_enc === null ? null : key.openJson(row.payload_enc, outboxContext(row.id));
      } catch {
        damaged.push(row.id);
        continue;
      }
      mark.run(row.seq);
      items.push({
        seq: row.seq,
        id: row.id,
        kind: row.kind,
        submissionId: row.submission_id,
        residentRef: row.resident_ref,
        createdAt: row.created_at,
        attempts: row.attempts + 1,
        payload,
      });
    }
    for (const id of damaged) setAside(db, id, DAMAGED_PAYLOAD);
    return items;
  });
  return claim.immediate();
}

/** Sets one item aside as rejected for a reason found on the kiosk (never sent); its submission follows. */
export function setAside(db: Db, id: string, reason: string): void {
  const aside = db.transaction(() => {
    if (stmt(db, "UPDATE outbox SET state = 'rejected', reject_reason = ? WHERE id = ? AND state IN ('pending','sending')").run(reason, id).changes > 0) {
      stmt(db, "UPDATE submissions SET status = 'rejected', reject_reason = ? WHERE id = (SELECT submission_id FROM outbox WHERE id = ?)").run(reason, id);
    }
  });
  aside.immediate();
}

export type ItemOutcome = { id: string; outcome: 'acknowledged' } | { id: string; outcome: 'rejected'; reason: string } | { id: string; outcome: 'retry'; reason: string };

/** Applies the county's per-item answers in one transaction; the submission row follows its outbox item. */
export function settleBatch(db: Db, outcomes: readonly ItemOutcome[], at: string): void {
  const settle = db.transaction(() => {
    const ack = stmt(db, "UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?, last_error = NULL WHERE id = ? AND state = 'sending'");
    const ackSub = stmt(db, "UPDATE submissions SET status = 'acknowledged', acknowledged_at = ? WHERE id = (SELECT submission_id FROM outbox WHERE id = ?)");
    const reject = stmt(db, "UPDATE outbox SET state = 'rejected', reject_reason = ? WHERE id = ? AND state = 'sending'");
    const rejectSub = stmt(db, "UPDATE submissions SET status = 'rejected', reject_reason = ? WHERE id = (SELECT submission_id FROM outbox WHERE id = ?)");
    const retry = stmt(db, "UPDATE outbox SET state = 'pending', last_error = ? WHERE id = ? AND state = 'sending'");
    for (const o of outcomes) {
      if (o.outcome === 'acknowledged') {
        if (ack.run(at, o.id).changes > 0) ackSub.run(at, o.id);
      } else if (o.outcome === 'rejected') {
        if (reject.run(o.reason, o.id).changes > 0) rejectSub.run(o.reason, o.id);
      } else {
        retry.run(o.reason, o.id);
      }
    }
  });
  settle.immediate();
}

/** A failed round: the whole claimed batch goes back to pending with the reason. Returns how many were still sending. */
export function releaseBatch(db: Db, ids: readonly string[], reason: string): number {
  const release = db.transaction(() => {
    const back = stmt(db, "UPDATE outbox SET state = 'pending', last_error = ? WHERE id = ? AND state = 'sending'");
    let released = 0;
    for (const id of ids) released += back.run(reason, id).changes;
    return released;
  });
  return release.immediate();
}

export interface OutboxCounts {
  pending: number;
  rejected: number;
  acknowledged: number;
  oldestPendingAt: string | null;
}

export function outboxCounts(db: Db): OutboxCounts {
  const row = stmt(db, 
      `SELECT
         SUM(state IN ('pending','sending')) AS pending,
         SUM(state = 'rejected' AND resolved_at IS NULL) AS rejected,
         SUM(state = 'acknowledged') AS acknowledged,
         MIN(CASE WHEN state IN ('pending','sending') THEN created_at END) AS oldest
       FROM outbox`,
    )
    .get() as { pending: number | null; rejected: number | null; acknowledged: number | null; oldest: string | null };
  return { pending: row.pending ?? 0, rejected: row.rejected ?? 0, acknowledged: row.acknowledged ?? 0, oldestPendingAt: row.oldest };
}

export interface RejectedItem {
  id: string;
  kind: string;
  submissionId: string | null;
  createdAt: string;
  reason: string;
}

export function rejectedItems(db: Db): RejectedItem[] {
  return (
    stmt(db, "SELECT id, kind, submission_id, created_at, reject_reason FROM outbox WHERE state = 'rejected' AND resolved_at IS NULL ORDER BY seq")
      .all() as Array<{ id: string; kind: string; submission_id: string | null; created_at: string; reject_reason: string | null }>
  ).map((r) => ({ id: r.id, kind: r.kind, submissionId: r.submission_id, createdAt: r.created_at, reason: r.reject_reason ?? '' }));
}

/** A clerk has dealt with a rejected item (called the resident, resubmitted at the window...). It stays in the table. */
export function resolveRejected(db: Db, id: string, staffId: string, at: string): boolean {
  return stmt(db, "UPDATE outbox SET resolved_by = ?, resolved_at = ? WHERE id = ? AND state = 'rejected' AND resolved_at IS NULL").run(staffId, at, id).changes > 0;
}
