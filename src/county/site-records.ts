import { ScopeSchema, StaffRoleSchema } from '../shared/console/api';
import { SiteRecordSchema, type SiteRecord } from '../shared/commissioning/site-record';
import type { AcceptanceSigner, SiteRecordItem } from '../shared/sync/protocol';
import { consoleLogin } from './console/console-login';
import type { CountyQuery } from './db/connection';
import { canSeePoint } from './console/scope';

export type SiteRecordIntake = { id: string; status: 'accepted' | 'duplicate' | 'rejected'; reason?: string };

/**
 * Keeps a point's commissioning or acceptance record (called inside the batch intake transaction). The same outbox
 * id again is a duplicate; a record for another kiosk is refused; an acceptance must be signed by a township or
 * county account whose scope covers the point (checked again here, whatever the kiosk says), when the county keeps a
 * staff register.
 */
export async function intakeSiteRecord(q: CountyQuery, kioskId: string, item: SiteRecordItem, now: Date): Promise<SiteRecordIntake> {
  const seen = await q.selectFrom('site_records').select('kiosk_id').where('item_id', '=', item.id).executeTakeFirst();
  if (seen) return seen.kiosk_id === kioskId ? { id: item.id, status: 'duplicate' } : { id: item.id, status: 'rejected', reason: 'idTakenByAnotherKiosk' };
  const r = item.payload;
  if (r.kioskId !== kioskId) return { id: item.id, status: 'rejected', reason: 'recordOfAnotherKiosk' };
  // The point's registered division decides, not the one the record names.
  if (r.kind === 'acceptance' && !(await signerMayAccept(q, r.signedBy.id, (await registeredDivision(q, kioskId)) ?? r.divisionCode))) return { id: item.id, status: 'rejected', reason: 'signerNotEntitled' };
  await q
    .insertInto('site_records')
    .values({ item_id: item.id, kiosk_id: kioskId, kind: r.kind, record_id: r.recordId, passed: r.passed ? 1 : 0, completed_at: r.completedAt, received_at: now.toISOString(), body: JSON.stringify(r) })
    .execute();
  return { id: item.id, status: 'accepted' };
}

async function registeredDivision(q: CountyQuery, kioskId: string): Promise<string | null> {
  return (await q.selectFrom('points').select('division_code').where('kiosk_id', '=', kioskId).executeTakeFirst())?.division_code ?? null;
}

/** A township account of the point's township, or a county admin, not disabled. */
export async function signerMayAccept(q: CountyQuery, staffId: string, divisionCode: string): Promise<boolean> {
  const row = await q.selectFrom('staff_register').select(['roles', 'scope', 'disabled']).where('id', '=', staffId).executeTakeFirst();
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
export async function confirmAcceptanceSigner(q: CountyQuery, kioskId: string, username: string, password: string, now: number): Promise<SignerOutcome> {
  const division = await registeredDivision(q, kioskId);
  if (!division) return { ok: false, status: 403, error: 'signer_not_entitled' };
  const login = await consoleLogin(q, username, password, now);
  if (!login.ok) return login.reason === 'account_locked' ? { ok: false, status: 423, error: 'account_locked' } : login.reason === 'bad_credentials' ? { ok: false, status: 401, error: 'bad_credentials' } : { ok: false, status: 403, error: 'signer_not_entitled' };
  if (!(await signerMayAccept(q, login.staff.id, division))) return { ok: false, status: 403, error: 'signer_not_entitled' };
  const role = login.staff.roles.includes('countyAdmin') ? 'countyAdmin' : 'township';
  return { ok: true, signer: { id: login.staff.id, name: login.staff.displayName.slice(0, 60), role } };
}

export interface StoredSiteRecord {
  record: SiteRecord;
  receivedAt: string;
}

/** A point's records (both kinds, or one), oldest first: what the console's programme table reads. */
export async function siteRecordsOf(q: CountyQuery, kioskId: string, kind?: SiteRecord['kind']): Promise<StoredSiteRecord[]> {
  let query = q.selectFrom('site_records').select(['body', 'received_at']).where('kiosk_id', '=', kioskId);
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.orderBy('completed_at').orderBy('received_at').execute();
  return rows.map((r) => ({ record: SiteRecordSchema.parse(JSON.parse(r.body)), receivedAt: r.received_at }));
}

/** The first passing record of a kind for every point that has one (the programme's commissioned / accepted dates). */
export async function firstPassedSiteRecords(q: CountyQuery, kind: SiteRecord['kind']): Promise<Map<string, StoredSiteRecord>> {
  const rows = await q.selectFrom('site_records').select(['kiosk_id', 'body', 'received_at']).where('kind', '=', kind).where('passed', '=', 1).orderBy('completed_at', 'desc').execute();
  const out = new Map<string, StoredSiteRecord>();
  for (const r of rows) out.set(r.kiosk_id, { record: SiteRecordSchema.parse(JSON.parse(r.body)), receivedAt: r.received_at });
  return out;
}
