import type { Db } from './database';
import { stmt } from './statements';

/** Where one attachment of a submission stands for upload: its stored file (null once purged) and whether the county has it. */
export function attachmentUploadState(db: Db, submissionId: string, sha256: string): { file: string | null; uploaded: boolean } | null {
  const row = stmt(db, 'SELECT file, uploaded FROM attachments WHERE submission_id = ? AND sha256 = ?').get(submissionId, sha256) as
    | { file: string | null; uploaded: number }
    | undefined;
  return row ? { file: row.file, uploaded: row.uploaded === 1 } : null;
}

/** The county holds these bytes: every attachment with this content counts as uploaded. */
export function markAttachmentUploaded(db: Db, sha256: string): void {
  stmt(db, 'UPDATE attachments SET uploaded = 1 WHERE sha256 = ?').run(sha256);
}
