import { KioskError } from '../../shared/contract/errors';
import type { DeviceConfig } from '../../shared/config/site-config';
import type { DeviceKind, DeviceStatus } from '../../shared/domain/devices';
import type { DeviceLog } from '../core/device-log';
import type { DeviceDriver, FrameLogEntry, SelfTestResult } from '../core/driver';
import type { ByteTransport } from '../core/transport';
import { HidTransport } from '../transports/hid-transport';
import { ReconnectingTransport, type ReconnectOptions } from '../transports/reconnecting-transport';
import { SerialTransport } from '../transports/serial-transport';
import type { PdfSpooler } from '../printer/document-printer';
import { DeviceCounters, type DeviceCountersView } from './device-counters';
import type { DriverByKind, SimulatorControlByKind } from './driver-kinds';
import type { DriverContext, DriverRegistry, SimulatorHandle } from './registry';

export interface DeviceManagerOptions {
  /** The host's PDF spooler, handed to a document printer on an OS queue. */
  spooler?: PdfSpooler;
  devices: readonly DeviceConfig[];
  /** Run every device on its in-process simulator and add one per registered kind the config lacks. */
  simulate: boolean;
  log: DeviceLog;
  now?: () => Date;
  reconnect?: ReconnectOptions;
  /** Self-test deadline per device. */
  selfTestTimeoutMs?: number;
}

interface ManagedDevice {
  config: DeviceConfig;
  counters: DeviceCounters;
  /** For technicians: "serial /dev/ttyUSB0 @115200", "simulated receiptPrinter", "systemPrinter village-a4". */
  transportDescription: string;
  unsubscribe: () => void;
  driver: DeviceDriver | null;
  /** Status of a device that has no driver (unknown kind, unsupported transport). */
  placeholder: DeviceStatus | null;
  simulator: SimulatorHandle | undefined;
}

/**
 * Owns every device: builds drivers from the site config through the registry of factories, forwards their status
 * changes, runs self-tests and hands drivers to the core services. Knows no device protocol itself.
 */
export class DeviceManager {
  private readonly devices = new Map<string, ManagedDevice>();
  private readonly listeners = new Set<(status: DeviceStatus) => void>();
  private readonly selfTestListeners = new Set<(id: string, result: SelfTestResult) => void>();
  private readonly now: () => Date;
  private started = false;

  constructor(
    private readonly registry: DriverRegistry,
    private readonly options: DeviceManagerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    for (const config of this.effectiveConfigs()) this.devices.set(config.id, this.build(config));
  }

  /** Opens every transport and starts polling; a missing port only makes that device offline. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await Promise.all(
      [...this.devices.values()].map(async (d) => {
        if (!d.driver) return;
        try {
          await d.driver.start();
        } catch (error) {
          this.options.log.error({ deviceId: d.config.id, err: error }, 'driver failed to start');
        }
      }),
    );
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const d of this.devices.values()) {
      await d.driver?.stop().catch((error: unknown) => this.options.log.warn({ deviceId: d.config.id, err: error }, 'driver stop failed'));
      await d.simulator?.close().catch(() => undefined);
    }
  }

  list(): DeviceStatus[] {
    return [...this.devices.values()].map((d) => (d.driver ? d.driver.status() : d.placeholder!));
  }

  status(id: string): DeviceStatus {
    const d = this.require(id);
    return d.driver ? d.driver.status() : d.placeholder!;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The driver with this id, whatever its kind; throws not_found, or device_not_configured without a driver. */
  driver(id: string): DeviceDriver {
    const d = this.require(id);
    if (!d.driver) throw new KioskError('device_not_configured', { details: { deviceId: id } });
    return d.driver;
  }

  /** The driver with this id as its kind's interface; device_not_configured when it is of another kind. */
  driverOf<K extends DeviceKind>(id: string, kind: K): DriverByKind[K] {
    const driver = this.driver(id);
    if (!isKind(driver, kind)) throw new KioskError('device_not_configured', { details: { deviceId: id, kind } });
    return driver;
  }

  /** The first working driver of a kind (most kiosks have one of each), or undefined. */
  firstOfKind<K extends DeviceKind>(kind: K): DriverByKind[K] | undefined {
    for (const d of this.devices.values()) if (d.driver && isKind(d.driver, kind)) return d.driver;
    return undefined;
  }

  configOf(id: string): DeviceConfig {
    return this.require(id).config;
  }

