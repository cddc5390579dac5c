import { createHash, randomBytes } from 'node:crypto';
import type { CountyDb } from '../county-db';

/**
 * Console sessions. The cookie carries a random token; the database keeps only its SHA-256, so a copy of the
 * database opens no session. Each session has its own CSRF token. A session ends after `idleMs` without a request,
 * after `absoluteMs` in all, at logout, and when its account is disabled or its password reset.
 */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 15 * 60_000, absoluteMs: 12 * 3_600_000 };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export function openSession(db: CountyDb, staffId: string, now: number): { token: string; csrf: string } {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  db.prepare('INSERT INTO console_sessions (id_hash, staff_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)').run(digest(token), staffId, csrf, now, now);
  return { token, csrf };
}

export type SessionLookup = { state: 'active'; staffId: string; csrf: string } | { state: 'expired' } | { state: 'unknown' };

/** Finds the session of a cookie token and, when it is live, counts this request as activity. */
export function touchSession(db: CountyDb, token: string, now: number, policy: SessionPolicy): SessionLookup {
  const id = digest(token);
  const row = db.prepare('SELECT staff_id, csrf, created_at, last_seen FROM console_sessions WHERE id_hash = ?').get(id) as
    | { staff_id: string; csrf: string; created_at: number; last_seen: number }
    | undefined;
  if (!row) return { state: 'unknown' };
  if (now - row.last_seen > policy.idleMs || now - row.created_at > policy.absoluteMs) {
    db.prepare('DELETE FROM console_sessions WHERE id_hash = ?').run(id);
    return { state: 'expired' };
  }
  db.prepare('UPDATE console_sessions SET last_seen = ? WHERE id_hash = ?').run(now, id);
  return { state: 'active', staffId: row.staff_id, csrf: row.csrf };
}

export function closeSession(db: CountyDb, token: string): void {
  db.prepare('DELETE FROM console_sessions WHERE id_hash = ?').run(digest(token));
}

export function closeSessionsOf(db: CountyDb, staffId: string): number {
  return db.prepare('DELETE FROM console_sessions WHERE staff_id = ?').run(staffId).changes;
}
