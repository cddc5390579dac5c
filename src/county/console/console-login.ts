import { CONSOLE_ROLES } from '../../shared/console/api';
import { sql } from 'kysely';
import type { CountyQuery } from '../db/connection';
import { CURRENT_PARAMS, hashPassword, needsRehash, verifyPassword } from './password-hash';
import { setPasswordHash, toStaff, type StaffRecord } from './staff-register';

export interface LockoutPolicy {
  /** Wrong passwords in a row before the account locks. */
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

export type LoginOutcome =
  | { ok: true; staff: StaffRecord }
  | { ok: false; reason: 'bad_credentials' | 'account_disabled' | 'forbidden'; staff?: StaffRecord }
  | { ok: false; reason: 'account_locked'; retryAt: number; staff?: StaffRecord };

// Verified against when the username is unknown, so a wrong name costs as long as a wrong password.
let decoyHash: Promise<string> | null = null;

/**
 * Checks a console sign-in. The attempt is counted BEFORE the password is checked, in one UPDATE that also
 * refuses when the account is locked: however many attempts arrive at once, at most `maxFailures` are ever
 * checked before the lock, and a right password only clears the count after it has been verified.
 */
export async function consoleLogin(q: CountyQuery, username: string, password: string, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): Promise<LoginOutcome> {
  // The attempt after an expired lock counts as the first again.
  const attempt = sql<number>`CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 1 ELSE failed_attempts + 1 END`;
  const reserved = await q
    .updateTable('staff_register')
    .set({
      failed_attempts: attempt,
      // typed: PostgreSQL reads an untyped parameter in CASE as text
      locked_until: sql<number | null>`CASE WHEN (${attempt}) >= ${policy.maxFailures} THEN CAST(${now + policy.lockMs} AS BIGINT) ELSE NULL END`,
    })
    .where('username', '=', username)
    .where((e) => e.or([e('locked_until', 'is', null), e('locked_until', '<=', now)]))
    .returningAll()
    .executeTakeFirst();
  if (!reserved) {
    const row = await q.selectFrom('staff_register').selectAll().where('username', '=', username).executeTakeFirst();
    if (row) return { ok: false, reason: 'account_locked', retryAt: row.locked_until ?? now + policy.lockMs, staff: toStaff(row) };
    decoyHash ??= hashPassword('decoy-password-never-matches');
    await verifyPassword(password, await decoyHash);
    return { ok: false, reason: 'bad_credentials' };
  }
  const staff = toStaff(reserved);
  if (!(await verifyPassword(password, staff.passwordHash))) {
    return staff.lockedUntil !== null ? { ok: false, reason: 'account_locked', retryAt: staff.lockedUntil, staff } : { ok: false, reason: 'bad_credentials', staff };
  }
  await q.updateTable('staff_register').set({ failed_attempts: 0, locked_until: null }).where('id', '=', staff.id).execute();
  if (staff.disabled) return { ok: false, reason: 'account_disabled', staff };
  if (!staff.roles.some((r) => CONSOLE_ROLES.includes(r))) return { ok: false, reason: 'forbidden', staff };
  if (needsRehash(staff.passwordHash)) await setPasswordHash(q, staff.id, await hashPassword(password, CURRENT_PARAMS), now);
  return { ok: true, staff: { ...staff, failedAttempts: 0, lockedUntil: null } };
}
