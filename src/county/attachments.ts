import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CountyQuery } from './db/connection';
import { takeIncoming } from './db/upsert';

/**
 * Attachments as each kiosk uploads them. Every row and file belongs to one kiosk: a kiosk sees (HEAD), resumes and
 * references only its own uploads, even when another kiosk holds the same bytes. Sizes are capped twice: one
 * attachment may be at most MAX_ATTACHMENT_BYTES, and what a kiosk has uploaded but no stored item references yet
 * (partial uploads and finished ones still waiting for their item) at most MAX_UNCLAIMED_BYTES_PER_KIOSK, so no kiosk
 * can fill the county's disk.
 */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
export const MAX_UNCLAIMED_BYTES_PER_KIOSK = 256 * 1024 * 1024;

export type ChunkOutcome =
  | { ok: true; received: number; complete: boolean }
  | { ok: false; status: 409 | 413 | 422; error: 'range_mismatch' | 'too_long' | 'hash_mismatch' | 'attachment_too_large' | 'upload_quota'; received: number };

/** A kiosk's own folder under the attachments directory (a hash: kiosk ids never become path segments). */
function kioskDir(dir: string, kioskId: string): string {
  const folder = path.join(dir, createHash('sha256').update(kioskId).digest('hex').slice(0, 24));
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

export function attachmentFile(dir: string, kioskId: string, sha256: string): string {
  return path.join(kioskDir(dir, kioskId), `${sha256}.bin`);
}

type Row = { total: number; received: number; complete: number };

/**
 * Appends one chunk of a kiosk's attachment. Chunks must arrive in order (start = bytes received so far); a chunk
 * that overlaps what is there already is accepted when it starts at 0..received and is trimmed, so a resend after a
 * lost answer is harmless. When the last byte arrives the SHA-256 is checked; a mismatch discards the upload.
 */
export async function putAttachmentChunk(q: CountyQuery, dir: string, kioskId: string, sha256: string, start: number, total: number, chunk: Buffer): Promise<ChunkOutcome> {
  const row: Row | undefined = await q.selectFrom('kiosk_attachments').select(['total', 'received', 'complete']).where('kiosk_id', '=', kioskId).where('sha256', '=', sha256).executeTakeFirst();
  if (row?.complete === 1) return { ok: true, received: row.total, complete: true };
  if (total > MAX_ATTACHMENT_BYTES) return { ok: false, status: 413, error: 'attachment_too_large', received: 0 };
  const received = row && row.total === total ? row.received : 0;
  if (start > received) return { ok: false, status: 409, error: 'range_mismatch', received };
  if (!row || row.total !== total) {
    const { n: unclaimed } = await q
      .selectFrom('kiosk_attachments')
      .select((e) => e.fn.coalesce(e.fn.sum<number>('total'), e.lit(0)).as('n'))
      .where('kiosk_id', '=', kioskId)
      .where('claimed', '=', 0)
      .where('sha256', '<>', sha256)
      .executeTakeFirstOrThrow();
    if (unclaimed + total > MAX_UNCLAIMED_BYTES_PER_KIOSK) return { ok: false, status: 413, error: 'upload_quota', received: 0 };
  }
  const final = attachmentFile(dir, kioskId, sha256);
  const file = `${final.slice(0, -4)}.part`;
  const fresh = chunk.subarray(received - start);
  const discard = async () => {
    fs.rmSync(file, { force: true });
    await q.deleteFrom('kiosk_attachments').where('kiosk_id', '=', kioskId).where('sha256', '=', sha256).execute();
  };
  if (received + fresh.length > total) {
    await discard();
    return { ok: false, status: 422, error: 'too_long', received: 0 };
  }
  const fd = fs.openSync(file, received === 0 ? 'w' : 'r+');
  try {
    fs.writeSync(fd, fresh, 0, fresh.length, received);
    fs.ftruncateSync(fd, received + fresh.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const now = received + fresh.length;
  if (now === total) {
    const digest = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    if (digest !== sha256) {
      await discard();
      return { ok: false, status: 422, error: 'hash_mismatch', received: 0 };
    }
    fs.renameSync(file, final);
  }
  await q
    .insertInto('kiosk_attachments')
    .values({ kiosk_id: kioskId, sha256, total, received: now, complete: now === total ? 1 : 0, claimed: 0 })
    .onConflict((c) =>
      c.columns(['kiosk_id', 'sha256']).doUpdateSet(takeIncoming('kiosk_attachments', 'total', 'received', 'complete')),
    )
    .execute();
  return { ok: true, received: now, complete: now === total };
}

/** How much of an attachment this kiosk has uploaded (another kiosk's upload of the same bytes does not count). */
export async function attachmentStatus(q: CountyQuery, kioskId: string, sha256: string): Promise<{ received: number; complete: boolean }> {
  const row = await q.selectFrom('kiosk_attachments').select(['received', 'complete']).where('kiosk_id', '=', kioskId).where('sha256', '=', sha256).executeTakeFirst();
  return { received: row?.received ?? 0, complete: row?.complete === 1 };
}

/** The first of `shas` this kiosk has not completely uploaded, or undefined when all are there. */
export async function firstMissingAttachment(q: CountyQuery, kioskId: string, shas: readonly string[]): Promise<string | undefined> {
  if (shas.length === 0) return undefined;
  const complete = new Set(
    (await q.selectFrom('kiosk_attachments').select('sha256').where('kiosk_id', '=', kioskId).where('sha256', 'in', [...shas]).where('complete', '=', 1).execute()).map((r) => r.sha256),
  );
  return shas.find((sha) => !complete.has(sha));
}

/** A stored item references these: they no longer count against the kiosk's unclaimed quota. */
export async function claimAttachments(q: CountyQuery, kioskId: string, shas: readonly string[]): Promise<void> {
  if (shas.length === 0) return;
  await q.updateTable('kiosk_attachments').set({ claimed: 1 }).where('kiosk_id', '=', kioskId).where('sha256', 'in', [...shas]).execute();
}
