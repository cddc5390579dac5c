import { z } from 'zod';
import type { DeviceConfig } from '../../shared/config/site-config';
import type { DriverRegistration, SimulatorHandle } from '../manager/registry';
import { wireSimulator } from '../simulators/wired-simulator';
import { FaceModuleDriver } from './driver';
import { FaceModuleSimulator } from './simulator';

/** The face module's `options` block in the site config. */
export const FaceModuleOptionsSchema = z
  .object({
    minLiveness: z.number().min(0).max(1).optional(),
    minQuality: z.number().min(0).max(1).optional(),
    answerTimeoutMs: z.number().int().min(100).max(30_000).optional(),
    /** Simulator only: time between progress steps. */
    simulatorStepMs: z.number().int().min(0).max(5000).optional(),
  })
  .strict();

function optionsOf(config: DeviceConfig): z.infer<typeof FaceModuleOptionsSchema> {
  return FaceModuleOptionsSchema.parse(config.options ?? {});
}

export const faceModuleRegistration: DriverRegistration<'faceCamera'> = {
  kind: 'faceCamera',
  transports: ['serial', 'simulated'],
  defaultSimulatedId: 'face-module',
  create: (ctx) => {
    if (!ctx.transport) throw new Error('face module needs a byte transport');
    const o = optionsOf(ctx.config);
    return new FaceModuleDriver({
      id: ctx.config.id,
      transport: ctx.transport,
      link: ctx.transport,
      simulated: ctx.simulated,
      now: ctx.now,
      ...(o.minLiveness === undefined ? {} : { minLiveness: o.minLiveness }),
      ...(o.minQuality === undefined ? {} : { minQuality: o.minQuality }),
      ...(o.answerTimeoutMs === undefined ? {} : { answerTimeoutMs: o.answerTimeoutMs }),
    });
  },
  createSimulator: (config): SimulatorHandle<FaceModuleSimulator> => {
    const o = optionsOf(config);
    const simulator = new FaceModuleSimulator(o.simulatorStepMs === undefined ? {} : { stepMs: o.simulatorStepMs });
    return wireSimulator(`simulated face module ${config.id}`, simulator, () => simulator.close());
  },
};
