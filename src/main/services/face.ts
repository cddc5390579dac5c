import type { DeviceManager } from '../../devices/manager/device-manager';
import type { FacePurpose } from '../../devices/face/protocol';
import { KioskError } from '../../shared/contract/errors';
import type { HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logging/logger';
import type { FaceCaptures } from './face-captures';

export interface FaceDeps {
  devices: Pick<DeviceManager, 'firstOfKind'>;
  events: EventBus;
  log: Logger;
  /** Where captures wait for their submission; the screen only learns the id. */
  captures: FaceCaptures;
  /** Called on every progress step: a resident following instructions is not idle. */
  touchSession?: () => void;
  /** A live face was captured: the resident's session records it (identity rules, risk-class.ts). */
  onLiveFace?: (purpose: FacePurpose) => void;
  /** How long the module may try per session. */
  timeoutSeconds?: number;
}

/**
 * Face capture for certification and re-modelling: one session at a time on the face module, progress pushed as
 * `face.progress`, the image and scores kept in the core (FaceCaptures) under a one-time id the screen hands to its
 * submission. The kiosk never matches faces.
 */
export class FaceService {
  private running: AbortController | null = null;

  constructor(private readonly deps: FaceDeps) {}

  async capture(purpose: FacePurpose, connectionId: string): Promise<{ captureId: string }> {
    const driver = this.deps.devices.firstOfKind('faceCamera');
    if (!driver) throw new KioskError('device_not_configured', { details: { kind: 'faceCamera' } });
    if (this.running) throw new KioskError('device_busy', { details: { kind: 'faceCamera' } });
    const controller = new AbortController();
    this.running = controller;
    this.deps.events.emit('face.progress', { step: 'started' });
    try {
      const result = await driver.capture({
        purpose,
        timeoutSeconds: this.deps.timeoutSeconds ?? 30,
        signal: controller.signal,
        onProgress: (step) => {
          this.deps.events.emit('face.progress', { step });
          this.deps.touchSession?.();
        },
      });
      this.deps.log.info({ purpose, livenessScore: result.livenessScore, qualityScore: result.qualityScore, bytes: result.jpeg.length }, 'face captured');
      this.deps.onLiveFace?.(purpose);
      const image = Buffer.from(result.jpeg);
      return { captureId: this.deps.captures.hold({ image, livenessScore: result.livenessScore, qualityScore: result.qualityScore, purpose }, connectionId) };
    } catch (error) {
      if (error instanceof KioskError) {
        this.deps.log.warn({ purpose, code: error.code, reason: error.details?.reason }, 'face capture refused');
        throw error;
      }
      throw new KioskError('device_error', { cause: error });
    } finally {
      this.running = null;
    }
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }
}

export function faceHandlers(service: FaceService): HandlerMap<'face.capture' | 'face.cancel'> {
  return {
    'face.capture': (input, ctx) => service.capture(input.purpose, ctx.connection.id),
    'face.cancel': () => ({ cancelled: service.cancel() }),
  };
}
