import { z } from 'zod';

/**
 * How a record came about (服务方式): the resident alone at the kiosk (self), a clerk beside them (assisted, 帮办),
 * a clerk at the window PC (window), a clerk at the resident's home (homeVisit, 上门), or an agent applying for
 * the resident (proxy, 代理办). Every submission, print, capture, inquiry, case step and help call carries one, with
 * the operator's staff id (null only for self). The monthly report counts by it.
 */
export const SERVICE_CHANNELS = ['self', 'assisted', 'window', 'homeVisit', 'proxy'] as const;
export const ServiceChannelSchema = z.enum(SERVICE_CHANNELS);
export type ServiceChannel = z.infer<typeof ServiceChannelSchema>;

/** Channels only a logged-in clerk can produce: a resident alone never stamps one of these. */
export const STAFF_CHANNELS: ReadonlySet<ServiceChannel> = new Set(['assisted', 'window', 'homeVisit']);

/** The stamp every record carries. operatorId is null exactly when the channel is self. */
export const ChannelStampSchema = z
  .object({ channel: ServiceChannelSchema, operatorId: z.string().min(1).max(64).nullable() })
  .refine((s) => (s.channel === 'self') === (s.operatorId === null), { message: 'self has no operator; every other channel names one' });
export type ChannelStamp = z.infer<typeof ChannelStampSchema>;
