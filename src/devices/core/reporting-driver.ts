import type { DeviceStatus } from '../../shared/domain/devices';
import type { FrameLogEntry } from './driver';
import type { StatusHolder } from './status-holder';

/**
 * What every driver has and reports the same way: its id and clock, its status (a copy, told to listeners only on a
 * real change) and its recent frames for the technician. Each driver keeps its own holder and frame log.
 */
export abstract class ReportingDriver {
  readonly id: string;
  /** The driver's clock (tests and the simulated clock set it); the wall clock by default. */
  protected readonly now: () => Date;
  protected abstract readonly statusHolder: StatusHolder;
  protected abstract readonly frames: { list(): FrameLogEntry[] };

  protected constructor(identity: { id: string; now?: (() => Date) | undefined }) {
    this.id = identity.id;
    this.now = identity.now ?? (() => new Date());
  }

  status(): DeviceStatus {
    return { ...this.statusHolder.get() };
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.statusHolder.on(listener);
  }

  recentFrames(): FrameLogEntry[] {
    return this.frames.list();
  }
}
