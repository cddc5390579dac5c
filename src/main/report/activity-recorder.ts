import type { DeviceStatus } from '../../shared/domain/devices';
import type { ChannelStamp } from '../../shared/domain/service-channel';
import { monthOf } from '../../shared/report/report-month';
import type { CallContext, HandlerMap } from '../dispatcher';
import type { Db } from '../store/database';
import { latestDeviceStates, recordDeviceEvent } from '../store/device-events';
import { noteResidentServed } from '../store/resident-tally';
import { recordServiceEvent } from '../store/service-events';

/**
 * Writes down, as it happens, what the monthly report counts and no other record keeps: queries answered,
 * residents served (as a monthly tally) and device state changes. Prints and help calls (inquiries) have their own tables.
 */
export class ActivityRecorder {
  private readonly lastState = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    for (const r of latestDeviceStates(db)) {
      this.lastState.set(r.id, r.state);
    }
  }

  query(itemCode: string, who: ChannelStamp, residentIdNumber: string | null): void {
    const at = this.now();
    this.db.transaction(() => {
      recordServiceEvent(this.db, { at: at.toISOString(), kind: 'query', itemCode, ...who });
      if (residentIdNumber) noteResidentServed(this.db, monthOf(at), residentIdNumber);
    })();
  }

  /** A device's status: recorded only when its state changed since the last record (media changes are not kept). */
  deviceStatus(status: Pick<DeviceStatus, 'id' | 'kind' | 'state'>, detail?: string): void {
    if (this.lastState.get(status.id) === status.state) return;
    this.lastState.set(status.id, status.state);
    recordDeviceEvent(this.db, { at: this.now().toISOString(), deviceId: status.id, kind: status.kind, state: status.state, ...(detail ? { detail } : {}) });
  }

  /** The kiosk stops: its devices serve nobody until it starts again. */
  stopped(devices: ReadonlyArray<Pick<DeviceStatus, 'id' | 'kind'>>): void {
    for (const d of devices) this.deviceStatus({ ...d, state: 'offline' }, 'kioskStopped');
  }
}

/** The lookup handler, telling `answered` of every query the county answered (a failed one served nobody). */
export function countingQueries(handlers: HandlerMap<'queries.run'>, answered: (itemCode: string, ctx: CallContext) => void): HandlerMap<'queries.run'> {
  return {
    'queries.run': async (input, ctx) => {
      const result = await handlers['queries.run'](input, ctx);
      answered(input.itemCode, ctx);
      return result;
    },
  };
}