  /** The simulator's control surface of a simulated device of this kind (developer panel), or undefined. */
  simulatorControl<K extends DeviceKind>(id: string, kind: K): SimulatorControlByKind[K] | undefined {
    const d = this.devices.get(id);
    return d && d.config.kind === kind ? (d.simulator?.control as SimulatorControlByKind[K] | undefined) : undefined;
  }

  /** The first simulated device of a kind with its control surface. */
  simulatorOfKind<K extends DeviceKind>(kind: K): { id: string; control: SimulatorControlByKind[K] } | undefined {
    // The simulator was made by this kind's registration (createSimulator returns SimulatorHandle<SimulatorControlByKind[K]>).
    for (const d of this.devices.values()) if (d.config.kind === kind && d.simulator) return { id: d.config.id, control: d.simulator.control as SimulatorControlByKind[K] };
    return undefined;
  }

  /** The config, counters and last error of a device, for the technician's screen. */
  detail(id: string): { config: DeviceConfig; transport: string; counters: DeviceCountersView } {
    const d = this.require(id);
    return { config: d.config, transport: d.transportDescription, counters: d.counters.get() };
  }

  /** Whether this kind's driver runs on this transport type (a printer on a camera's media transport does not). */
  supportsTransport(kind: DeviceKind, type: DeviceConfig['transport']['type']): boolean {
    return this.registry.get(kind)?.transports.includes(type) ?? false;
  }

  /**
   * Moves a device to another transport (a technician plugged it elsewhere) without restarting the kiosk: the old
   * driver stops, a new one is built from the new config and started. The caller saves the config.
   */
  async reassign(config: DeviceConfig): Promise<DeviceStatus> {
    const old = this.require(config.id);
    if (old.config.kind !== config.kind) throw new KioskError('invalid_params', { details: { deviceId: config.id, problem: 'kindChanged' } });
    await old.driver?.stop().catch((error: unknown) => this.options.log.warn({ deviceId: config.id, err: error }, 'driver stop failed'));
    await old.simulator?.close().catch(() => undefined);
    old.unsubscribe();
    const next = this.build(config);
    this.devices.set(config.id, next);
    if (this.started && next.driver) await next.driver.start().catch((error: unknown) => this.options.log.error({ deviceId: config.id, err: error }, 'driver failed to start'));
    const status = this.status(config.id);
    for (const l of [...this.listeners]) l(status);
    return status;
  }

  async selfTest(id: string): Promise<SelfTestResult> {
    const result = await this.runSelfTest(id);
    this.devices.get(id)?.counters.selfTest(result);
    for (const l of [...this.selfTestListeners]) l(id, result);
    return result;
  }

  /** Every finished self-test (a passing one confirms a fix: the fault desk offers to close the device's ticket). */
  onSelfTest(listener: (id: string, result: SelfTestResult) => void): () => void {
    this.selfTestListeners.add(listener);
    return () => this.selfTestListeners.delete(listener);
  }

  private async runSelfTest(id: string): Promise<SelfTestResult> {
    const d = this.require(id);
    const startedAt = this.now().toISOString();
    if (!d.driver) {
      return { ok: false, startedAt, finishedAt: startedAt, steps: [{ name: 'driver', ok: false, detailKey: d.placeholder?.detailKey ?? 'card-readers:detail.noDriver' }] };
    }
    const controller = new AbortController();
    const timeoutMs = this.options.selfTestTimeoutMs ?? 10_000;
    const timer = setTimeout(() => controller.abort(new KioskError('device_timeout')), timeoutMs);
    try {
      return await d.driver.selfTest(controller.signal);
    } catch (error) {
      const code = error instanceof KioskError ? error.code : 'device_error';
      return { ok: false, startedAt, finishedAt: this.now().toISOString(), steps: [{ name: 'selfTest', ok: false, detailKey: `errors:${code}` }] };
    } finally {
      clearTimeout(timer);
    }
  }

  frames(id: string): FrameLogEntry[] {
    return this.require(id).driver?.recentFrames() ?? [];
  }

  private require(id: string): ManagedDevice {
    const d = this.devices.get(id);
    if (!d) throw new KioskError('not_found', { details: { deviceId: id } });
    return d;
  }

