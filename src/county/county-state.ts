import type { z } from 'zod';
import { CatalogSchema } from '../shared/catalog/schema';
import { checkIdNumber } from '../shared/domain/id-number';
import {
  AnnouncementListSchema,
  RemoteSiteSettingsSchema,
  StaffListSchema,
  type BatchItem,
  type FaultReport,
  type ConfigResponse,
  type Heartbeat,
  type StaffAccount,
  type SubmissionItem,
} from '../shared/sync/protocol';
import { claimAttachments, firstMissingAttachment } from './attachments';
import { intakeReport } from './point-reports';
import { escalationForKiosk } from './console/fault-moves';
import { intakeSiteRecord } from './site-records';
import { intakeCase, intakeCaseStep } from './point-cases';
import { recordFaultReport } from './fault-reports';
import { siteForKiosk } from './console/kiosk-site';
import { staffForKiosk } from './console/kiosk-staff';
import { engineOf, type CountyQuery } from './db/connection';
import { currentConfigVersion, nextConfigVersion } from './db/counters';
import { recordAcceptedAndDeliveries, storeApplications, storedOwnersAndCatalogVersion } from './intake-statements';
import { insertRows } from './db/raw';
import { inOpenTransaction, inTransaction } from './db/transaction';
import { UnconfirmedSecretError } from './kiosk-secrets';

export const COUNTY_CONFIG_PARTS = ['catalog', 'staff', 'announcements', 'site'] as const;
export type CountyConfigPart = (typeof COUNTY_CONFIG_PARTS)[number];

const PART_SCHEMAS: Record<CountyConfigPart, z.ZodType> = {
  catalog: CatalogSchema,
  staff: StaffListSchema,
  announcements: AnnouncementListSchema,
  site: RemoteSiteSettingsSchema,
};

export async function registerKiosk(q: CountyQuery, id: string, secret: string): Promise<void> {
  await q
    .insertInto('kiosks')
    .values({ id, secret })
    .onConflict((c) => c.column('id').doUpdateSet((e) => ({ secret: e.ref('excluded.secret') })))
    .execute();
}

/** Validates and publishes a config part under the next version; returns that version. */
export async function publishConfigPart(q: CountyQuery, part: CountyConfigPart, body: unknown): Promise<number> {
  const parsed = PART_SCHEMAS[part].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidBodyError(issue ? issue.path.map(String).join('.') : part);
  }
  return inTransaction(q, async (trx) => {
    const version = await nextConfigVersion(trx);
    // The catalogue carries its own version field: it is the part's version, so kiosk and county agree.
    const stored = part === 'catalog' ? { ...(parsed.data as object), version } : parsed.data;
    await trx
      .insertInto('config_parts')
      .values({ part, version, body: JSON.stringify(stored) })
      .onConflict((c) => c.column('part').doUpdateSet((e) => ({ version: e.ref('excluded.version'), body: e.ref('excluded.body') })))
      .execute();
    return version;
  });
}

export class InvalidBodyError extends Error {
  constructor(readonly field: string) {
    super(`invalid body at ${field}`);
  }
}

/** Parts and ticket updates newer than `since`, or null when the kiosk is up to date (HTTP 304). */
export async function configSince(q: CountyQuery, kioskId: string, since: number): Promise<ConfigResponse | null> {
  const version = await currentConfigVersion(q);
  if (version <= since) return null;
  const out: ConfigResponse = { version, tickets: [] };
  for (const row of await q.selectFrom('config_parts').select(['part', 'version', 'body']).where('version', '>', since).execute()) {
    const part = row.part as CountyConfigPart;
    const body = JSON.parse(row.body) as unknown;
    // Each kiosk gets only the staff whose scope covers its point, and its own point's site settings (the console's).
    (out as Record<string, unknown>)[part] = {
      version: row.version,
      body: part === 'staff' ? await staffForKiosk(q, kioskId, body as StaffAccount[]) : part === 'site' ? await siteForKiosk(q, kioskId, body) : body,
    };
  }
  const tickets = await q
    .selectFrom('faults')
    .select(['id', 'state', 'note'])
    .where('kiosk_id', '=', kioskId)
    .where('version', '>', since)
    .where('state', 'in', ['open', 'acknowledged', 'closed'])
    .execute();
  for (const t of tickets) {
    out.tickets.push({ id: t.id, state: t.state as 'open' | 'acknowledged' | 'closed', ...(t.note ? { note: t.note } : {}), ...(await escalationForKiosk(q, t.id)) });
  }
  return out;
}

