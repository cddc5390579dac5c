import { KioskError } from '../../shared/contract/errors';
import type { DriverRegistration } from '../manager/registry';
import { SocialSecurityCardSimulator } from '../simulators/social-security-card-simulator';
import { createMemoryPair } from '../transports/memory-pair';
import { SocialSecurityCardReader } from './social-security-card-reader';

/** The social security card reader's entry in the device registry. */
export const socialSecurityCardReaderRegistration: DriverRegistration<'socialSecurityCardReader'> = {
  kind: 'socialSecurityCardReader',
  transports: ['serial', 'simulated'],
  defaultSimulatedId: 'ss-card',
  create: (ctx) => {
    if (!ctx.transport) throw new KioskError('device_not_configured', { details: { deviceId: ctx.config.id } });
    return new SocialSecurityCardReader(ctx.transport, ctx);
  },
  createSimulator: (config, log) => {
    const pair = createMemoryPair(`simulated social security card reader ${config.id}`);
    const simulator = new SocialSecurityCardSimulator(pair.device, { log });
    void pair.device.open();
    return { transport: pair.host, control: simulator, close: () => pair.device.close() };
  },
};
