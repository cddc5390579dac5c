import { z } from 'zod';
import type { DeviceConfig } from '../../shared/config/site-config';
import type { DriverRegistration, SimulatorHandle } from '../manager/registry';
import { createMemoryPair } from '../transports/memory-pair';
import { DocumentCameraDriver } from './driver';
import { resolveCameraHidProfile } from './hid-profile';
import { DocumentCameraHidSimulator } from './simulator';

/** The document camera's `options`: its HID report profile (absent = the reference layout). */
export const DocumentCameraOptionsSchema = z.object({ hid: z.unknown().optional() }).strict();

const profileOf = (config: DeviceConfig) => resolveCameraHidProfile(DocumentCameraOptionsSchema.parse(config.options ?? {}).hid);

export const documentCameraRegistration: DriverRegistration = {
  kind: 'documentCamera',
  transports: ['hid', 'media', 'simulated'],
  defaultSimulatedId: 'document-camera',
  create: (ctx) =>
    new DocumentCameraDriver({ id: ctx.config.id, transport: ctx.transport, profile: profileOf(ctx.config), simulated: ctx.simulated, now: ctx.now }),
  createSimulator: (config): SimulatorHandle<DocumentCameraHidSimulator> => {
    const simulator = new DocumentCameraHidSimulator(profileOf(config));
    const pair = createMemoryPair(`simulated document camera ${config.id}`);
    void pair.device.open();
    pair.device.onData((chunk) => simulator.receive(chunk));
    simulator.onOutput((bytes) => void pair.device.write(bytes).catch(() => undefined));
    return { transport: pair.host, control: simulator, close: () => pair.device.close() };
  },
};
