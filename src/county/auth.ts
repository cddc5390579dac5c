import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  HEADER_KIOSK,
  HEADER_NONCE,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  MAX_CLOCK_SKEW_MS,
  canonicalString,
} from '../shared/sync/signing';
import type { CountyQuery } from './db/connection';
import { compiledOnce } from './db/raw';
import type { KioskSecrets } from './kiosk-secrets';

export type AuthOutcome =
  /** `unconfirmed`: checked against a remembered secret (`KioskSecrets`); the caller confirms it against the stored one. */
  | { ok: true; kioskId: string; unconfirmed?: string }
  | { ok: false; reason: 'missing_headers' | 'unknown_kiosk' | 'bad_signature' | 'stale_timestamp' | 'replayed_nonce'; serverTime?: number };

/**
 * Nonces seen within the skew window, kept in memory: writing each one to disk would cost a sync per request.
 * A restart forgets them, so requests signed before the county started are refused as stale (a kiosk with a slow
 * clock corrects itself from the answer): no request seen before the restart can be replayed after it.
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;
  readonly startedAt: number;

  constructor(now: number) {
    this.startedAt = now;
  }

  /** True the first time a nonce is offered; remembers it until `expiresAt`. */
  fresh(kioskId: string, nonce: string, now: number, expiresAt: number): boolean {
    if (now - this.lastSweep > 10_000) {
      for (const [key, until] of this.seen) if (until < now) this.seen.delete(key);
      this.lastSweep = now;
    }
    const key = `${kioskId}\n${nonce}`;
    const until = this.seen.get(key);
    if (until !== undefined && until >= now) return false;
    this.seen.set(key, expiresAt);
    return true;
  }
}

/** The kiosk's secret: read on every signed request, so compiled once. */
const kioskSecret = compiledOnce((q) => q.selectFrom('kiosks').select('secret').where('id', '=', ''));

/**
 * Checks a kiosk's signed request: known kiosk, HMAC over method, path, timestamp, nonce and body hash, a
 * timestamp within the allowed skew (and not before the county started), and a nonce never seen before (nonces
 * are remembered for twice the skew window, after which the timestamp check refuses the request anyway).
 * With `remembered`, a signature that the kiosk's remembered secret matches passes without reading the stored one,
 * and the outcome carries that secret as `unconfirmed`: the caller must confirm it against the stored secret before it
 * stores or answers anything, and refuse the request as this function would have (`unknown_kiosk`, `bad_signature`).
 */
export async function verifyRequest(
  q: CountyQuery,
  nonces: NonceCache,
  req: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: Buffer | undefined },
  now: number,
  remembered?: KioskSecrets,
): Promise<AuthOutcome> {
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
  };
  const kioskId = header(HEADER_KIOSK);
  const timestamp = header(HEADER_TIMESTAMP);
  const nonce = header(HEADER_NONCE);
  const signature = header(HEADER_SIGNATURE);
  if (!kioskId || !timestamp || !nonce || !signature || !/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  const bodySha256 = createHash('sha256').update(req.body ?? Buffer.alloc(0)).digest('hex');
  const signed = canonicalString({ method: req.method, path: req.url, timestamp, nonce, bodySha256 });
  const given = Buffer.from(signature, 'base64');
  const matches = (secret: string) => {
    const expected = createHmac('sha256', secret).update(signed).digest();
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const held = remembered?.get(kioskId);
  let unconfirmed: string | undefined;
  if (held !== undefined && matches(held)) unconfirmed = held;
  else {
    const [kiosk] = await kioskSecret(q, [kioskId]);
    if (!kiosk) return { ok: false, reason: 'unknown_kiosk' };
    remembered?.remember(kioskId, kiosk.secret);
    if (!matches(kiosk.secret)) return { ok: false, reason: 'bad_signature' };
  }
  // The signature is checked first so an unsigned request cannot learn the server's clock.
  const signedAt = Number(timestamp);
  if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS || signedAt < nonces.startedAt - 1_000) return { ok: false, reason: 'stale_timestamp', serverTime: now };
  if (!nonces.fresh(kioskId, nonce, now, now + 2 * MAX_CLOCK_SKEW_MS)) return { ok: false, reason: 'replayed_nonce' };
  return unconfirmed === undefined ? { ok: true, kioskId } : { ok: true, kioskId, unconfirmed };
}
