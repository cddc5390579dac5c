import type { DeviceStatus } from '../../shared/domain/devices';
import type { FrameLogEntry } from './driver';
import type { StatusHolder } from './status-holder';

/**
 * What every driver reports the same way: its status (a copy, told to listeners only on a real change) and its
 * recent frames for the technician. Each driver keeps its own holder and frame log.
 */
export abstract class ReportingDriver {
  protected abstract readonly statusHolder: StatusHolder;
  protected abstract readonly frames: { list(): FrameLogEntry[] };

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
