import { KioskError } from '../../shared/contract/errors';
import type { DriverRegistration } from '../manager/registry';
import { IdCardSimulator } from '../simulators/id-card-simulator';
import { createMemoryPair } from '../transports/memory-pair';
import { IdCardReader } from './id-card-reader';

/** The ID card reader's entry in the device registry: serial (or USB-serial) hardware, or the embedded simulator. */
export const idCardReaderRegistration: DriverRegistration<'idCardReader'> = {
  kind: 'idCardReader',
  transports: ['serial', 'simulated'],
  defaultSimulatedId: 'id-card',
  create: (ctx) => {
    if (!ctx.transport) throw new KioskError('device_not_configured', { details: { deviceId: ctx.config.id } });
    return new IdCardReader(ctx.transport, ctx);
  },
  createSimulator: (config, log) => {
    const pair = createMemoryPair(`simulated id card reader ${config.id}`);
    const simulator = new IdCardSimulator(pair.device, { log });
    void pair.device.open();
    return {
      transport: pair.host,
      control: simulator,
      close: async () => {
        await pair.device.close();
      },
    };
  },
};
