import { z } from 'zod';
import { defineMethod } from '../define';
import { flag } from '../method-shapes';
import { ProxyRelationSchema, ProxySummarySchema } from '../../domain/proxy';

/** 代理办: an agent applies for the identified resident (src/main/services/proxy.ts). Clerks only. */
export const proxyMethods = {
  'proxy.begin': defineMethod({
    summary: "A clerk records an agent for the identified resident: the agent's ID card is read on the reader, the relation chosen; refused for items that forbid a proxy.",
    access: ['clerk'],
    schemas: () => ({
      input: z.object({ itemCode: z.string().min(1).max(40), relation: ProxyRelationSchema, deviceId: z.string().max(64).optional() }).strict(),
      output: ProxySummarySchema,
    }),
  }),
  'proxy.consent': defineMethod({
    summary: "The resident's consent to the proxy: a signed consent slip photographed on the document camera, or the resident's own social security card and PIN.",
    access: ['clerk'],
    schemas: () => ({
      input: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('signedSlip'), mime: z.enum(['image/jpeg', 'image/png']), imageBase64: z.string().min(4).max(6_000_000) }).strict(),
        z.object({ kind: z.literal('cardAndPin'), pin: z.string().regex(/^\d{6}$/), deviceId: z.string().max(64).optional() }).strict(),
      ]),
      output: z.discriminatedUnion('outcome', [
        z.object({ outcome: z.literal('ok'), proxy: ProxySummarySchema }),
        z.object({ outcome: z.literal('pinWrong'), triesLeft: z.number().int().nonnegative() }),
        z.object({ outcome: z.literal('pinBlocked') }),
      ]),
    }),
  }),
  'proxy.current': defineMethod({
    summary: 'The proxy of this visit (masked), or null.',
    access: ['clerk'],
    schemas: () => ({ output: ProxySummarySchema.nullable() }),
  }),
  'proxy.cancel': defineMethod({
    summary: 'The clerk drops the proxy of this visit (the resident stays identified).',
    access: ['clerk'],
    schemas: () => ({ output: flag('cancelled') }),
  }),
} as const;
