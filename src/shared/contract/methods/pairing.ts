import { z } from 'zod';
import { defineMethod } from '../define';
import { flag } from '../method-shapes';

export const PairingStatusSchema = z.object({
  /** kiosk: window PCs pair with this machine; window: this PC pairs with a kiosk; none: pairing is not set up here. */
  role: z.enum(['kiosk', 'window', 'none']),
  /** On the kiosk: the LAN address its window PC types. */
  address: z.string().nullable(),
  /** On the kiosk: the window PCs paired with it. */
  peers: z.array(z.object({ id: z.string(), name: z.string(), pairedAt: z.string(), connected: z.boolean() })),
  /** On the window PC: the kiosk it is paired with. */
  kiosk: z.object({ address: z.string(), name: z.string(), pairedAt: z.string(), connected: z.boolean() }).nullable(),
});

export const pairingMethods = {
  'pairing.status': defineMethod({
    summary: 'Which window PCs are paired with this kiosk (and linked now), or which kiosk this window PC is paired with.',
    access: ['clerk', 'technician'],
    schemas: () => ({ output: PairingStatusSchema }),
  }),
  'pairing.newCode': defineMethod({
    summary:
      'On the kiosk: a one-time pairing code (8 digits, valid 5 minutes, void after 5 wrong tries) and the LAN address, shown to the clerk or technician who types them on the window PC.',
    access: ['clerk', 'technician'],
    schemas: () => ({ output: z.object({ code: z.string(), expiresAt: z.string(), address: z.string() }) }),
  }),
  'pairing.pair': defineMethod({
    summary:
      "On the window PC: trade the kiosk's code for a per-device key (kept sealed) and link with the kiosk; its residents' help calls then reach this PC's clerk screens. pairing_refused: wrong or spent code; peer_unreachable: no kiosk at that address.",
    access: ['clerk', 'technician'],
    schemas: () => ({
      input: z
        .object({
          address: z.string().trim().regex(/^[A-Za-z0-9.:[\]-]{1,100}:\d{1,5}$/, 'host:port'),
          code: z.string().trim().regex(/^\d{8}$/, '8 digits'),
        })
        .strict(),
      output: z.object({ kioskName: z.string(), pairedAt: z.string() }),
    }),
  }),
  'pairing.unpair': defineMethod({
    summary:
      "On the kiosk: revokes a paired window PC's key (peerId): it is removed from the sealed store and its link is cut at once, so that key opens nothing again. On the window PC: forgets the kiosk's key and closes the link.",
    access: ['clerk', 'technician'],
    schemas: () => ({ input: z.object({ peerId: z.string().uuid().optional() }).strict(), output: flag('unpaired') }),
  }),
} as const;
