import { z } from 'zod';
import { defineMethod } from '../define';
import { DeviceTransportSchema } from '../../config/site-config';
import { DeviceStateSchema, DeviceStatusSchema } from '../../domain/devices';
import { SelfTestResultSchema } from './devices';

const deviceId = z.string().min(1).max(40);

export const DeviceCountersSchema = z.object({
  statusChanges: z.number().int(),
  faults: z.number().int(),
  selfTests: z.number().int(),
  selfTestsFailed: z.number().int(),
  lastError: z.object({ at: z.string(), state: DeviceStateSchema, detailKey: z.string().optional() }).nullable(),
  lastSelfTest: SelfTestResultSchema.nullable(),
});

/**
 * One line of a device-specific test's answer: a label key (technician namespace) and a masked value; where the value
 * is a word rather than a figure, valueKey names it (technician namespace) and the screen says it in its language.
 */
export const DeviceTestLineSchema = z.object({ key: z.string(), value: z.string(), valueKey: z.string().optional() });

export const technicianMethods = {
  'devices.detail': defineMethod({
    summary: 'Technician: one device with its transport, model, counters, last error and last self-test.',
    access: ['technician'],
    schemas: () => ({
      input: z.object({ deviceId }).strict(),
      // The connection as configured (as running, under --simulate): the screen words it in the technician's language.
      output: z.object({ status: DeviceStatusSchema, transport: DeviceTransportSchema, model: z.string().nullable(), counters: DeviceCountersSchema }),
    }),
  }),
  'devices.test': defineMethod({
    summary:
      "Technician: the device's own test (read a test card and show masked fields, print a test page, the face module check, the camera light); personal values are masked before they leave the core.",
    access: ['technician'],
    schemas: () => ({
      input: z.object({ deviceId }).strict(),
      output: z.object({ ok: z.boolean(), lines: z.array(DeviceTestLineSchema), errorCode: z.string().optional() }),
    }),
  }),
  'devices.assign': defineMethod({
    summary:
      'Technician: move a device to another port. The site config is validated, written atomically with the previous version kept, and the device reopened without a restart.',
    access: ['technician'],
    schemas: () => ({
      input: z.object({ deviceId, transport: DeviceTransportSchema }).strict(),
      output: z.object({ status: DeviceStatusSchema, savedTo: z.string(), previousKeptAt: z.string().nullable() }),
    }),
  }),
  'diagnostics.export': defineMethod({
    summary:
      'Technician: one .tar.gz of masked logs, the config without secrets, versions, device states, recent frames (payloads elided) and queue figures, written to a folder (a USB stick).',
    access: ['technician'],
    schemas: () => ({
      input: z.object({ folder: z.string().min(1).max(400) }).strict(),
      output: z.object({ file: z.string(), bytes: z.number().int(), entries: z.array(z.string()) }),
    }),
  }),
} as const;
