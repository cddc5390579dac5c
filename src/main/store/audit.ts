import type { ServiceChannel } from '../../shared/domain/service-channel';
import { stmt } from './statements';
import type { Db } from './database';

export interface AuditEntry {
  at: string;
  action: string;
  operatorId: string | null;
  channel: ServiceChannel | null;
  /** Masked values only (maskIdNumber / maskName): the audit trail outlives the retention period. */
  subject: string | null;
  detail?: Record<string, unknown>;
}

export function insertAudit(db: Db, entry: AuditEntry): void {
  stmt(db, 'INSERT INTO audit (at, action, operator_id, channel, subject, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.action,
    entry.operatorId,
    entry.channel,
    entry.subject,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  );
}

export function recentAudit(db: Db, limit: number): AuditEntry[] {
  const rows = stmt(db, 'SELECT at, action, operator_id, channel, subject, detail FROM audit ORDER BY seq DESC LIMIT ?')
    .all(limit) as Array<{ at: string; action: string; operator_id: string | null; channel: ServiceChannel | null; subject: string | null; detail: string | null }>;
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    operatorId: r.operator_id,
    channel: r.channel,
    subject: r.subject,
    ...(r.detail === null ? {} : { detail: JSON.parse(r.detail) as Record<string, unknown> }),
  }));
}
