import type { DeviceManager } from '../../devices/manager/device-manager';
import type { FacePurpose } from '../../devices/face/protocol';
import type { FaceModuleSimulator, SimulatedFaceOutcome } from '../../devices/face/simulator';
import { KioskError } from '../../shared/contract/errors';
import type { HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logging/logger';

export interface FaceDeps {
  devices: Pick<DeviceManager, 'firstOfKind' | 'simulatorOfKind' | 'simulatorControl'>;
  events: EventBus;
  log: Logger;
  /** Called on every progress step: a resident following instructions is not idle. */
  touchSession?: () => void;
  /** A live face was captured: the resident's session records it (identity rules, risk-class.ts). */
  onLiveFace?: (purpose: FacePurpose) => void;
  /** How long the module may try per session. */
  timeoutSeconds?: number;
}

/**
 * Face capture for certification and re-modelling: one session at a time on the face module, progress pushed as
 * `face.progress`, the image returned to the screen to go with the submission. The kiosk never matches faces.
 */
export class FaceService {
  private running: AbortController | null = null;

  constructor(private readonly deps: FaceDeps) {}

  async capture(purpose: FacePurpose): Promise<{ imageBase64: string; livenessScore: number; qualityScore: number }> {
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
      return { imageBase64: Buffer.from(result.jpeg).toString('base64'), livenessScore: result.livenessScore, qualityScore: result.qualityScore };
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

  simulator(deviceId: string | undefined): FaceModuleSimulator {
    const sim = deviceId ? this.deps.devices.simulatorControl(deviceId, 'faceCamera') : this.deps.devices.simulatorOfKind('faceCamera')?.control;
    if (!sim) throw new KioskError('forbidden', { details: { reason: 'notSimulated' } });
    return sim;
  }
}

export function faceHandlers(service: FaceService): HandlerMap<'face.capture' | 'face.cancel' | 'dev.face.nextOutcome'> {
  return {
    'face.capture': (input) => service.capture(input.purpose),
    'face.cancel': () => ({ cancelled: service.cancel() }),
    'dev.face.nextOutcome': (input) => {
      service.simulator(input.deviceId).setNextOutcome(input.outcome as SimulatedFaceOutcome);
      return { ok: true as const };
    },
  };
}
