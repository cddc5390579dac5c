import { z } from 'zod';

/** Device kinds, after CEN XFS4IoT's classes. */
export const DeviceKindSchema = z.enum([
  'idCardReader',
  'socialSecurityCardReader',
  'receiptPrinter',
  'documentPrinter',
  'documentCamera',
  'faceCamera',
]);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/** One status model for every device. */
export const DeviceStateSchema = z.enum([
  'online',
  'offline',
  'busy',
  'userActionRequired',
  'hardwareError',
  'notConfigured',
]);
export type DeviceState = z.infer<typeof DeviceStateSchema>;

/** Per-kind media status: a card in the reader, paper in the printer. */
export const MediaStateSchema = z.enum(['present', 'absent', 'low', 'jammed', 'unknown', 'notApplicable']);
export type MediaState = z.infer<typeof MediaStateSchema>;

export const DeviceStatusSchema = z.object({
  id: z.string(),
  kind: DeviceKindSchema,
  state: DeviceStateSchema,
  media: MediaStateSchema,
  /** An i18n key saying why (e.g. devices.detail.portGone); never free text with personal data. */
  detailKey: z.string().optional(),
  detailParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  simulated: z.boolean(),
  since: z.string(), // ISO time of the last state change
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;