export type ItemResult = { id: string; status: 'accepted' | 'duplicate' | 'rejected' | 'retry'; reason?: string };

/**
 * Idempotent intake of one batch, atomically, in the order the kiosk sent. An id seen before is a
 * duplicate (stored once, never twice: the id is a unique key, so a second gateway process storing the same item at
 * the same moment finds it there). An item whose attachments have not all arrived is 'retry', and so is every later
 * item of the same resident in the batch, so a resident's items are stored in submission order.
 *
 * Two passes: the first judges every application in order without writing; the second stores all that passed in
 * ONE multi-row insert (`ON CONFLICT (id) DO NOTHING RETURNING id`, in batch order, so `arrival` keeps the kiosk's
 * order). A row the insert did not return was stored a moment ago by another gateway process: its owner is read
 * back and the answer is duplicate (this kiosk's) or idTakenByAnotherKiosk, and its attachments are not claimed.
 * The batch's deliveries and first outcomes are written with it (intake-statements.ts). On SQLite (and for batches
 * holding reports, site records or cases) both passes run in one transaction; on PostgreSQL a batch of applications
 * is judged from plain reads and stored by ONE statement, atomic by itself, with no BEGIN and COMMIT round trips: the
 * reads could not hold anything back anyway (read committed), and the insert's unique key decides as before.
 */
export async function intakeBatch(q: CountyQuery, kioskId: string, items: readonly BatchItem[], now: Date, unconfirmedSecret?: string): Promise<ItemResult[]> {
  // PostgreSQL, applications only: judged from reads, then stored by one statement, no BEGIN and COMMIT round trips
  // (intake-statements.ts). Reports, site records and cases write their own rows while judged: they keep the transaction.
  if (engineOf(q) === 'postgres' && !inOpenTransaction(q) && items.every((i) => i.kind === 'submission')) {
    const judged = await judgeBatch(q, kioskId, items, now, unconfirmedSecret);
    return storeAtOnce(q, kioskId, judged, now.toISOString());
  }
  return inTransaction(q, async (trx) => storeInTransaction(trx, kioskId, await judgeBatch(trx, kioskId, items, now, unconfirmedSecret), now.toISOString()));
}

type Judged = {
  results: ItemResult[];
  /** Applications that passed every check, waiting for the one insert; an id may appear once. */
  pending: Array<{ index: number; item: SubmissionItem; applicationId: string | null }>;
  /** The same id again in this batch after a pending copy: answered with that copy's fate. */
  repeats: Array<{ index: number; id: string }>;
  seenAs: (id: string, owner: string) => ItemResult;
};

/**
 * The first pass: every item judged in order without writing an application (other kinds write their own rows).
 * `unconfirmedSecret` (a signature checked against a remembered secret, kiosk-secrets.ts) is confirmed by the first
 * read, before anything is judged or written: another secret or none stored throws UnconfirmedSecretError.
 */
