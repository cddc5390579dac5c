import type { DeviceState, DeviceStatus } from '../../shared/domain/devices';
import type { SelfTestResult } from '../core/driver';

export interface DeviceCountersView {
  /** Status changes seen since the kiosk started (or the device was reassigned). */
  statusChanges: number;
  /** Times the device went from working to offline, hardware error or needing a person. */
  faults: number;
  selfTests: number;
  selfTestsFailed: number;
  lastError: { at: string; state: DeviceState; detailKey?: string } | null;
  lastSelfTest: SelfTestResult | null;
}

const WORKING: ReadonlySet<DeviceState> = new Set(['online', 'busy']);
const FAULTY: ReadonlySet<DeviceState> = new Set(['offline', 'hardwareError', 'userActionRequired']);

/** What a technician reads about a device's recent life: counts of changes and faults, and the last error. */
export class DeviceCounters {
  private view: DeviceCountersView = { statusChanges: 0, faults: 0, selfTests: 0, selfTestsFailed: 0, lastError: null, lastSelfTest: null };
  private previous: DeviceState | null = null;

  status(status: DeviceStatus): void {
    this.view.statusChanges += 1;
    if (FAULTY.has(status.state)) {
      if (this.previous !== null && WORKING.has(this.previous)) this.view.faults += 1;
      this.view.lastError = { at: status.since, state: status.state, ...(status.detailKey ? { detailKey: status.detailKey } : {}) };
    }
    this.previous = status.state;
  }

  selfTest(result: SelfTestResult): void {
    this.view.selfTests += 1;
    if (!result.ok) this.view.selfTestsFailed += 1;
    this.view.lastSelfTest = result;
  }

  get(): DeviceCountersView {
    return { ...this.view };
  }
}
