import { createHash, randomBytes } from 'node:crypto';
import type { CountyQuery } from '../db/connection';

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

export async function openSession(q: CountyQuery, staffId: string, now: number): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  await q.insertInto('console_sessions').values({ id_hash: digest(token), staff_id: staffId, csrf, created_at: now, last_seen: now }).execute();
  return { token, csrf };
}

export type SessionLookup = { state: 'active'; staffId: string; csrf: string } | { state: 'expired' } | { state: 'unknown' };

/** Finds the session of a cookie token and, when it is live, counts this request as activity. */
export async function touchSession(q: CountyQuery, token: string, now: number, policy: SessionPolicy): Promise<SessionLookup> {
  const id = digest(token);
  const row = await q.selectFrom('console_sessions').select(['staff_id', 'csrf', 'created_at', 'last_seen']).where('id_hash', '=', id).executeTakeFirst();
  if (!row) return { state: 'unknown' };
  if (now - row.last_seen > policy.idleMs || now - row.created_at > policy.absoluteMs) {
    await q.deleteFrom('console_sessions').where('id_hash', '=', id).execute();
    return { state: 'expired' };
  }
  await q.updateTable('console_sessions').set({ last_seen: now }).where('id_hash', '=', id).execute();
  return { state: 'active', staffId: row.staff_id, csrf: row.csrf };
}

export async function closeSession(q: CountyQuery, token: string): Promise<void> {
  await q.deleteFrom('console_sessions').where('id_hash', '=', digest(token)).execute();
}

export async function closeSessionsOf(q: CountyQuery, staffId: string): Promise<number> {
  const result = await q.deleteFrom('console_sessions').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
