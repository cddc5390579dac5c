import { createHmac, randomBytes } from 'node:crypto';
import { stmt } from './statements';
import type { Db } from './database';

/**
 * Distinct residents served in a month, counted without keeping who. Each month has its own random key; a
 * resident is a 16-byte tag HMAC(key, ID number), stored once per month. Closing a month keeps the count and
 * deletes the key and every tag, after which no tag can be tied to a person (not even by hashing every ID number).
 * Chosen over a HyperLogLog sketch because the report must equal the records exactly; the set lives a month at
 * most and holds nothing readable.
 */
export function noteResidentServed(db: Db, month: string, idNumber: string): void {
  if (stmt(db, 'SELECT 1 FROM resident_tally_closed WHERE month = ?').get(month)) return; // counted and frozen
  let row = stmt(db, 'SELECT key FROM resident_tally_keys WHERE month = ?').get(month) as { key: Buffer } | undefined;
  if (!row) {
    stmt(db, 'INSERT OR IGNORE INTO resident_tally_keys (month, key) VALUES (?, ?)').run(month, randomBytes(32));
    row = stmt(db, 'SELECT key FROM resident_tally_keys WHERE month = ?').get(month) as { key: Buffer };
  }
  const tag = createHmac('sha256', row.key).update(idNumber.toUpperCase()).digest().subarray(0, 16);
  stmt(db, 'INSERT OR IGNORE INTO resident_tally (month, tag) VALUES (?, ?)').run(month, tag);
}

export function distinctResidents(db: Db, month: string): number {
  const closed = stmt(db, 'SELECT distinct_residents AS n FROM resident_tally_closed WHERE month = ?').get(month) as { n: number } | undefined;
  if (closed) return closed.n;
  return (stmt(db, 'SELECT COUNT(*) AS n FROM resident_tally WHERE month = ?').get(month) as { n: number }).n;
}

/** Freezes the count of every month before `current` and forgets its key and tags. Returns the months closed. */
export function closeResidentMonths(db: Db, current: string, at: string): string[] {
  const close = db.transaction(() => {
    const open = (stmt(db, 'SELECT month FROM resident_tally_keys WHERE month < ? UNION SELECT DISTINCT month FROM resident_tally WHERE month < ?').all(current, current) as Array<{
      month: string;
    }>).map((r) => r.month);
    for (const month of open) {
      const n = (stmt(db, 'SELECT COUNT(*) AS n FROM resident_tally WHERE month = ?').get(month) as { n: number }).n;
      stmt(db, 'INSERT OR IGNORE INTO resident_tally_closed (month, distinct_residents, closed_at) VALUES (?, ?, ?)').run(month, n, at);
      stmt(db, 'DELETE FROM resident_tally WHERE month = ?').run(month);
      stmt(db, 'DELETE FROM resident_tally_keys WHERE month = ?').run(month);
    }
    return open;
  });
  return close.immediate();
}
