import { randomUUID } from 'node:crypto';
import { KIOSK_ROLES, type Account, type Scope, type StaffRole } from '../../shared/console/api';
import type { StaffAccount } from '../../shared/sync/protocol';
import { publishConfigPart } from '../county-state';
import type { Updateable } from 'kysely';
import type { CountyQuery } from '../db/connection';
import type { CountyTables } from '../db/tables';
import { inTransaction } from '../db/transaction';
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

const load = async (q: CountyQuery, id: string) => {
  const row = await q.selectFrom('staff_register').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...toStaff(row), updatedAt: row.updated_at } : null;
};

/** May this manager touch an account with these roles and this scope? */
function mayManage(manager: Scope, roles: readonly StaffRole[], scope: Scope): boolean {
  if (manager.kind === 'county') return true;
  return isKioskAccount(roles) && scopeWithin(manager, scope);
}

export async function accountsInScope(q: CountyQuery, manager: Scope): Promise<Account[]> {
  const rows = await q.selectFrom('staff_register').selectAll().orderBy('username').execute();
  return rows.map((r) => ({ ...toStaff(r), updatedAt: r.updated_at })).filter((s) => manager.kind === 'county' || scopeWithin(manager, s.scope)).map(toAccount);
}

/** The kiosks' staff list from the register: every kiosk account, disabled ones marked so (never dropped silently). */
export async function publishKioskStaff(q: CountyQuery): Promise<number> {
  const rows = await q.selectFrom('staff_register').selectAll().orderBy('username').execute();
  const list: StaffAccount[] = rows
    .map(toStaff)
    .filter((s) => isKioskAccount(s.roles))
    .map((s) => ({ id: s.id, username: s.username, displayName: s.displayName, roles: s.roles as StaffAccount['roles'], passwordHash: s.passwordHash, disabled: s.disabled }));
  return publishConfigPart(q, 'staff', list);
}

async function hashFor(roles: readonly StaffRole[], password: string): Promise<string> {
  // Kiosk accounts carry the hash format the kiosk verifies; console accounts the stronger, self-describing one.
  return isKioskAccount(roles) ? hashKioskPassword(password) : hashConsolePassword(password);
}

export async function createAccount(
  q: CountyQuery,
  manager: Scope,
  input: { username: string; displayName: string; roles: StaffRole[]; scope: Scope; password: string },
  now: number,
): Promise<AccountOutcome> {
  if (!mayManage(manager, input.roles, input.scope)) return { ok: false, status: 403, error: 'forbidden' };
  if (await q.selectFrom('staff_register').select('id').where('username', '=', input.username).executeTakeFirst()) return { ok: false, status: 409, error: 'conflict' };
  const passwordHash = await hashFor(input.roles, input.password);
  const id = `staff-${randomUUID()}`;
  await inTransaction(q, async (trx) => {
    await insertStaff(trx, { id, username: input.username, displayName: input.displayName, roles: input.roles, scope: input.scope, passwordHash }, now);
    if (isKioskAccount(input.roles)) await publishKioskStaff(trx);
  });
  return { ok: true, account: toAccount((await load(q, id))!) };
}

/** Finds an account the manager may change; 404 when it lies outside the manager's scope. */
async function managed(q: CountyQuery, manager: Scope, id: string): Promise<(StaffRecord & { updatedAt: number }) | AccountOutcome> {
  const account = await load(q, id);
  if (!account || (manager.kind !== 'county' && !scopeWithin(manager, account.scope))) return { ok: false, status: 404, error: 'not_found' };
  if (!mayManage(manager, account.roles, account.scope)) return { ok: false, status: 403, error: 'forbidden' };
  return account;
}

type StaffChange = Updateable<CountyTables['staff_register']>;

async function changed(q: CountyQuery, account: StaffRecord, now: number, change: StaffChange): Promise<AccountOutcome> {
  await inTransaction(q, async (trx) => {
    await trx.updateTable('staff_register').set({ ...change, updated_at: now }).where('id', '=', account.id).execute();
    if (isKioskAccount(account.roles)) await publishKioskStaff(trx);
  });
  return { ok: true, account: toAccount((await load(q, account.id))!) };
}

export async function updateAccount(q: CountyQuery, manager: Scope, id: string, input: { displayName: string; scope: Scope }, now: number): Promise<AccountOutcome> {
  const account = await managed(q, manager, id);
  if ('ok' in account) return account;
  if (!mayManage(manager, account.roles, input.scope)) return { ok: false, status: 403, error: 'forbidden' };
  return changed(q, account, now, { display_name: input.displayName, scope: JSON.stringify(input.scope), scope_township: townshipOfScope(input.scope) });
}

/** Disabling ends the account's console sessions now; kiosks refuse it from their next config round. */
export async function setDisabled(q: CountyQuery, manager: Scope, id: string, disabled: boolean, now: number): Promise<AccountOutcome> {
  const account = await managed(q, manager, id);
  if ('ok' in account) return account;
  const outcome = await changed(q, account, now, { disabled: disabled ? 1 : 0 });
  if (disabled) await closeSessionsOf(q, id);
  return outcome;
}

/** A new password set by a manager; it also lifts a lockout and ends the account's console sessions. */
export async function resetPassword(q: CountyQuery, manager: Scope, id: string, password: string, now: number): Promise<AccountOutcome> {
  const account = await managed(q, manager, id);
  if ('ok' in account) return account;
  const hash = await hashFor(account.roles, password);
  await closeSessionsOf(q, id);
  return changed(q, account, now, { password_hash: hash, failed_attempts: 0, locked_until: null });
}
