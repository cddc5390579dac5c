import { ScopeSchema, StaffRoleSchema, type Scope, type StaffRole } from '../../shared/console/api';
import type { CountyDb } from '../county-db';
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

export function staffById(db: CountyDb, id: string): StaffRecord | null {
  const row = db.prepare('SELECT * FROM staff_register WHERE id = ?').get(id) as StaffRow | undefined;
  return row ? toStaff(row) : null;
}

export function insertStaff(
  db: CountyDb,
  account: { id: string; username: string; displayName: string; roles: StaffRole[]; scope: Scope; passwordHash: string; disabled?: boolean },
  now: number,
): void {
  db.prepare(
    'INSERT INTO staff_register (id, username, display_name, roles, scope, scope_township, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    account.id,
    account.username,
    account.displayName,
    JSON.stringify(account.roles),
    JSON.stringify(account.scope),
    townshipOfScope(account.scope),
    account.passwordHash,
    account.disabled ? 1 : 0,
    now,
    now,
  );
}

export function setPasswordHash(db: CountyDb, id: string, passwordHash: string, now: number): void {
  db.prepare('UPDATE staff_register SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, now, id);
}
