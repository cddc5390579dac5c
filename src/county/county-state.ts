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
} from '../shared/sync/protocol';
import { claimAttachments, firstMissingAttachment } from './attachments';
import { recordOutcome } from './outcomes';
import { intakeReport } from './point-reports';
import { escalationForKiosk } from './console/fault-moves';
import { intakeSiteRecord } from './site-records';
import { recordFaultReport } from './fault-reports';
import { siteForKiosk } from './console/kiosk-site';
import { staffForKiosk } from './console/kiosk-staff';
import { currentConfigVersion, nextConfigVersion, type CountyDb } from './county-db';

export const COUNTY_CONFIG_PARTS = ['catalog', 'staff', 'announcements', 'site'] as const;
export type CountyConfigPart = (typeof COUNTY_CONFIG_PARTS)[number];

const PART_SCHEMAS: Record<CountyConfigPart, z.ZodType> = {
  catalog: CatalogSchema,
  staff: StaffListSchema,
  announcements: AnnouncementListSchema,
  site: RemoteSiteSettingsSchema,
};

export function registerKiosk(db: CountyDb, id: string, secret: string): void {
  db.prepare('INSERT INTO kiosks (id, secret) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET secret = excluded.secret').run(id, secret);
}

/** Validates and publishes a config part under the next version; returns that version. */
export function publishConfigPart(db: CountyDb, part: CountyConfigPart, body: unknown): number {
  const parsed = PART_SCHEMAS[part].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidBodyError(issue ? issue.path.map(String).join('.') : part);
  }
  const publish = db.transaction(() => {
    const version = nextConfigVersion(db);
    // The catalogue carries its own version field: it is the part's version, so kiosk and county agree.
    const stored = part === 'catalog' ? { ...(parsed.data as object), version } : parsed.data;
    db.prepare('INSERT INTO config_parts (part, version, body) VALUES (?, ?, ?) ON CONFLICT (part) DO UPDATE SET version = excluded.version, body = excluded.body').run(
      part,
      version,
      JSON.stringify(stored),
    );
    return version;
  });
  return publish.immediate();
}

export class InvalidBodyError extends Error {
  constructor(readonly field: string) {
    super(`invalid body at ${field}`);
  }
}

/** Parts and ticket updates newer than `since`, or null when the kiosk is up to date (HTTP 304). */
export function configSince(db: CountyDb, kioskId: string, since: number): ConfigResponse | null {
  const version = currentConfigVersion(db);
  if (version <= since) return null;
  const out: ConfigResponse = { version, tickets: [] };
  for (const row of db.prepare('SELECT part, version, body FROM config_parts WHERE version > ?').all(since) as Array<{ part: CountyConfigPart; version: number; body: string }>) {
    const body = JSON.parse(row.body) as unknown;
    // Each kiosk gets only the staff whose scope covers its point, and its own point's site settings (the console's).
    (out as Record<string, unknown>)[row.part] = { version: row.version, body: row.part === 'staff' ? staffForKiosk(db, kioskId, body as StaffAccount[]) : row.part === 'site' ? siteForKiosk(db, kioskId, body) : body };
  }
  out.tickets = (db.prepare("SELECT id, state, note FROM faults WHERE kiosk_id = ? AND version > ? AND state IN ('open','acknowledged','closed')").all(kioskId, since) as Array<{
    id: string;
    state: 'open' | 'acknowledged' | 'closed';
    note: string | null;
  }>).map((t) => ({ id: t.id, state: t.state, ...(t.note ? { note: t.note } : {}), ...escalationForKiosk(db, t.id) }));
  return out;
}

const ACCEPTED_TEXT = { 'zh-CN': '县里已收到您的申请。', en: 'The county has received your application.' };

export type ItemResult = { id: string; status: 'accepted' | 'duplicate' | 'rejected' | 'retry'; reason?: string };

/**
 * Idempotent intake of one batch, in one transaction, in the order the kiosk sent. An id seen before is a
 * duplicate (stored once, never twice). An item whose attachments have not all arrived is 'retry', and so is
 * every later item of the same resident in the batch, so a resident's items are stored in submission order.
 */