async function judgeBatch(trx: CountyQuery, kioskId: string, items: readonly BatchItem[], now: Date, unconfirmedSecret?: string): Promise<Judged> {
  const results: ItemResult[] = [];
  const held = new Set<string>();
  const pending: Judged['pending'] = [];
  const pendingIds = new Set<string>();
  const repeats: Judged['repeats'] = [];
  const submissionIds = items.filter((i) => i.kind === 'submission').map((i) => i.id);
  // One statement for both reads: each is a round trip on PostgreSQL (intake-statements.ts).
  const { owners: seenBefore, catalogVersion, kioskSecret } = await storedOwnersAndCatalogVersion(trx, submissionIds, unconfirmedSecret === undefined ? undefined : kioskId);
  if (unconfirmedSecret !== undefined && kioskSecret !== unconfirmedSecret) throw new UnconfirmedSecretError(kioskSecret === null ? 'unknown_kiosk' : 'bad_signature');
  const catalog = await catalogCodes(trx, catalogVersion);
  const seenAs = (id: string, owner: string): ItemResult =>
    owner === kioskId ? { id, status: 'duplicate' } : { id, status: 'rejected', reason: 'idTakenByAnotherKiosk' };

  /** A final answer, or 'pending' (stored by the insert below, or found taken), or 'repeat' of a pending id. */
  async function judge(item: BatchItem): Promise<ItemResult | 'pending' | 'repeat'> {
    if (item.kind === 'monthlyReport') return intakeReport(trx, kioskId, item, now);
    if (item.kind === 'siteRecord') return intakeSiteRecord(trx, kioskId, item, now);
    if (item.kind === 'case') return intakeCase(trx, kioskId, item, catalog, now);
    if (item.kind === 'caseStep') return intakeCaseStep(trx, kioskId, item, now);
    const owner = seenBefore.get(item.id);
    if (owner !== undefined) return seenAs(item.id, owner);
    if (pendingIds.has(item.id)) return 'repeat';
    if (item.residentRef && held.has(item.residentRef)) return { id: item.id, status: 'retry', reason: 'earlierItemOfResidentPending' };
    const missing = await firstMissingAttachment(trx, kioskId, item.attachments);
    if (missing) return { id: item.id, status: 'retry', reason: `attachmentMissing:${missing.slice(0, 12)}` };
    if (!checkIdNumber(item.payload.resident.idNumber).ok) return { id: item.id, status: 'rejected', reason: 'invalidIdNumber' };
    if (catalog && !catalog.has(item.payload.itemCode)) return { id: item.id, status: 'rejected', reason: 'unknownItem' };
    // A proxy application names its agent and consent, and only a proxy application does.
    if ((item.payload.serviceMode === 'proxy') !== (item.payload.proxy !== undefined)) return { id: item.id, status: 'rejected', reason: 'proxyRecordMismatch' };
    const applicationId = item.payload.applicationId ?? null;
    if (applicationId) {
      // Sent again after a return: the same application, from the kiosk that holds it, only while it is returned.
      const original = await trx
        .selectFrom('items as i')
        .leftJoin('outcomes as o', 'o.item_id', 'i.id')
        .select(['i.kiosk_id', 'i.item_code', 'o.state'])
        .where('i.id', '=', applicationId)
        .where('i.application_id', 'is', null)
        .executeTakeFirst();
      if (!original || original.kiosk_id !== kioskId || original.item_code !== item.payload.itemCode) return { id: item.id, status: 'rejected', reason: 'unknownApplication' };
      if (original.state !== 'returned') return { id: item.id, status: 'rejected', reason: 'applicationNotReturned' };
    }
    pending.push({ index: results.length, item, applicationId });
    pendingIds.add(item.id);
    return 'pending';
  }

  for (const item of items) {
    const result = await judge(item);
    if (result === 'pending') results.push({ id: item.id, status: 'accepted' });
    else if (result === 'repeat') {
      repeats.push({ index: results.length, id: item.id });
      results.push({ id: item.id, status: 'duplicate' });
    } else {
      results.push(result);
      if (result.status === 'retry' && item.residentRef) held.add(item.residentRef);
    }
  }
  return { results, pending, repeats, seenAs };
}

/** The item row of a pending application but its payload. */
function itemRow(kioskId: string, { item, applicationId }: Judged['pending'][number], at: string) {
  return {
    id: item.id,
    kiosk_id: kioskId,
    kind: item.kind,
    resident_ref: item.residentRef,
    created_at: item.createdAt,
    item_code: item.payload.itemCode,
    tracking_number: item.payload.trackingNumber,
    received_at: at,
    application_id: applicationId,
  };
}

