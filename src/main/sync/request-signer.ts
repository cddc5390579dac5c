import { createHash, createHmac, randomBytes } from 'node:crypto';
import { HEADER_KIOSK, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP, canonicalString } from '../../shared/sync/signing';

const CLOCK_CORRECTION_TTL_MS = 60 * 60_000;

/** Signs kiosk requests (HMAC-SHA256 over method, path, timestamp, nonce and body hash; docs/sync-protocol.md). */
export class RequestSigner {
  /** Added to the local clock: learned from the county's 401 stale_timestamp answer when the kiosk clock is off. */
  private offsetMs = 0;
  private offsetSetAt = 0;

  constructor(
    private readonly kioskId: string,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  get clockOffsetMs(): number {
    // A correction is forgotten after an hour: a wrong one (the answer that set it is unsigned) cannot stay.
    if (this.offsetMs !== 0 && this.now() - this.offsetSetAt > CLOCK_CORRECTION_TTL_MS) this.offsetMs = 0;
    return this.offsetMs;
  }

  correctClock(offsetMs: number): void {
    this.offsetMs = offsetMs;
    this.offsetSetAt = this.now();
  }

  headers(method: string, pathWithQuery: string, body: Buffer | undefined): Record<string, string> {
    const timestamp = String(Math.round(this.now() + this.clockOffsetMs));
    const nonce = randomBytes(16).toString('base64url');
    const bodySha256 = createHash('sha256').update(body ?? Buffer.alloc(0)).digest('hex');
    const signature = createHmac('sha256', this.secret).update(canonicalString({ method, path: pathWithQuery, timestamp, nonce, bodySha256 })).digest('base64');
    return { [HEADER_KIOSK]: this.kioskId, [HEADER_TIMESTAMP]: timestamp, [HEADER_NONCE]: nonce, [HEADER_SIGNATURE]: signature };
  }
}
