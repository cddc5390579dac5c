import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { CountyDatabase } from '../../src/county/db/connection';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_UNCLAIMED_BYTES_PER_KIOSK,
  attachmentFile,
  attachmentStatus,
  claimAttachments,
  firstMissingAttachment,
  putAttachmentChunk,
} from '../../src/county/attachments';
import { openTestCountyDatabase } from '../support/county-database';
import { tempDataDir } from '../support/store-fixtures';

/**
 * The county's attachment store at each of its edges, called directly (the gateway tests drive it through HTTP):
 * in-order chunks and a trimmed resend, the size caps at their limits, the unclaimed quota counted per kiosk without
 * the upload itself or claimed files, a hash or length mismatch discarding the upload, and one kiosk's upload never
 * standing in for another's.
 */

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('county attachments', () => {
  let db: CountyDatabase;
  let dir: string;
  beforeEach(async () => {
    db = await openTestCountyDatabase('county-attachments-');
    dir = tempDataDir('attachments-');
  });
  afterEach(async () => {
    await db.close();
  });
  const put = (kiosk: string, hash: string, start: number, total: number, chunk: Buffer) => putAttachmentChunk(db.query, dir, kiosk, hash, start, total, chunk);
  const row = async (kiosk: string, hash: string) =>
    db.query.selectFrom('kiosk_attachments').select(['total', 'received', 'complete', 'claimed']).where('kiosk_id', '=', kiosk).where('sha256', '=', hash).executeTakeFirst();

  it('takes chunks in order, trims a resent overlap, and keeps the whole file once its hash holds', async () => {
    const data = Buffer.from('0123456789abcdef');
    const hash = sha(data);
    expect(await put('k1', hash, 0, 16, data.subarray(0, 6))).toEqual({ ok: true, received: 6, complete: false });
    expect(await row('k1', hash)).toEqual({ total: 16, received: 6, complete: 0, claimed: 0 });
    expect(await attachmentStatus(db.query, 'k1', hash)).toEqual({ received: 6, complete: false });
    // A resend after a lost answer overlaps bytes 4..6: only the new bytes are written.
    expect(await put('k1', hash, 4, 16, data.subarray(4, 10))).toEqual({ ok: true, received: 10, complete: false });
    // A gap is refused with what the county has.
    expect(await put('k1', hash, 11, 16, data.subarray(11))).toEqual({ ok: false, status: 409, error: 'range_mismatch', received: 10 });
    expect(await put('k1', hash, 10, 16, data.subarray(10))).toEqual({ ok: true, received: 16, complete: true });
    expect(fs.readFileSync(attachmentFile(dir, 'k1', hash)).equals(data)).toBe(true);
    expect(fs.existsSync(attachmentFile(dir, 'k1', hash).replace(/\.bin$/, '.part'))).toBe(false);
    expect(await row('k1', hash)).toEqual({ total: 16, received: 16, complete: 1, claimed: 0 });
    expect(await attachmentStatus(db.query, 'k1', hash)).toEqual({ received: 16, complete: true });
    // A complete upload answers complete, whatever is sent again.
    expect(await put('k1', hash, 0, 16, Buffer.from('x'))).toEqual({ ok: true, received: 16, complete: true });
    expect(fs.readFileSync(attachmentFile(dir, 'k1', hash)).equals(data)).toBe(true);
  });

  it('starts again from 0 when the total changes', async () => {
    const data = Buffer.from('abcdefgh');
    const hash = sha(data);
    await put('k1', hash, 0, 20, data.subarray(0, 4));
    expect(await put('k1', hash, 4, 8, data.subarray(4))).toEqual({ ok: false, status: 409, error: 'range_mismatch', received: 0 });
    expect(await put('k1', hash, 0, 8, data)).toEqual({ ok: true, received: 8, complete: true });
    expect(fs.readFileSync(attachmentFile(dir, 'k1', hash)).equals(data)).toBe(true);
  });

  it('discards an upload whose bytes do not hash to its name, or that runs past its length', async () => {
    const data = Buffer.from('real bytes');
    const wrong = sha(Buffer.from('other bytes'));
    expect(await put('k1', wrong, 0, data.length, data)).toEqual({ ok: false, status: 422, error: 'hash_mismatch', received: 0 });
    expect(await row('k1', wrong)).toBeUndefined();
    expect(fs.existsSync(attachmentFile(dir, 'k1', wrong))).toBe(false);
    expect(fs.existsSync(attachmentFile(dir, 'k1', wrong).replace(/\.bin$/, '.part'))).toBe(false);
    const hash = sha(data);
    await put('k1', hash, 0, data.length, data.subarray(0, 3));
    expect(await put('k1', hash, 3, data.length, Buffer.concat([data.subarray(3), Buffer.from('!')]))).toEqual({ ok: false, status: 422, error: 'too_long', received: 0 });
    expect(await row('k1', hash)).toBeUndefined();
    expect(fs.existsSync(attachmentFile(dir, 'k1', hash).replace(/\.bin$/, '.part'))).toBe(false);
    // Too long in its very first chunk (no partial file yet): refused the same way, nothing left behind.
    expect(await put('k1', hash, 0, 3, data)).toEqual({ ok: false, status: 422, error: 'too_long', received: 0 });
    expect(await row('k1', hash)).toBeUndefined();
    // Exactly the length is not too long.
    expect(await put('k1', hash, 0, data.length, data)).toEqual({ ok: true, received: data.length, complete: true });
  });

  it('caps one attachment at its limit, the limit itself allowed', async () => {
    const big = sha(Buffer.from('big'));
    expect(await put('k1', big, 0, MAX_ATTACHMENT_BYTES + 1, Buffer.alloc(4))).toEqual({ ok: false, status: 413, error: 'attachment_too_large', received: 0 });
    expect(await put('k1', big, 0, MAX_ATTACHMENT_BYTES, Buffer.alloc(4))).toEqual({ ok: true, received: 4, complete: false });
  });

  it('counts the unclaimed quota per kiosk, without this upload itself and without claimed files', async () => {
    const held = sha(Buffer.from('held'));
    const room = MAX_UNCLAIMED_BYTES_PER_KIOSK - 100;
    await db.query.insertInto('kiosk_attachments').values({ kiosk_id: 'k1', sha256: held, total: room, received: 0, complete: 0, claimed: 0 }).execute();
    const fits = sha(Buffer.from('fits'));
    const over = sha(Buffer.from('over'));
    expect(await put('k1', over, 0, 101, Buffer.alloc(1))).toEqual({ ok: false, status: 413, error: 'upload_quota', received: 0 });
    expect(await put('k1', fits, 0, 100, Buffer.alloc(1))).toEqual({ ok: true, received: 1, complete: false });
    // The same upload going on (a new total restarts it) does not count against itself.
    expect(await put('k1', fits, 0, 99, Buffer.alloc(1))).toEqual({ ok: true, received: 1, complete: false });
    // Another kiosk has its own quota.
    expect(await put('k2', over, 0, 101, Buffer.alloc(1))).toEqual({ ok: true, received: 1, complete: false });
    // Once an item claims the held file, it no longer counts.
    await claimAttachments(db.query, 'k1', [held]);
    expect((await row('k1', held))!.claimed).toBe(1);
    expect(await put('k1', over, 0, 101, Buffer.alloc(1))).toEqual({ ok: true, received: 1, complete: false });
  });

  it("one kiosk's upload never stands in for another's, and claiming touches only the kiosk's own rows", async () => {
    const data = Buffer.from('shared bytes');
    const hash = sha(data);
    const other = sha(Buffer.from('other'));
    await put('k1', hash, 0, data.length, data);
    expect(await attachmentStatus(db.query, 'k2', hash)).toEqual({ received: 0, complete: false });
    expect(await firstMissingAttachment(db.query, 'k1', [hash])).toBeUndefined();
    expect(await firstMissingAttachment(db.query, 'k2', [hash])).toBe(hash);
    expect(await firstMissingAttachment(db.query, 'k1', [hash, other])).toBe(other);
    expect(await firstMissingAttachment(db.query, 'k1', [])).toBeUndefined();
    // A partial upload is still missing.
    await put('k1', other, 0, 10, Buffer.alloc(3));
    expect(await firstMissingAttachment(db.query, 'k1', [other, hash])).toBe(other);
    expect(attachmentFile(dir, 'k1', hash)).not.toBe(attachmentFile(dir, 'k2', hash));
    await put('k2', hash, 0, data.length, data);
    await claimAttachments(db.query, 'k1', [hash]);
    expect((await row('k1', hash))!.claimed).toBe(1);
    expect((await row('k2', hash))!.claimed).toBe(0);
    await claimAttachments(db.query, 'k1', []);
  });
});
