import type { DeviceConfig, DeviceTransportConfig } from '../../shared/config/site-config';
import type { DeviceKind } from '../../shared/domain/devices';
import type { DeviceLog } from '../core/device-log';
import type { DeviceDriver } from '../core/driver';
import type { ByteTransport } from '../core/transport';
import type { ReconnectingTransport } from '../transports/reconnecting-transport';

export type TransportType = DeviceTransportConfig['type'];

/** What a factory gets to build one driver. */
export interface DriverContext {
  config: DeviceConfig;
  /**
   * For byte-stream transports (serial, hid, simulated): the port, kept open across unplugs; the driver calls
   * open() in start() and watches onLink for online/offline. Null for media and systemPrinter transports.
   */
  transport: ReconnectingTransport | null;
  simulated: boolean;
  /** The in-process simulator's control surface when simulated (what dev.* methods drive), else undefined. */
  simulator: SimulatorHandle | undefined;
  log: DeviceLog;
  now: () => Date;
}

/** An in-process simulator: the host side of its byte pipe, and the control surface for the developer panel. */
export interface SimulatorHandle<C = unknown> {
  /** The host side of the simulator's byte pipe; absent for devices reached through the OS (an A4 print queue). */
  transport?: ByteTransport;
  control: C;
  close(): Promise<void>;
}

/** How the manager builds one kind of device. DEV1 registers the card readers, DEV2 the printer/camera/face module. */
export interface DriverRegistration {
  kind: DeviceKind;
  /** Transports this driver can run on; a config naming another is reported as notConfigured. */
  transports: readonly TransportType[];
  create(ctx: DriverContext): DeviceDriver;
  /** Builds the device-side simulator used for the 'simulated' transport and under `--simulate`. */
  createSimulator?(config: DeviceConfig, log: DeviceLog): SimulatorHandle;
  /** Id of the device added under `--simulate` when the site config has none of this kind. */
  defaultSimulatedId?: string;
}

/** Driver factories keyed by device kind: the one place a new device kind is plugged in. */
export class DriverRegistry {
  private readonly byKind = new Map<DeviceKind, DriverRegistration>();

  register(registration: DriverRegistration): this {
    if (this.byKind.has(registration.kind)) throw new Error(`a driver for ${registration.kind} is already registered`);
    if (registration.transports.length === 0) throw new Error(`driver for ${registration.kind}: transports is empty`);
    this.byKind.set(registration.kind, registration);
    return this;
  }

  get(kind: DeviceKind): DriverRegistration | undefined {
    return this.byKind.get(kind);
  }

  kinds(): DeviceKind[] {
    return [...this.byKind.keys()];
  }
}