export function intakeBatch(db: CountyDb, kioskId: string, items: readonly BatchItem[], now: Date): ItemResult[] {
  const intake = db.transaction(() => {
    const results: ItemResult[] = [];
    const held = new Set<string>();
    const exists = db.prepare('SELECT kiosk_id FROM items WHERE id = ?');
    const insert = db.prepare(
      'INSERT INTO items (id, kiosk_id, kind, resident_ref, created_at, item_code, tracking_number, payload, received_at, application_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const application = db.prepare('SELECT i.kiosk_id, i.item_code, o.state FROM items i LEFT JOIN outcomes o ON o.item_id = i.id WHERE i.id = ? AND i.application_id IS NULL');
    const delivery = db.prepare('INSERT INTO deliveries (kiosk_id, item_id, outcome, at) VALUES (?, ?, ?, ?)');
    const catalog = catalogCodes(db);
    for (const item of items) {
      const result = judge();
      results.push(result);
      delivery.run(kioskId, item.id, result.status, now.toISOString());
      if (result.status === 'retry' && item.residentRef) held.add(item.residentRef);

      function judge(): ItemResult {
        if (item.kind === 'monthlyReport') return intakeReport(db, kioskId, item, now);
        if (item.kind === 'siteRecord') return intakeSiteRecord(db, kioskId, item, now);
        const seen = exists.get(item.id) as { kiosk_id: string } | undefined;
        if (seen) return seen.kiosk_id === kioskId ? { id: item.id, status: 'duplicate' } : { id: item.id, status: 'rejected', reason: 'idTakenByAnotherKiosk' };
        if (item.residentRef && held.has(item.residentRef)) return { id: item.id, status: 'retry', reason: 'earlierItemOfResidentPending' };
        const missing = firstMissingAttachment(db, kioskId, item.attachments);
        if (missing) return { id: item.id, status: 'retry', reason: `attachmentMissing:${missing.slice(0, 12)}` };
        if (!checkIdNumber(item.payload.resident.idNumber).ok) return { id: item.id, status: 'rejected', reason: 'invalidIdNumber' };
        if (catalog && !catalog.has(item.payload.itemCode)) return { id: item.id, status: 'rejected', reason: 'unknownItem' };
        // A proxy application names its agent and consent, and only a proxy application does.
        if ((item.payload.serviceMode === 'proxy') !== (item.payload.proxy !== undefined)) return { id: item.id, status: 'rejected', reason: 'proxyRecordMismatch' };
        const applicationId = item.payload.applicationId ?? null;
        if (applicationId) {
          // Sent again after a return: the same application, from the kiosk that holds it, only while it is returned.
          const original = application.get(applicationId) as { kiosk_id: string; item_code: string; state: string | null } | undefined;
          if (!original || original.kiosk_id !== kioskId || original.item_code !== item.payload.itemCode) return { id: item.id, status: 'rejected', reason: 'unknownApplication' };
          if (original.state !== 'returned') return { id: item.id, status: 'rejected', reason: 'applicationNotReturned' };
        }
        insert.run(item.id, kioskId, item.kind, item.residentRef, item.createdAt, item.payload.itemCode, item.payload.trackingNumber, JSON.stringify(item.payload), now.toISOString(), applicationId);
        claimAttachments(db, kioskId, item.attachments);
        if (!applicationId) recordOutcome(db, item.id, { state: 'accepted', text: ACCEPTED_TEXT }, now);
        return { id: item.id, status: 'accepted' };
      }
    }
    return results;
  });
  return intake.immediate();
}

/** The published catalogue's item codes, parsed once per catalogue version (not once per batch: it is large). */
const codesByDb = new WeakMap<CountyDb, { version: number; codes: Set<string> }>();
function catalogCodes(db: CountyDb): Set<string> | null {
  const version = db.prepare("SELECT version FROM config_parts WHERE part = 'catalog'").get() as { version: number } | undefined;
  if (!version) return null;
  const held = codesByDb.get(db);
  if (held?.version === version.version) return held.codes;
  const row = db.prepare("SELECT body FROM config_parts WHERE part = 'catalog'").get() as { body: string };
  const codes = new Set((JSON.parse(row.body) as { items: Array<{ code: string }> }).items.map((i) => i.code));
  codesByDb.set(db, { version: version.version, codes });
  return codes;
}

export function recordHeartbeat(db: CountyDb, kioskId: string, heartbeat: Heartbeat, now: Date): void {
  db.prepare('INSERT INTO heartbeats (kiosk_id, at, body) VALUES (?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET at = excluded.at, body = excluded.body').run(kioskId, now.toISOString(), JSON.stringify(heartbeat));
}

export function lastHeartbeat(db: CountyDb, kioskId: string): Heartbeat | null {
  const row = db.prepare('SELECT body FROM heartbeats WHERE kiosk_id = ?').get(kioskId) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as Heartbeat) : null;
}

export function recordFaults(db: CountyDb, kioskId: string, tickets: FaultReport['tickets']): void {
  recordFaultReport(db, kioskId, tickets);
}

/** A county clerk answers a fault ticket; the update flows down with the next config pull. */
export function updateFault(db: CountyDb, id: string, state: 'acknowledged' | 'closed', note: string | null): boolean {
  return db.transaction(() => {
    const version = nextConfigVersion(db);
    return db.prepare('UPDATE faults SET state = ?, note = ?, version = ? WHERE id = ?').run(state, note, version, id).changes > 0;
  })();
}

export interface CountyStats {
  items: number;
  distinctIds: number;
  deliveries: number;
  duplicatesRefused: number;
  attachmentsComplete: number;
}

export function countyStats(db: CountyDb): CountyStats {
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    items: one('SELECT COUNT(*) AS n FROM items'),
    distinctIds: one('SELECT COUNT(DISTINCT id) AS n FROM items'),
    deliveries: one('SELECT COUNT(*) AS n FROM deliveries'),
    duplicatesRefused: one("SELECT COUNT(*) AS n FROM deliveries WHERE outcome = 'duplicate'"),
    attachmentsComplete: one('SELECT COUNT(*) AS n FROM kiosk_attachments WHERE complete = 1'),
  };
}

export function storedItems(db: CountyDb): Array<{ id: string; residentRef: string | null; createdAt: string; trackingNumber: string; arrival: number; itemCode: string }> {
  return (db.prepare('SELECT id, resident_ref, created_at, tracking_number, arrival, item_code FROM items ORDER BY arrival').all() as Array<{
    id: string;
    resident_ref: string | null;
    created_at: string;
    tracking_number: string;
    arrival: number;
    item_code: string;
  }>).map((r) => ({ id: r.id, residentRef: r.resident_ref, createdAt: r.created_at, trackingNumber: r.tracking_number, arrival: r.arrival, itemCode: r.item_code }));
}
