import { SiteRecordSchema, type SiteRecord } from '../../shared/commissioning/site-record';
import type { DataKey } from '../crypto/data-key';
import type { Db } from './database';
import { insertOutboxItem } from './outbox';
import { stmt } from './statements';

/** Keeps a record and queues it for the county in one transaction: made here means on its way. */
export function saveSiteRecord(db: Db, key: DataKey, record: SiteRecord, outboxId: string): void {
  db.transaction(() => {
    stmt(db, 'INSERT INTO site_records (record_id, kind, passed, completed_at, outbox_id, body) VALUES (?, ?, ?, ?, ?, ?)').run(
      record.recordId,
      record.kind,
      record.passed ? 1 : 0,
      record.completedAt,
      outboxId,
      JSON.stringify(record),
    );
    insertOutboxItem(db, key, { id: outboxId, kind: 'siteRecord', submissionId: null, residentRef: null, payload: record, createdAt: record.completedAt });
  }).immediate();
}

export interface HeldSiteRecord {
  record: SiteRecord;
  /** The outbox state of the record's item: pending until the county confirmed it. */
  delivered: boolean;
}

export function listSiteRecords(db: Db): HeldSiteRecord[] {
  const rows = stmt(db, "SELECT s.body, o.state FROM site_records s LEFT JOIN outbox o ON o.id = s.outbox_id ORDER BY s.completed_at DESC").all() as Array<{ body: string; state: string | null }>;
  return rows.map((r) => ({ record: SiteRecordSchema.parse(JSON.parse(r.body)), delivered: r.state === 'acknowledged' || r.state === null }));
}
