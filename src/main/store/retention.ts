import type { AttachmentFiles } from './attachment-files';
import { insertAudit } from './audit';
import { stmt } from './statements';
import type { Db } from './database';

/**
 * Purges the personal data of submissions the county acknowledged more than `days` ago: the sealed outbox payload
 * (identity and form) becomes NULL and the attachment files are deleted. The rows themselves (item, mode,
 * status, dates) and the report counters stay, so reports still add up. A rejected submission is purged the
 * same number of days after a clerk resolved it; unresolved rejections and pending items are never purged.
 */
export function purgeAcknowledged(db: Db, files: AttachmentFiles, days: number, now: Date): number {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  const at = now.toISOString();
  // Acknowledged ones `days` after the county had them; rejected ones `days` after a clerk resolved them (a
  // rejection nobody resolved stays: a clerk still has to call the resident).
  const due = stmt(
    db,
    `SELECT id FROM submissions WHERE status = 'acknowledged' AND purged_at IS NULL AND acknowledged_at <= ?
     UNION
     SELECT s.id FROM submissions s JOIN outbox o ON o.submission_id = s.id
      WHERE s.purged_at IS NULL AND o.state = 'rejected' AND o.resolved_at IS NOT NULL AND o.resolved_at <= ?`,
  ).all(cutoff, cutoff) as Array<{ id: string }>;
  if (due.length === 0) return 0;
  const purge = db.transaction(() => {
    const sub = stmt(db, 'UPDATE submissions SET purged_at = ? WHERE id = ?');
    const out = stmt(db, 'UPDATE outbox SET payload_enc = NULL WHERE submission_id = ?');
    const att = stmt(db, 'UPDATE attachments SET file = NULL WHERE submission_id = ?');
    for (const { id } of due) {
      sub.run(at, id);
      out.run(id);
      att.run(id);
    }
    insertAudit(db, { at, action: 'retention.purged', operatorId: null, channel: null, subject: null, detail: { count: due.length, olderThanDays: days } });
  });
  purge.immediate();
  // Files go after the commit: a crash in between leaves unreferenced files that the start-up sweep removes.
  for (const { id } of due) files.removeSubmissionDir(id);
  return due.length;
}
