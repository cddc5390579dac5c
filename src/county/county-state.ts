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
import type { CountyQuery } from './db/connection';
import { currentConfigVersion, nextConfigVersion } from './db/counters';
import { recordAcceptedAndDeliveries, storedOwnersAndCatalogVersion } from './intake-statements';
import { insertRows } from './db/raw';
import { inTransaction } from './db/transaction';

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
 * Idempotent intake of one batch, in one transaction, in the order the kiosk sent. An id seen before is a
 * duplicate (stored once, never twice: the id is a unique key, so a second gateway process storing the same item at
 * the same moment finds it there). An item whose attachments have not all arrived is 'retry', and so is every later
 * item of the same resident in the batch, so a resident's items are stored in submission order.
 *
 * Two passes: the first judges every application in order without writing; the second stores all that passed in
 * ONE multi-row insert (`ON CONFLICT (id) DO NOTHING RETURNING id`, in batch order, so `arrival` keeps the kiosk's
 * order). A row the insert did not return was stored a moment ago by another gateway process: its owner is read
 * back and the answer is duplicate (this kiosk's) or idTakenByAnotherKiosk, and its attachments are not claimed.
 * The batch's deliveries and first outcomes are written together at the end (intake-statements.ts: one statement on
 * PostgreSQL, one per table on SQLite), and the read before judging is one statement: round trips are what a batch
 * waits on at PostgreSQL.
 */
export async function intakeBatch(q: CountyQuery, kioskId: string, items: readonly BatchItem[], now: Date): Promise<ItemResult[]> {
  return inTransaction(q, async (trx) => {
    const at = now.toISOString();
    const results: ItemResult[] = [];
    const held = new Set<string>();
    /** Applications that passed every check, waiting for the one insert; an id may appear once. */
    const pending: Array<{ index: number; item: SubmissionItem; applicationId: string | null }> = [];
    const pendingIds = new Set<string>();
    /** The same id again in this batch after a pending copy: answered with that copy's fate. */
    const repeats: Array<{ index: number; id: string }> = [];
    const submissionIds = items.filter((i) => i.kind === 'submission').map((i) => i.id);
    // One statement for both reads: each is a round trip on PostgreSQL (intake-statements.ts).
    const { owners: seenBefore, catalogVersion } = await storedOwnersAndCatalogVersion(trx, submissionIds);
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

    /** Stored now and not a resend after a return: these get their first outcome. */
    let fresh: Array<{ itemId: string; trackingNumber: string }> = [];
    if (pending.length > 0) {
      const inserted = await insertRows(
        trx,
        'items',
        pending.map(({ item, applicationId }) => ({
          id: item.id,
          kiosk_id: kioskId,
          kind: item.kind,
          resident_ref: item.residentRef,
          created_at: item.createdAt,
          item_code: item.payload.itemCode,
          tracking_number: item.payload.trackingNumber,
          payload: JSON.stringify(item.payload),
          received_at: at,
          application_id: applicationId,
        })),
        { skipConflictOn: 'id', returning: 'id' },
      );
      const stored = new Set(inserted.map((r) => r.id as string));
      // Not returned: another gateway process stored it a moment ago (it committed while this insert waited on the key).
      const taken = pending.filter((p) => !stored.has(p.item.id)).map((p) => p.item.id);
      const owners = new Map(taken.length === 0 ? [] : (await trx.selectFrom('items').select(['id', 'kiosk_id']).where('id', 'in', taken).execute()).map((r) => [r.id, r.kiosk_id]));
      const ownerOf = (id: string) => {
        const owner = owners.get(id);
        if (owner === undefined) throw new Error(`item ${id} was neither stored nor found`);
        return owner;
      };
      for (const { index, item } of pending) if (!stored.has(item.id)) results[index] = seenAs(item.id, ownerOf(item.id));
      for (const { index, id } of repeats) if (!stored.has(id)) results[index] = seenAs(id, ownerOf(id));
      const kept = pending.filter((p) => stored.has(p.item.id));
      await claimAttachments(trx, kioskId, [...new Set(kept.flatMap((p) => p.item.attachments))]);
      fresh = kept.filter((p) => !p.applicationId).map((p) => ({ itemId: p.item.id, trackingNumber: p.item.payload.trackingNumber }));
    }
    await recordAcceptedAndDeliveries(trx, kioskId, fresh, results, at);
    return results;
  });
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
    const version = await nextConfigVersion(trx);
    const result = await trx.updateTable('faults').set({ state, note, version }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
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
