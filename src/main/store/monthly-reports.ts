import type { MonthlyFigures } from '../../shared/report/monthly-figures';
import type { MonthlyReportPayload } from '../../shared/report/monthly-report';
import type { DataKey } from '../crypto/data-key';
import type { Db } from './database';
import { insertOutboxItem } from './outbox';
import { stmt } from './statements';

export interface StoredReport {
  month: string;
  version: number;
  madeAt: string;
  figures: MonthlyFigures;
  notes: string;
  submittedAt: string | null;
  submittedBy: { id: string; name: string } | null;
  outboxId: string | null;
  /** When the county confirmed it (the outbox item acknowledged); null while it waits to be sent. */
  deliveredAt: string | null;
}

interface Row {
  month: string;
  version: number;
  made_at: string;
  figures: string;
  notes: string;
  submitted_at: string | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  outbox_id: string | null;
  acknowledged_at: string | null;
}

const SELECT = `SELECT r.month, r.version, r.made_at, r.figures, r.notes, r.submitted_at, r.submitted_by, r.submitted_by_name, r.outbox_id, o.acknowledged_at
  FROM monthly_reports r LEFT JOIN outbox o ON o.id = r.outbox_id`;

function toReport(r: Row): StoredReport {
  return {
    month: r.month,
    version: r.version,
    madeAt: r.made_at,
    figures: JSON.parse(r.figures) as MonthlyFigures,
    notes: r.notes,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by ? { id: r.submitted_by, name: r.submitted_by_name ?? r.submitted_by } : null,
    outboxId: r.outbox_id,
    deliveredAt: r.acknowledged_at,
  };
}

/** Every version of a month, oldest first. */
export function reportVersions(db: Db, month: string): StoredReport[] {
  return (stmt(db, `${SELECT} WHERE r.month = ? ORDER BY r.version`).all(month) as Row[]).map(toReport);
}

export function latestReport(db: Db, month: string): StoredReport | null {
  const row = stmt(db, `${SELECT} WHERE r.month = ? ORDER BY r.version DESC LIMIT 1`).get(month) as Row | undefined;
  return row ? toReport(row) : null;
}

/** A new unsubmitted version of a month (1 for the first, one more than the last otherwise). */
export function insertReportDraft(db: Db, month: string, figures: MonthlyFigures, notes: string, madeAt: string): number {
  const last = (stmt(db, 'SELECT MAX(version) AS v FROM monthly_reports WHERE month = ?').get(month) as { v: number | null }).v ?? 0;
  stmt(db, 'INSERT INTO monthly_reports (month, version, made_at, figures, notes) VALUES (?, ?, ?, ?, ?)').run(month, last + 1, madeAt, JSON.stringify(figures), notes);
  return last + 1;
}

/** The draft is counted again (the clerk sees today's figures until they submit). */
export function refreshReportDraft(db: Db, month: string, version: number, figures: MonthlyFigures, madeAt: string): void {
  stmt(db, 'UPDATE monthly_reports SET figures = ?, made_at = ? WHERE month = ? AND version = ? AND submitted_at IS NULL').run(JSON.stringify(figures), madeAt, month, version);
}

/**
 * Marks a version submitted and queues the signed report in the outbox, in one transaction: the report is either
 * submitted and on its way, or not submitted at all.
 */
export function submitReport(db: Db, key: DataKey, input: { outboxId: string; payload: MonthlyReportPayload }): void {
  const { payload } = input;
  db.transaction(() => {
    const changed = stmt(
      db,
      'UPDATE monthly_reports SET notes = ?, submitted_at = ?, submitted_by = ?, submitted_by_name = ?, outbox_id = ? WHERE month = ? AND version = ? AND submitted_at IS NULL',
    ).run(payload.notes, payload.submittedAt, payload.submittedBy.id, payload.submittedBy.name, input.outboxId, payload.month, payload.version).changes;
    if (changed !== 1) throw new Error(`report ${payload.month} v${payload.version} is not an unsubmitted draft`);
    insertOutboxItem(db, key, { id: input.outboxId, kind: 'monthlyReport', submissionId: null, residentRef: null, payload, createdAt: payload.submittedAt });
  }).immediate();
}
