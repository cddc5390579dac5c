import type { z } from 'zod';
import { KioskError } from '../../shared/contract/errors';
import type { DeviceConfig } from '../../shared/config/site-config';
import type { DeviceKind } from '../../shared/domain/devices';
import type { DeviceLog } from '../core/device-log';
import type { ByteTransport } from '../core/transport';
import { plugPortSimulator } from '../simulators/wired-simulator';
import type { ReconnectingTransport } from '../transports/reconnecting-transport';
import type { DriverByKind, SimulatorControlByKind } from './driver-kinds';
import type { DriverContext, DriverRegistration, SimulatorHandle } from './registry';

/** What every driver on a byte line is built with: its id, the line, whether it is simulated, the clock. */
export interface ByteLine {
  id: string;
  transport: ReconnectingTransport;
  simulated: boolean;
  now: () => Date;
}

/** What a device on a byte line (serial, or its simulator on a memory pair) says about itself. */
export interface ByteLineDevice<K extends DeviceKind, O> {
  kind: K;
  /** In words, for the simulator's line: "receipt printer". */
  name: string;
  defaultSimulatedId: string;
  /** The config's `options` block, parsed once for the driver and the simulator alike (absent: the driver parses its own). */
  options?: z.ZodType<O>;
  /** The driver on `line` (what every byte-line driver is built with), the parsed options and the whole context. */
  driver(line: ByteLine, options: O, ctx: DriverContext): DriverByKind[K];
  /** The simulator on the device end of the line, named `simulated <name> <id>`. */
  simulator(description: string, options: O, config: DeviceConfig, log: DeviceLog): SimulatorHandle<SimulatorControlByKind[K]>;
}

/**
 * The registration of a device reached over a byte line: serial hardware or the embedded simulator. A config that
 * gives it no line is a configuration error, said as one.
 */
export function byteLineRegistration<K extends DeviceKind, O>(device: ByteLineDevice<K, O>): DriverRegistration<K> {
  const optionsOf = (config: DeviceConfig): O => (device.options ? device.options.parse(config.options ?? {}) : (undefined as O));
  return {
    kind: device.kind,
    transports: ['serial', 'simulated'],
    defaultSimulatedId: device.defaultSimulatedId,
    create: (ctx) => {
      if (!ctx.transport) throw new KioskError('device_not_configured', { details: { deviceId: ctx.config.id } });
      return device.driver({ id: ctx.config.id, transport: ctx.transport, simulated: ctx.simulated, now: ctx.now }, optionsOf(ctx.config), ctx);
    },
    createSimulator: (config, log) => device.simulator(`simulated ${device.name} ${config.id}`, optionsOf(config), config, log),
  };
}

type CardReaderKind = 'idCardReader' | 'socialSecurityCardReader';

/** A card reader's two halves: its driver on the line, and its simulator, which speaks on a port of its own (so it also runs on a pty). */
export interface CardReaderParts<K extends CardReaderKind> {
  name: string;
  Reader: new (transport: ReconnectingTransport, ctx: DriverContext) => DriverByKind[K];
  Simulator: new (port: ByteTransport, options: { log: DeviceLog }) => SimulatorControlByKind[K];
}

/** The registration of a card reader: built alike for both, the reader reading its own options. */
export function cardReaderRegistration<K extends CardReaderKind>(kind: K, defaultSimulatedId: string, parts: CardReaderParts<K>): DriverRegistration<K> {
  return byteLineRegistration<K, undefined>({
    kind,
    name: parts.name,
    defaultSimulatedId,
    driver: (line, _options, ctx) => new parts.Reader(line.transport, ctx),
    simulator: (description, _options, _config, log) => plugPortSimulator(description, (port) => new parts.Simulator(port, { log })),
  });
}
