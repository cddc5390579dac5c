import type { AttachmentFiles } from './attachment-files';
import { insertAudit } from './audit';
import type { Db } from './database';

/**
 * Purges the personal data of submissions the county acknowledged more than `days` ago: the sealed outbox payload
 * (identity and form) becomes NULL and the attachment files are deleted. The rows themselves (item, mode,
 * status, dates) and the report counters stay, so reports still add up. Rejected and pending items are never
 * purged: they are not safe at the county yet.
 */
export function purgeAcknowledged(db: Db, files: AttachmentFiles, days: number, now: Date): number {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  const at = now.toISOString();
  const due = db
    .prepare("SELECT id FROM submissions WHERE status = 'acknowledged' AND purged_at IS NULL AND acknowledged_at <= ?")
    .all(cutoff) as Array<{ id: string }>;
  if (due.length === 0) return 0;
  const purge = db.transaction(() => {
    const sub = db.prepare('UPDATE submissions SET purged_at = ? WHERE id = ?');
    const out = db.prepare('UPDATE outbox SET payload_enc = NULL WHERE submission_id = ?');
    const att = db.prepare('UPDATE attachments SET file = NULL WHERE submission_id = ?');
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
