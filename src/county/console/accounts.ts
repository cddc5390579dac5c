import { randomUUID } from 'node:crypto';
import { KIOSK_ROLES, type Account, type Scope, type StaffRole } from '../../shared/console/api';
import type { StaffAccount } from '../../shared/sync/protocol';
import { publishConfigPart } from '../county-state';
import type { CountyDb } from '../county-db';
import { hashPassword as hashKioskPassword } from '../passwords';
import { closeSessionsOf } from './console-sessions';
import { hashPassword as hashConsolePassword } from './password-hash';
import { scopeWithin, townshipOfScope } from './scope';
import { insertStaff, toStaff, type StaffRecord } from './staff-register';

/**
 * The staff register's changes from the console: create, rescope, disable/enable, reset password. A township may
 * manage kiosk accounts (clerks, technicians) inside its own township; the county admin manages every account.
 * Any change to a kiosk account republishes the kiosks' staff list, so the kiosks follow at their next config round.
 */
export type AccountOutcome = { ok: true; account: Account } | { ok: false; status: 403 | 404 | 409; error: 'forbidden' | 'not_found' | 'conflict' };

const isKioskAccount = (roles: readonly StaffRole[]) => roles.every((r) => KIOSK_ROLES.includes(r));

export const toAccount = (s: StaffRecord & { updatedAt: number }): Account => ({
  id: s.id,
  username: s.username,
  displayName: s.displayName,
  roles: s.roles,
  scope: s.scope,
  disabled: s.disabled,
  lockedUntil: s.lockedUntil === null ? null : new Date(s.lockedUntil).toISOString(),
  updatedAt: new Date(s.updatedAt).toISOString(),
});

type Row = Parameters<typeof toStaff>[0] & { updated_at: number };
const load = (db: CountyDb, id: string) => {
  const row = db.prepare('SELECT * FROM staff_register WHERE id = ?').get(id) as Row | undefined;
  return row ? { ...toStaff(row), updatedAt: row.updated_at } : null;
};

/** May this manager touch an account with these roles and this scope? */
function mayManage(manager: Scope, roles: readonly StaffRole[], scope: Scope): boolean {
  if (manager.kind === 'county') return true;
  return isKioskAccount(roles) && scopeWithin(manager, scope);
}

export function accountsInScope(db: CountyDb, manager: Scope): Account[] {
  const rows = db.prepare('SELECT * FROM staff_register ORDER BY username').all() as Row[];
  return rows.map((r) => ({ ...toStaff(r), updatedAt: r.updated_at })).filter((s) => manager.kind === 'county' || scopeWithin(manager, s.scope)).map(toAccount);
}

/** The kiosks' staff list from the register: every kiosk account, disabled ones marked so (never dropped silently). */
export function publishKioskStaff(db: CountyDb): number {
  const rows = db.prepare('SELECT * FROM staff_register ORDER BY username').all() as Row[];
  const list: StaffAccount[] = rows
    .map(toStaff)
    .filter((s) => isKioskAccount(s.roles))
    .map((s) => ({ id: s.id, username: s.username, displayName: s.displayName, roles: s.roles as StaffAccount['roles'], passwordHash: s.passwordHash, disabled: s.disabled }));
  return publishConfigPart(db, 'staff', list);
}

async function hashFor(roles: readonly StaffRole[], password: string): Promise<string> {
  // Kiosk accounts carry the hash format the kiosk verifies; console accounts the stronger, self-describing one.
  return isKioskAccount(roles) ? hashKioskPassword(password) : hashConsolePassword(password);
}

export async function createAccount(
  db: CountyDb,
  manager: Scope,
  input: { username: string; displayName: string; roles: StaffRole[]; scope: Scope; password: string },
  now: number,
): Promise<AccountOutcome> {
  if (!mayManage(manager, input.roles, input.scope)) return { ok: false, status: 403, error: 'forbidden' };
  if (db.prepare('SELECT 1 FROM staff_register WHERE username = ?').get(input.username)) return { ok: false, status: 409, error: 'conflict' };
  const passwordHash = await hashFor(input.roles, input.password);
  const id = `staff-${randomUUID()}`;
  db.transaction(() => {
    insertStaff(db, { id, username: input.username, displayName: input.displayName, roles: input.roles, scope: input.scope, passwordHash }, now);
    if (isKioskAccount(input.roles)) publishKioskStaff(db);
  }).immediate();
  return { ok: true, account: toAccount(load(db, id)!) };
}

/** Finds an account the manager may change; 404 when it lies outside the manager's scope. */
function managed(db: CountyDb, manager: Scope, id: string): (StaffRecord & { updatedAt: number }) | AccountOutcome {
  const account = load(db, id);
  if (!account || (manager.kind !== 'county' && !scopeWithin(manager, account.scope))) return { ok: false, status: 404, error: 'not_found' };
  if (!mayManage(manager, account.roles, account.scope)) return { ok: false, status: 403, error: 'forbidden' };
  return account;
}

function changed(db: CountyDb, account: StaffRecord, now: number, sql: string, ...params: unknown[]): AccountOutcome {
  db.transaction(() => {
    db.prepare(`UPDATE staff_register SET ${sql}, updated_at = ? WHERE id = ?`).run(...params, now, account.id);
    if (isKioskAccount(account.roles)) publishKioskStaff(db);
  }).immediate();
  return { ok: true, account: toAccount(load(db, account.id)!) };
}

export function updateAccount(db: CountyDb, manager: Scope, id: string, input: { displayName: string; scope: Scope }, now: number): AccountOutcome {
  const account = managed(db, manager, id);
  if ('ok' in account) return account;
  if (!mayManage(manager, account.roles, input.scope)) return { ok: false, status: 403, error: 'forbidden' };
  return changed(db, account, now, 'display_name = ?, scope = ?, scope_township = ?', input.displayName, JSON.stringify(input.scope), townshipOfScope(input.scope));
}

/** Disabling ends the account's console sessions now; kiosks refuse it from their next config round. */
export function setDisabled(db: CountyDb, manager: Scope, id: string, disabled: boolean, now: number): AccountOutcome {
  const account = managed(db, manager, id);
  if ('ok' in account) return account;
  const outcome = changed(db, account, now, 'disabled = ?', disabled ? 1 : 0);
  if (disabled) closeSessionsOf(db, id);
  return outcome;
}

/** A new password set by a manager; it also lifts a lockout and ends the account's console sessions. */
export async function resetPassword(db: CountyDb, manager: Scope, id: string, password: string, now: number): Promise<AccountOutcome> {
  const account = managed(db, manager, id);
  if ('ok' in account) return account;
  const hash = await hashFor(account.roles, password);
  closeSessionsOf(db, id);
  return changed(db, account, now, 'password_hash = ?, failed_attempts = 0, locked_until = NULL', hash);
}
