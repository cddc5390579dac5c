import { ScopeSchema, StaffRoleSchema, type Scope, type StaffRole } from '../../shared/console/api';
import type { CountyQuery } from '../db/connection';
import { townshipOfScope } from './scope';

/**
 * The county's staff register (统一用户管理, the 台账): every account of every role, its scope and its password
 * hash. Console roles sign in to the console; kiosk roles (clerk, technician) reach the kiosks through config.
 */
export interface StaffRecord {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  scope: Scope;
  passwordHash: string;
  disabled: boolean;
  failedAttempts: number;
  lockedUntil: number | null;
}

interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  scope: string;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: number | null;
}

export const toStaff = (r: StaffRow): StaffRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: StaffRoleSchema.array().parse(JSON.parse(r.roles)),
  scope: ScopeSchema.parse(JSON.parse(r.scope)),
  passwordHash: r.password_hash,
  disabled: r.disabled === 1,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
});

export async function staffById(q: CountyQuery, id: string): Promise<StaffRecord | null> {
  const row: StaffRow | undefined = await q.selectFrom('staff_register').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStaff(row) : null;
}

export async function insertStaff(
  q: CountyQuery,
  account: { id: string; username: string; displayName: string; roles: StaffRole[]; scope: Scope; passwordHash: string; disabled?: boolean },
  now: number,
): Promise<void> {
  await q
    .insertInto('staff_register')
    .values({
      id: account.id,
      username: account.username,
      display_name: account.displayName,
      roles: JSON.stringify(account.roles),
      scope: JSON.stringify(account.scope),
      scope_township: townshipOfScope(account.scope),
      password_hash: account.passwordHash,
      disabled: account.disabled ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function setPasswordHash(q: CountyQuery, id: string, passwordHash: string, now: number): Promise<void> {
  await q.updateTable('staff_register').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
}
