import { z } from 'zod';

/** What the window PC and the kiosk say to each other over the paired link (JSON text frames, validated on arrival). */
const ClerkSchema = z.object({ id: z.string().min(1).max(64), displayName: z.string().min(1).max(60) });

export const WindowMessageSchema = z.discriminatedUnion('type', [
  /** The clerks logged in on the window PC's screens right now (sent on connect and on every change). */
  z.object({ type: z.literal('presence'), clerks: z.array(ClerkSchema).max(20) }),
  /** A clerk at the window PC takes a help call of the kiosk. */
  z.object({ type: z.literal('help.answer'), requestId: z.number().int().nonnegative(), callId: z.string().min(1).max(64), clerk: ClerkSchema }),
]);
export type WindowMessage = z.infer<typeof WindowMessageSchema>;

export const KioskMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('help.requested'), callId: z.string().max(64), at: z.string().max(40), screen: z.string().max(80) }),
  z.object({ type: z.literal('help.answered'), callId: z.string().max(64), clerkName: z.string().max(60) }),
  z.object({ type: z.literal('help.answerResult'), requestId: z.number().int(), taken: z.boolean(), ownerName: z.string().nullable(), refused: z.string().max(40).optional() }),
]);
export type KioskMessage = z.infer<typeof KioskMessageSchema>;

export const PairRequestSchema = z.object({ code: z.string().regex(/^\d{8}$/), name: z.string().min(1).max(80) }).strict();
export const PairAnswerSchema = z.object({ peerId: z.string().uuid(), key: z.string().min(40).max(100), name: z.string().max(80) });

export const LAN_PAIR_PATH = '/lan/v1/pair';
export const LAN_LINK_PATH = '/lan/v1/link';

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
