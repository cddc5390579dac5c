import { z } from 'zod';
import { KioskErrorPayloadSchema } from './errors';

/**
 * Wire messages of the browser host's WebSocket (Electron IPC carries the same payloads):
 *   request  {"id":1,"method":"catalog.list","params":{}}
 *   response {"id":1,"result":...} | {"id":1,"error":{code,messageKey,retryable,details}}
 *   event    {"event":"card.inserted","data":...}
 */
export const WireRequestSchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().min(1).max(64)]),
  method: z.string().min(1).max(100),
  params: z.unknown().optional(),
});
export type WireRequest = z.infer<typeof WireRequestSchema>;

export const WireResponseSchema = z.union([
  z.object({ id: z.union([z.number(), z.string(), z.null()]), result: z.unknown() }),
  z.object({ id: z.union([z.number(), z.string(), z.null()]), error: KioskErrorPayloadSchema }),
]);
export type WireResponse = z.infer<typeof WireResponseSchema>;

export const WireEventSchema = z.object({ event: z.string(), data: z.unknown() });
export type WireEvent = z.infer<typeof WireEventSchema>;

/** Largest message a carrier accepts: a captured page (JPEG, at most a few hundred KB) travels base64 inside one. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
