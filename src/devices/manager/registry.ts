import type { DeviceConfig, DeviceTransportConfig } from '../../shared/config/site-config';
import type { DeviceKind } from '../../shared/domain/devices';
import type { DeviceLog } from '../core/device-log';
import type { ByteTransport } from '../core/transport';
import type { PdfSpooler } from '../printer/document-printer';
import type { ReconnectingTransport } from '../transports/reconnecting-transport';
import type { DriverByKind, SimulatorControlByKind } from './driver-kinds';

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
  /** The host's PDF spooler for a document printer on an OS queue (lp, Electron's print); absent in test rigs. */
  spooler?: PdfSpooler;
}

/** An in-process simulator: the host side of its byte pipe, and the control surface for the developer panel. */
export interface SimulatorHandle<C = unknown> {
  /** The host side of the simulator's byte pipe; absent for devices reached through the OS (an A4 print queue). */
  transport?: ByteTransport;
  control: C;
  close(): Promise<void>;
}

/** How the manager builds one kind of device: its driver interface and simulator are the kind's (driver-kinds.ts). */
export interface DriverRegistration<K extends DeviceKind = DeviceKind> {
  kind: K;
  /** Transports this driver can run on; a config naming another is reported as notConfigured. */
  transports: readonly TransportType[];
  create(ctx: DriverContext & { simulator: SimulatorHandle<SimulatorControlByKind[K]> | undefined }): DriverByKind[K];
  /** Builds the device-side simulator used for the 'simulated' transport and under `--simulate`. */
  createSimulator?(config: DeviceConfig, log: DeviceLog): SimulatorHandle<SimulatorControlByKind[K]>;
  /** Id of the device added under `--simulate` when the site config has none of this kind. */
  defaultSimulatedId?: string;
}

/** One registration of whichever kind (a union, so `kind` tells which). */
export type AnyDriverRegistration = { [K in DeviceKind]: DriverRegistration<K> }[DeviceKind];

/** Driver factories keyed by device kind: the one place a new device kind is plugged in. */
export class DriverRegistry {
  private readonly byKind = new Map<DeviceKind, AnyDriverRegistration>();

  register(registration: AnyDriverRegistration): this {
    if (this.byKind.has(registration.kind)) throw new Error(`a driver for ${registration.kind} is already registered`);
    if (registration.transports.length === 0) throw new Error(`driver for ${registration.kind}: transports is empty`);
    this.byKind.set(registration.kind, registration);
    return this;
  }

  get(kind: DeviceKind): AnyDriverRegistration | undefined {
    return this.byKind.get(kind);
  }

  kinds(): DeviceKind[] {
    return [...this.byKind.keys()];
  }
}