/** The item rows of the pending applications, in batch order (so `arrival` keeps the kiosk's order). */
function itemRows(kioskId: string, pending: Judged['pending'], at: string) {
  return pending.map((p) => ({ ...itemRow(kioskId, p, at), payload: JSON.stringify(p.item.payload) }));
}

/**
 * Pending rows the insert did not return were stored a moment ago by another gateway process (it committed while the
 * insert waited on the key): each, and each repeat of one, is answered with its owner (read back here).
 */
async function answerTaken(q: CountyQuery, judged: Judged, stored: ReadonlySet<string>): Promise<Array<{ id: string; status: string }>> {
  const { results, pending, repeats, seenAs } = judged;
  const taken = pending.filter((p) => !stored.has(p.item.id)).map((p) => p.item.id);
  if (taken.length === 0) return [];
  const owners = new Map((await q.selectFrom('items').select(['id', 'kiosk_id']).where('id', 'in', taken).execute()).map((r) => [r.id, r.kiosk_id]));
  const ownerOf = (id: string) => {
    const owner = owners.get(id);
    if (owner === undefined) throw new Error(`item ${id} was neither stored nor found`);
    return owner;
  };
  const changed: number[] = [];
  for (const { index, id } of [...pending.map((p) => ({ index: p.index, id: p.item.id })), ...repeats]) {
    if (stored.has(id)) continue;
    results[index] = seenAs(id, ownerOf(id));
    changed.push(index);
  }
  return changed.map((i) => results[i]!);
}

/** The second pass inside the batch's transaction: one multi-row insert, then outcomes, claims and deliveries. */
async function storeInTransaction(trx: CountyQuery, kioskId: string, judged: Judged, at: string): Promise<ItemResult[]> {
  const { results, pending } = judged;
  /** Stored now and not a resend after a return: these get their first outcome. */
  let fresh: Array<{ itemId: string; trackingNumber: string }> = [];
  if (pending.length > 0) {
    const inserted = await insertRows(trx, 'items', itemRows(kioskId, pending, at), { skipConflictOn: 'id', returning: 'id' });
    const stored = new Set(inserted.map((r) => r.id as string));
    await answerTaken(trx, judged, stored);
    const kept = pending.filter((p) => stored.has(p.item.id));
    await claimAttachments(trx, kioskId, [...new Set(kept.flatMap((p) => p.item.attachments))]);
    fresh = kept.filter((p) => !p.applicationId).map((p) => ({ itemId: p.item.id, trackingNumber: p.item.payload.trackingNumber }));
  }
  await recordAcceptedAndDeliveries(trx, kioskId, fresh, results, at);
  return results;
}

/**
 * The second pass on PostgreSQL without a transaction: items, first outcomes, counter, claims and deliveries in ONE
 * statement (atomic by itself); only when another gateway stored some of the ids meanwhile, their answers' delivery
 * rows follow in a second statement.
 */
async function storeAtOnce(q: CountyQuery, kioskId: string, judged: Judged, at: string): Promise<ItemResult[]> {
  const { results, pending, repeats } = judged;
  const dependent = new Set([...pending.map((p) => p.index), ...repeats.map((r) => r.index)]);
  const stored = await storeApplications(q, {
    kioskId,
    at,
    items: pending.map((p) => ({ row: itemRow(kioskId, p, at), payload: p.item.payload })),
    fresh: pending.filter((p) => !p.applicationId).map((p) => ({ itemId: p.item.id, trackingNumber: p.item.payload.trackingNumber })),
    attachments: pending.flatMap((p) => [...new Set(p.item.attachments)].map((sha256) => ({ itemId: p.item.id, sha256 }))),
    // A pending row's delivery (and a repeat's) is written only if its item was stored; otherwise below.
    deliveries: results.map((r, i) => ({ id: r.id, status: r.status, ifStored: dependent.has(i) })),
  });
  const changed = await answerTaken(q, judged, stored);
  if (changed.length > 0) await insertRows(q, 'deliveries', changed.map((r) => ({ kiosk_id: kioskId, item_id: r.id, outcome: r.status, at })));
  return results;
}

