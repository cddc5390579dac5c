import { z } from 'zod';
import { byteLineRegistration } from '../manager/byte-line-registration';
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

export const faceModuleRegistration = byteLineRegistration({
  kind: 'faceCamera',
  name: 'face module',
  defaultSimulatedId: 'face-module',
  options: FaceModuleOptionsSchema,
  driver: (line, o) =>
    new FaceModuleDriver({
      ...line,
      link: line.transport,
      ...(o.minLiveness === undefined ? {} : { minLiveness: o.minLiveness }),
      ...(o.minQuality === undefined ? {} : { minQuality: o.minQuality }),
      ...(o.answerTimeoutMs === undefined ? {} : { answerTimeoutMs: o.answerTimeoutMs }),
    }),
  simulator: (description, o) => {
    const simulator = new FaceModuleSimulator(o.simulatorStepMs === undefined ? {} : { stepMs: o.simulatorStepMs });
    return wireSimulator(description, simulator, () => simulator.close());
  },
});
