import { CONSOLE_ROLES } from '../../shared/console/api';
import type { CountyDb } from '../county-db';
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
export async function consoleLogin(db: CountyDb, username: string, password: string, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): Promise<LoginOutcome> {
  const reserved = db
    .prepare(
      `UPDATE staff_register SET
         failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= @now THEN 1 ELSE failed_attempts + 1 END,
         locked_until = CASE
           WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= @now THEN 1 ELSE failed_attempts + 1 END) >= @max THEN @lockUntil
           ELSE NULL END
       WHERE username = @username AND (locked_until IS NULL OR locked_until <= @now)
       RETURNING *`,
    )
    .get({ now, max: policy.maxFailures, lockUntil: now + policy.lockMs, username }) as Parameters<typeof toStaff>[0] | undefined;
  if (!reserved) {
    const row = db.prepare('SELECT * FROM staff_register WHERE username = ?').get(username) as Parameters<typeof toStaff>[0] | undefined;
    if (row) return { ok: false, reason: 'account_locked', retryAt: row.locked_until ?? now + policy.lockMs, staff: toStaff(row) };
    decoyHash ??= hashPassword('decoy-password-never-matches');
    await verifyPassword(password, await decoyHash);
    return { ok: false, reason: 'bad_credentials' };
  }
  const staff = toStaff(reserved);
  if (!(await verifyPassword(password, staff.passwordHash))) {
    return staff.lockedUntil !== null ? { ok: false, reason: 'account_locked', retryAt: staff.lockedUntil, staff } : { ok: false, reason: 'bad_credentials', staff };
  }
  db.prepare('UPDATE staff_register SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(staff.id);
  if (staff.disabled) return { ok: false, reason: 'account_disabled', staff };
  if (!staff.roles.some((r) => CONSOLE_ROLES.includes(r))) return { ok: false, reason: 'forbidden', staff };
  if (needsRehash(staff.passwordHash)) setPasswordHash(db, staff.id, await hashPassword(password, CURRENT_PARAMS), now);
  return { ok: true, staff: { ...staff, failedAttempts: 0, lockedUntil: null } };
}
