import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  HEADER_KIOSK,
  HEADER_NONCE,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  MAX_CLOCK_SKEW_MS,
  canonicalString,
} from '../shared/sync/signing';
import type { CountyDb } from './county-db';

export type AuthOutcome =
  | { ok: true; kioskId: string }
  | { ok: false; reason: 'missing_headers' | 'unknown_kiosk' | 'bad_signature' | 'stale_timestamp' | 'replayed_nonce'; serverTime?: number };

/**
 * Checks a kiosk's signed request: known kiosk, HMAC over method, path, timestamp, nonce and body hash, a
 * timestamp within the allowed skew, and a nonce never seen before (nonces are remembered for twice the skew
 * window, after which the timestamp check refuses the request anyway).
 */
export function verifyRequest(
  db: CountyDb,
  req: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: Buffer | undefined },
  now: number,
): AuthOutcome {
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
  };
  const kioskId = header(HEADER_KIOSK);
  const timestamp = header(HEADER_TIMESTAMP);
  const nonce = header(HEADER_NONCE);
  const signature = header(HEADER_SIGNATURE);
  if (!kioskId || !timestamp || !nonce || !signature || !/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  const kiosk = db.prepare('SELECT secret FROM kiosks WHERE id = ?').get(kioskId) as { secret: string } | undefined;
  if (!kiosk) return { ok: false, reason: 'unknown_kiosk' };
  const bodySha256 = createHash('sha256').update(req.body ?? Buffer.alloc(0)).digest('hex');
  const expected = createHmac('sha256', kiosk.secret).update(canonicalString({ method: req.method, path: req.url, timestamp, nonce, bodySha256 })).digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  // The signature is checked first so an unsigned request cannot learn the server's clock.
  if (Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'stale_timestamp', serverTime: now };
  db.prepare('DELETE FROM nonces WHERE expires_at < ?').run(now);
  const fresh = db.prepare('INSERT OR IGNORE INTO nonces (kiosk_id, nonce, expires_at) VALUES (?, ?, ?)').run(kioskId, nonce, now + 2 * MAX_CLOCK_SKEW_MS).changes === 1;
  if (!fresh) return { ok: false, reason: 'replayed_nonce' };
  return { ok: true, kioskId };
}