  /** The configured devices; under --simulate byte devices move to their simulators and missing kinds are added. */
  private effectiveConfigs(): DeviceConfig[] {
    const configs = [...this.options.devices];
    if (!this.options.simulate) return configs;
    const result = configs.map((c) => {
      const reg = this.registry.get(c.kind);
      return reg?.createSimulator && (c.transport.type === 'serial' || c.transport.type === 'hid')
        ? { ...c, transport: { type: 'simulated' as const } }
        : c;
    });
    for (const kind of this.registry.kinds()) {
      const reg = this.registry.get(kind)!;
      if (reg.createSimulator && reg.defaultSimulatedId && !result.some((c) => c.kind === kind)) {
        result.push({ id: reg.defaultSimulatedId, kind, transport: { type: 'simulated' }, options: {} });
      }
    }
    return result;
  }

  private build(config: DeviceConfig): ManagedDevice {
    const log = this.options.log.child({ deviceId: config.id });
    const reg = this.registry.get(config.kind);
    const counters = new DeviceCounters();
    const placeholder = (detailKey: string): ManagedDevice => ({
      config,
      counters,
      transportDescription: describeTransport(config),
      unsubscribe: () => undefined,
      driver: null,
      simulator: undefined,
      placeholder: { id: config.id, kind: config.kind, state: 'notConfigured', media: 'unknown', detailKey, simulated: false, since: this.now().toISOString() },
    });
    if (!reg) return placeholder('card-readers:detail.noDriver');
    if (!reg.transports.includes(config.transport.type)) return placeholder('card-readers:detail.transportUnsupported');
    let simulator: SimulatorHandle | undefined;
    let transport: ReconnectingTransport | null = null;
    const t = config.transport;
    if (t.type === 'simulated') {
      if (!reg.createSimulator) return placeholder('card-readers:detail.noSimulator');
      simulator = (reg.createSimulator as (config: DeviceConfig, log: DeviceLog) => SimulatorHandle)(config, log.child({ simulator: true }));
      const port = simulator.transport;
      if (port) transport = new ReconnectingTransport(() => port, `simulated ${config.kind}`, this.options.reconnect);
    } else if (t.type === 'serial') {
      transport = new ReconnectingTransport(() => new SerialTransport({ path: t.path, baudRate: t.baudRate }), `serial ${t.path} @${t.baudRate}`, this.options.reconnect);
    } else if (t.type === 'hid') {
      const make = (): ByteTransport =>
        new HidTransport({ vendorId: t.vendorId, productId: t.productId, ...(t.serialNumber === undefined ? {} : { serialNumber: t.serialNumber }) });
      transport = new ReconnectingTransport(make, make().description, this.options.reconnect);
    }
    let driver: DeviceDriver;
    try {
      // Each registration's create takes its own kind's simulator; the one made above came from the same registration.
      const create = reg.create as (ctx: DriverContext) => DeviceDriver;
      driver = create({ config, transport, simulated: t.type === 'simulated', simulator, log, now: this.now, ...(this.options.spooler ? { spooler: this.options.spooler } : {}) });
      if (driver.kind !== config.kind) throw new Error(`the ${config.kind} registration built a ${driver.kind} driver`);
    } catch (error) {
      // A bad options block names the field in the log; the device shows as not configured instead of stopping the kiosk.
      log.error({ err: error }, 'driver could not be built from its config');
      return placeholder('card-readers:detail.badOptions');
    }
    const unsubscribe = driver.onStatus((status) => {
      counters.status(status);
      log.info({ state: status.state, media: status.media, detailKey: status.detailKey ?? null, ...(status.detailParams ?? {}) }, 'device status');
      for (const l of [...this.listeners]) l(status);
    });
    return { config, counters, transportDescription: transport?.description ?? describeTransport(config), unsubscribe, driver, placeholder: null, simulator };
  }
}

/** A driver's kind says which interface it has: each registration's create returns DriverByKind[its kind], and
 *  build() refuses a driver whose kind differs from its config's. */
function isKind<K extends DeviceKind>(driver: DeviceDriver, kind: K): driver is DriverByKind[K] {
  return driver.kind === kind;
}

function describeTransport(config: DeviceConfig): string {
  const t = config.transport;
  switch (t.type) {
    case 'serial':
      return `serial ${t.path} @${t.baudRate}`;
    case 'hid':
      return `hid ${t.vendorId.toString(16).padStart(4, '0')}:${t.productId.toString(16).padStart(4, '0')}`;
    case 'systemPrinter':
      return `systemPrinter ${t.name}`;
    default:
      return t.type === 'simulated' ? `simulated ${config.kind}` : t.type;
  }
}