export { acceptedOutcome } from './intake-statements';

/** The published catalogue's item codes, parsed once per catalogue version (not once per batch: it is large). */
let heldCodes: { version: number; body: string; codes: Set<string> } | null = null;
async function catalogCodes(q: CountyQuery, version: number | null): Promise<Set<string> | null> {
  if (version === null) return null;
  if (heldCodes?.version === version) return heldCodes.codes;
  const row = await q.selectFrom('config_parts').select('body').where('part', '=', 'catalog').executeTakeFirstOrThrow();
  // The same body under another version (a second county database in this process): remember the version too, or
  // every batch would read the body again.
  if (heldCodes?.body !== row.body) heldCodes = { version, body: row.body, codes: new Set((JSON.parse(row.body) as { items: Array<{ code: string }> }).items.map((i) => i.code)) };
  else heldCodes = { ...heldCodes, version };
  return heldCodes.codes;
}

export async function recordHeartbeat(q: CountyQuery, kioskId: string, heartbeat: Heartbeat, now: Date): Promise<void> {
  await q
    .insertInto('heartbeats')
    .values({ kiosk_id: kioskId, at: now.toISOString(), body: JSON.stringify(heartbeat) })
    .onConflict((c) => c.column('kiosk_id').doUpdateSet((e) => ({ at: e.ref('excluded.at'), body: e.ref('excluded.body') })))
    .execute();
}

export async function lastHeartbeat(q: CountyQuery, kioskId: string): Promise<Heartbeat | null> {
  const row = await q.selectFrom('heartbeats').select('body').where('kiosk_id', '=', kioskId).executeTakeFirst();
  return row ? (JSON.parse(row.body) as Heartbeat) : null;
}

export async function recordFaults(q: CountyQuery, kioskId: string, tickets: FaultReport['tickets']): Promise<void> {
  await recordFaultReport(q, kioskId, tickets);
}

/** A county clerk answers a fault ticket; the update flows down with the next config pull. */
export async function updateFault(q: CountyQuery, id: string, state: 'acknowledged' | 'closed', note: string | null): Promise<boolean> {
  return inTransaction(q, async (trx) => {
    // No such ticket: no new config version, or every kiosk would pull again for nothing.
    if (!(await trx.selectFrom('faults').select('id').where('id', '=', id).executeTakeFirst())) return false;
    const version = await nextConfigVersion(trx);
    await trx.updateTable('faults').set({ state, note, version }).where('id', '=', id).execute();
    return true;
  });
}

export interface CountyStats {
  items: number;
  distinctIds: number;
  deliveries: number;
  duplicatesRefused: number;
  attachmentsComplete: number;
}

export async function countyStats(q: CountyQuery): Promise<CountyStats> {
  const n = (row: { n: number | string }) => Number(row.n);
  return {
    items: n(await q.selectFrom('items').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
    distinctIds: n(await q.selectFrom('items').select((e) => e.fn.count<number>('id').distinct().as('n')).executeTakeFirstOrThrow()),
    deliveries: n(await q.selectFrom('deliveries').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
    duplicatesRefused: n(await q.selectFrom('deliveries').select((e) => e.fn.countAll<number>().as('n')).where('outcome', '=', 'duplicate').executeTakeFirstOrThrow()),
    attachmentsComplete: n(await q.selectFrom('kiosk_attachments').select((e) => e.fn.countAll<number>().as('n')).where('complete', '=', 1).executeTakeFirstOrThrow()),
  };
}

export async function storedItems(q: CountyQuery): Promise<Array<{ id: string; residentRef: string | null; createdAt: string; trackingNumber: string; arrival: number; itemCode: string }>> {
  const rows = await q.selectFrom('items').select(['id', 'resident_ref', 'created_at', 'tracking_number', 'arrival', 'item_code']).orderBy('arrival').execute();
  return rows.map((r) => ({ id: r.id, residentRef: r.resident_ref, createdAt: r.created_at, trackingNumber: r.tracking_number, arrival: r.arrival, itemCode: r.item_code }));
}
