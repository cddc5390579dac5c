import { z } from 'zod';
import type { DeviceConfig } from '../../shared/config/site-config';
import type { DriverRegistration, SimulatorHandle } from '../manager/registry';
import { wireSimulator } from '../simulators/wired-simulator';
import { DocumentCameraDriver } from './driver';
import { resolveCameraHidProfile } from './hid-profile';
import { DocumentCameraHidSimulator } from './simulator';

/**
 * The document camera's `options`: its HID report profile (absent = the reference layout), and for the screen the
 * resolution to ask for and the county's size limit for one page.
 */
export const DocumentCameraOptionsSchema = z
  .object({
    hid: z.unknown().optional(),
    /** Part of the video device's label, for a camera configured with its HID side (a media transport names it itself). */
    videoLabel: z.string().min(1).max(100).optional(),
    width: z.number().int().min(320).max(8192).default(1920),
    height: z.number().int().min(240).max(8192).default(1080),
    maxBytes: z.number().int().min(20_000).max(20_000_000).default(500 * 1024),
  })
  .strict();

const profileOf = (config: DeviceConfig) => resolveCameraHidProfile(DocumentCameraOptionsSchema.parse(config.options ?? {}).hid);

export const documentCameraRegistration: DriverRegistration<'documentCamera'> = {
  kind: 'documentCamera',
  transports: ['hid', 'media', 'simulated'],
  defaultSimulatedId: 'document-camera',
  create: (ctx) =>
    new DocumentCameraDriver({ id: ctx.config.id, transport: ctx.transport, profile: profileOf(ctx.config), simulated: ctx.simulated, ...(ctx.transport ? { link: ctx.transport } : {}), now: ctx.now }),
  createSimulator: (config): SimulatorHandle<DocumentCameraHidSimulator> => {
    const simulator = new DocumentCameraHidSimulator(profileOf(config));
    return wireSimulator(`simulated document camera ${config.id}`, simulator);
  },
};
