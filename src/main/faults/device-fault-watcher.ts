import type { OfficeHours } from '../../shared/domain/office-hours';
import type { DeviceState, DeviceStatus } from '../../shared/domain/devices';

const OUT_OF_ORDER: ReadonlySet<DeviceState> = new Set(['offline', 'hardwareError', 'userActionRequired']);

export interface DeviceFaultWatcherDeps {
  devices: { list(): DeviceStatus[]; onStatus(listener: (status: DeviceStatus) => void): () => void };
  /** Opens a ticket for the county (sent with the next sync round). */
  openFault(deviceId: string, summary: string): void;
  /** Tickets this kiosk holds, to avoid a second one for a device that already has one not closed. */
  tickets(): Array<{ deviceId: string | null; state: string }>;
  /** Read at each check: the county may change them on any config round. */
  officeHours: () => readonly OfficeHours[];
  afterMinutes: number;
  now: () => Date;
}

/**
 * Opens a fault ticket by itself when a device stays out of order (offline, hardware error, needs a person) for
 * `afterMinutes` during office hours: at night nobody can come, and a printer out of paper for two minutes is not a
 * fault. One ticket per device at a time. `check()` runs every minute; tests call it with their own clock.
 */
export class DeviceFaultWatcher {
  private readonly outOfOrderSince = new Map<string, { at: number; status: DeviceStatus }>();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: DeviceFaultWatcherDeps) {}

  start(): void {
    for (const status of this.deps.devices.list()) this.observe(status);
    this.unsubscribe = this.deps.devices.onStatus((status) => this.observe(status));
    this.timer = setInterval(() => this.check(), 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** Opens the tickets that are due now; answers the device ids it opened them for. */
  check(): string[] {
    const now = this.deps.now();
    if (!inOfficeHours(now, this.deps.officeHours())) return [];
    const open = new Set(this.deps.tickets().filter((t) => t.state !== 'closed' && t.deviceId).map((t) => t.deviceId!));
    const opened: string[] = [];
    for (const [deviceId, { at, status }] of this.outOfOrderSince) {
      if (open.has(deviceId) || now.getTime() - at < this.deps.afterMinutes * 60_000) continue;
      const summary = `Automatic: ${status.kind} ${deviceId} ${status.state} since ${new Date(at).toISOString()}${status.detailKey ? ` (${status.detailKey})` : ''}`;
      this.deps.openFault(deviceId, summary);
      opened.push(deviceId);
    }
    return opened;
  }

  private observe(status: DeviceStatus): void {
    if (!OUT_OF_ORDER.has(status.state)) {
      this.outOfOrderSince.delete(status.id);
      return;
    }
    const known = this.outOfOrderSince.get(status.id);
    // Offline then hardware error is one outage: its clock started with the first.
    this.outOfOrderSince.set(status.id, { at: known?.at ?? Date.parse(status.since), status });
  }
}

/** Whether the point is open now (office hours in the kiosk's local time; days 1 = Monday ... 7 = Sunday). */
export function inOfficeHours(now: Date, hours: readonly OfficeHours[]): boolean {
  const day = now.getDay() === 0 ? 7 : now.getDay();
  const minutes = now.getHours() * 60 + now.getMinutes();
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return hours.some((h) => h.days.includes(day) && minutes >= toMinutes(h.open) && minutes < toMinutes(h.close));
}
