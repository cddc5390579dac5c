import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How far a link request's clock may stand from the kiosk's, and how long its nonce is remembered. */
export const LINK_SKEW_MS = 120_000;

/** The headers a paired window PC opens its link with: who it is, when, a one-time nonce, and the HMAC of all three. */
export interface LinkCredentials {
  peerId: string;
  time: string;
  nonce: string;
  signature: string;
}

function mac(key: Buffer, peerId: string, time: string, nonce: string): Buffer {
  return createHmac('sha256', key).update(`kiosk-lan-link/v1\n${peerId}\n${time}\n${nonce}`).digest();
}

export function signLink(key: Buffer, peerId: string, now: Date): LinkCredentials {
  const time = now.toISOString();
  const nonce = randomBytes(16).toString('hex');
  return { peerId, time, nonce, signature: mac(key, peerId, time, nonce).toString('hex') };
}

export type LinkRefusal = 'unknownPeer' | 'badSignature' | 'staleTime' | 'replayed';

/**
 * Checks a link request against the peer's key: the signature (compared in constant time), the time within
 * LINK_SKEW_MS of the kiosk's, and a nonce not seen before within that window (a recorded request cannot be replayed).
 */
export class LinkVerifier {
  private readonly seen = new Map<string, number>();

  constructor(private readonly keyOf: (peerId: string) => Buffer | null) {}

  verify(c: Partial<LinkCredentials>, now: Date): LinkRefusal | null {
    const key = c.peerId ? this.keyOf(c.peerId) : null;
    if (!key || !c.peerId) return 'unknownPeer';
    if (!c.time || !c.nonce || !c.signature || !/^[0-9a-f]{64}$/.test(c.signature) || c.nonce.length > 64) return 'badSignature';
    const expected = mac(key, c.peerId, c.time, c.nonce);
    if (!timingSafeEqual(expected, Buffer.from(c.signature, 'hex'))) return 'badSignature';
    const at = Date.parse(c.time);
    if (!Number.isFinite(at) || Math.abs(at - now.getTime()) > LINK_SKEW_MS) return 'staleTime';
    for (const [nonce, when] of this.seen) if (now.getTime() - when > 2 * LINK_SKEW_MS) this.seen.delete(nonce);
    const id = `${c.peerId}:${c.nonce}`;
    if (this.seen.has(id)) return 'replayed';
    this.seen.set(id, now.getTime());
    return null;
  }
}
