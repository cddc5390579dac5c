import { ScopeSchema, StaffRoleSchema } from '../shared/console/api';
import { SiteRecordSchema, type SiteRecord } from '../shared/commissioning/site-record';
import type { AcceptanceSigner, SiteRecordItem } from '../shared/sync/protocol';
import { consoleLogin } from './console/console-login';
import type { CountyDb } from './county-db';
import { canSeePoint } from './console/scope';

export type SiteRecordIntake = { id: string; status: 'accepted' | 'duplicate' | 'rejected'; reason?: string };

/**
 * Keeps a point's commissioning or acceptance record (called inside the batch intake transaction). The same outbox
 * id again is a duplicate; a record for another kiosk is refused; an acceptance must be signed by a township or
 * county account whose scope covers the point (checked again here, whatever the kiosk says), when the county keeps a
 * staff register.
 */
export function intakeSiteRecord(db: CountyDb, kioskId: string, item: SiteRecordItem, now: Date): SiteRecordIntake {
  const seen = db.prepare('SELECT kiosk_id FROM site_records WHERE item_id = ?').get(item.id) as { kiosk_id: string } | undefined;
  if (seen) return seen.kiosk_id === kioskId ? { id: item.id, status: 'duplicate' } : { id: item.id, status: 'rejected', reason: 'idTakenByAnotherKiosk' };
  const r = item.payload;
  if (r.kioskId !== kioskId) return { id: item.id, status: 'rejected', reason: 'recordOfAnotherKiosk' };
  // The point's registered division decides, not the one the record names.
  if (r.kind === 'acceptance' && !signerMayAccept(db, r.signedBy.id, registeredDivision(db, kioskId) ?? r.divisionCode)) return { id: item.id, status: 'rejected', reason: 'signerNotEntitled' };
  db.prepare('INSERT INTO site_records (item_id, kiosk_id, kind, record_id, passed, completed_at, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    item.id,
    kioskId,
    r.kind,
    r.recordId,
    r.passed ? 1 : 0,
    r.completedAt,
    now.toISOString(),
    JSON.stringify(r),
  );
  return { id: item.id, status: 'accepted' };
}

function registeredDivision(db: CountyDb, kioskId: string): string | null {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'points'").get()) return null;
  return (db.prepare('SELECT division_code FROM points WHERE kiosk_id = ?').get(kioskId) as { division_code: string } | undefined)?.division_code ?? null;
}

/** A township account of the point's township, or a county admin, not disabled. */
export function signerMayAccept(db: CountyDb, staffId: string, divisionCode: string): boolean {
  const register = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'staff_register'").get();
  if (!register) return true; // a bare reference county has no accounts to check against
  const row = db.prepare('SELECT roles, scope, disabled FROM staff_register WHERE id = ?').get(staffId) as { roles: string; scope: string; disabled: number } | undefined;
  if (!row || row.disabled) return false;
  const roles = StaffRoleSchema.array().parse(JSON.parse(row.roles));
  if (!roles.includes('township') && !roles.includes('countyAdmin')) return false;
  return canSeePoint(ScopeSchema.parse(JSON.parse(row.scope)), divisionCode);
}

export type SignerOutcome = { ok: true; signer: AcceptanceSigner } | { ok: false; status: 401 | 403 | 423; error: 'bad_credentials' | 'signer_not_entitled' | 'account_locked' };

/**
 * Checks an acceptance signer's credentials typed at a kiosk as a console sign-in (attempts counted before the check,
 * lockout), then that the account may accept this kiosk's point. A county with no register of points cannot tell.
 */
export async function confirmAcceptanceSigner(db: CountyDb, kioskId: string, username: string, password: string, now: number): Promise<SignerOutcome> {
  const division = registeredDivision(db, kioskId);
  if (!division) return { ok: false, status: 403, error: 'signer_not_entitled' };
  const login = await consoleLogin(db, username, password, now);
  if (!login.ok) return login.reason === 'account_locked' ? { ok: false, status: 423, error: 'account_locked' } : login.reason === 'bad_credentials' ? { ok: false, status: 401, error: 'bad_credentials' } : { ok: false, status: 403, error: 'signer_not_entitled' };
  if (!signerMayAccept(db, login.staff.id, division)) return { ok: false, status: 403, error: 'signer_not_entitled' };
  const role = login.staff.roles.includes('countyAdmin') ? 'countyAdmin' : 'township';
  return { ok: true, signer: { id: login.staff.id, name: login.staff.displayName.slice(0, 60), role } };
}

export interface StoredSiteRecord {
  record: SiteRecord;
  receivedAt: string;
}

/** A point's records (both kinds, or one), oldest first: what the console's programme table reads. */
export function siteRecordsOf(db: CountyDb, kioskId: string, kind?: SiteRecord['kind']): StoredSiteRecord[] {
  const rows = db
    .prepare(`SELECT body, received_at FROM site_records WHERE kiosk_id = ? ${kind ? 'AND kind = ?' : ''} ORDER BY completed_at, received_at`)
    .all(...(kind ? [kioskId, kind] : [kioskId])) as Array<{ body: string; received_at: string }>;
  return rows.map((r) => ({ record: SiteRecordSchema.parse(JSON.parse(r.body)), receivedAt: r.received_at }));
}

/** The first passing record of a kind for every point that has one (the programme's commissioned / accepted dates). */
export function firstPassedSiteRecords(db: CountyDb, kind: SiteRecord['kind']): Map<string, StoredSiteRecord> {
  const rows = db
    .prepare('SELECT kiosk_id, body, received_at FROM site_records WHERE kind = ? AND passed = 1 ORDER BY completed_at DESC')
    .all(kind) as Array<{ kiosk_id: string; body: string; received_at: string }>;
  const out = new Map<string, StoredSiteRecord>();
  for (const r of rows) out.set(r.kiosk_id, { record: SiteRecordSchema.parse(JSON.parse(r.body)), receivedAt: r.received_at });
  return out;
}
