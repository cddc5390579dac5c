import { randomUUID } from 'node:crypto';
import { KioskError } from '../../shared/contract/errors';
import type { FacePurpose } from '../../devices/face/protocol';

/** A live capture exactly as the face module gave it; it never leaves the core except inside a submission. */
export interface HeldCapture {
  image: Buffer;
  livenessScore: number;
  qualityScore: number;
  purpose: FacePurpose;
}

/** Why a capture id does not resolve (details.reason of the refusal). */
export type CaptureRefusal = 'unknown' | 'used' | 'expired' | 'otherConnection';

interface Entry extends HeldCapture {
  connectionId: string;
  expiresAt: number;
  used: boolean;
}

export interface FaceCapturesDeps {
  now: () => Date;
  /** How long a capture may wait for its submission (the review step, an elder reading slowly). */
  ttlSeconds?: number;
}

/**
 * The face captures of the current visit, held in the core (issue 14 item 11: liveness asserted by the client). The
 * screen gets only a one-time id; a submission names it and the core resolves it here. An id is refused when it is
 * unknown, already used, past its time, or asked for by another connection than the one that ran the capture. A visit
 * that ends or changes resident clears everything (the core calls clear on session.changed), and the image bytes are
 * zeroed when dropped.
 */
export class FaceCaptures {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly deps: FaceCapturesDeps) {}

  hold(capture: HeldCapture, connectionId: string): string {
    this.dropExpired();
    const id = randomUUID();
    const ttl = (this.deps.ttlSeconds ?? 600) * 1000;
    this.entries.set(id, { ...capture, connectionId, expiresAt: this.deps.now().getTime() + ttl, used: false });
    return id;
  }

  /** Why `captureId` would be refused for `connectionId` now, or null when it resolves. Changes nothing. */
  check(captureId: string, connectionId: string): CaptureRefusal | null {
    const entry = this.entries.get(captureId);
    if (!entry) return 'unknown';
    if (entry.used) return 'used';
    if (entry.expiresAt <= this.deps.now().getTime()) return 'expired';
    if (entry.connectionId !== connectionId) return 'otherConnection';
    return null;
  }

  /** Resolves the id once: the capture is handed over and the id is spent (a second take is refused as used). */
  take(captureId: string, connectionId: string): HeldCapture {
    const refusal = this.check(captureId, connectionId);
    if (refusal) throw refusedCapture(refusal);
    const entry = this.entries.get(captureId)!;
    entry.used = true;
    const { image, livenessScore, qualityScore, purpose } = entry;
    // The spent entry keeps no image: the bytes now belong to the submission alone.
    entry.image = Buffer.alloc(0);
    return { image, livenessScore, qualityScore, purpose };
  }

  /** The visit ended or another resident came: no capture of it may be used again. */
  clear(): void {
    for (const entry of this.entries.values()) entry.image.fill(0);
    this.entries.clear();
  }

  private dropExpired(): void {
    const now = this.deps.now().getTime();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        entry.image.fill(0);
        this.entries.delete(id);
      }
    }
  }
}

/** The refusal a submission gets for a capture id that does not resolve: do the face check again. */
export function refusedCapture(reason: CaptureRefusal): KioskError {
  return new KioskError('validation_failed', { details: { reason, fields: [{ field: 'face', messageKey: 'sync:validation.faceCaptureInvalid' }] } });
}
