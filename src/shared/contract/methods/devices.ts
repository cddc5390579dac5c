import { z } from 'zod';
import { defineMethod } from '../define';
import { listOf } from '../method-shapes';
import { DeviceStatusSchema } from '../../domain/devices';

export const SelfTestResultSchema = z.object({
  ok: z.boolean(),
  steps: z.array(z.object({ name: z.string(), ok: z.boolean(), detailKey: z.string().optional(), detail: z.string().optional() })),
  startedAt: z.string(),
  finishedAt: z.string(),
});

export const FrameLogEntrySchema = z.object({
  at: z.string(),
  direction: z.enum(['tx', 'rx']),
  hex: z.string(),
  note: z.string().optional(),
});

export const DiscoveredPortSchema = z.object({
  type: z.enum(['serial', 'hid']),
  path: z.string(),
  vendorId: z.number().int().optional(),
  productId: z.number().int().optional(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  serialNumber: z.string().optional(),
});

const deviceId = z.string().min(1).max(40);

export const devicesMethods = {
  'devices.list': defineMethod({
    summary: 'Every device with kind, state, media and a detail key (tiles show readiness from it).',
    access: ['public'],
    schemas: () => ({ output: listOf('devices', DeviceStatusSchema) }),
  }),
  'devices.selfTest': defineMethod({
    summary: 'Technician: run the device self-test (port, firmware/SAM, media) and report each step.',
    access: ['technician'],
    schemas: () => ({ input: z.object({ deviceId }).strict(), output: SelfTestResultSchema }),
  }),
  'devices.ports': defineMethod({
    summary: 'Technician: serial ports and HID devices with vendor/product ids, to find where a device is plugged.',
    access: ['technician'],
    schemas: () => ({
      output: z.object({ ports: z.array(DiscoveredPortSchema), problems: z.array(z.object({ source: z.enum(['serial', 'hid']), message: z.string() })) }),
    }),
  }),
  'devices.frames': defineMethod({
    summary: 'Technician: the recent frames of a device (hex, personal payloads elided), newest last.',
    access: ['technician'],
    schemas: () => ({ input: z.object({ deviceId, limit: z.number().int().min(1).max(200).default(50) }).strict(), output: listOf('frames', FrameLogEntrySchema) }),
  }),
} as const;
