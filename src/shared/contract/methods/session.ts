import { z } from 'zod';
import { defineMethod } from '../define';
import { flag } from '../method-shapes';
import { ResidentSummarySchema } from '../../domain/identity';
import { TypedIdReasonSchema } from '../../domain/typed-id-reason';

/** What a card answers to a PIN: right, wrong with the tries left, or blocked (made when the contract's schemas are). */
export const pinOutcome = () => z.object({ outcome: z.enum(['ok', 'pinWrong', 'pinBlocked']), triesLeft: z.number().int().min(0).max(15).optional() });

export const SessionEndReasonSchema = z.enum(['finished', 'idle', 'cardRemoved', 'clerkEnded']);

export const sessionMethods = {
  'session.identify': defineMethod({
    summary: 'Read the card on the given reader kind and make its holder the session resident (checks ID number and validity).',
    access: ['public'],
    schemas: () => ({
      input: z.object({ source: z.enum(['idCard', 'socialSecurityCard']), deviceId: z.string().max(40).optional() }).strict(),
      output: ResidentSummarySchema,
    }),
  }),
  'session.identifyTyped': defineMethod({
    summary: 'Clerk: identify the resident by a typed ID number, with the reason chosen from a list (assisted service when the card cannot be read).',
    access: ['clerk'],
    schemas: () => ({
      input: z.object({ idNumber: z.string().min(15).max(18), name: z.string().trim().min(1).max(30).optional(), reason: TypedIdReasonSchema }).strict(),
      output: ResidentSummarySchema,
    }),
  }),
  'session.current': defineMethod({
    summary: 'The identified resident of this visit, masked; null when nobody is identified.',
    access: ['public'],
    schemas: () => ({ output: ResidentSummarySchema.nullable() }),
  }),
  'session.end': defineMethod({
    summary: 'Forget the resident (finished, idle, card removed, ended by the clerk).',
    access: ['public'],
    schemas: () => ({ input: z.object({ reason: SessionEndReasonSchema }).strict(), output: flag('ended') }),
  }),
  'session.touch': defineMethod({
    summary: 'The resident is still there: restart the idle clock (doubled in elder mode).',
    access: ['public'],
    schemas: () => ({
      input: z.object({ elderMode: z.boolean().optional() }).strict(),
      output: z.object({ active: z.boolean(), idleSeconds: z.number().int().nonnegative() }),
    }),
  }),
  'socialSecurityCard.verifyPin': defineMethod({
    summary: 'Check the PIN of the social security card in the reader (card items); tries left on a wrong PIN.',
    access: ['resident'],
    schemas: () => ({
      input: z.object({ pin: z.string().regex(/^\d{6}$/), deviceId: z.string().max(40).optional() }).strict(),
      output: pinOutcome(),
    }),
  }),
  'socialSecurityCard.changePin': defineMethod({
    summary: 'Change the PIN of the social security card in the reader (card items).',
    access: ['resident'],
    schemas: () => ({
      input: z.object({ oldPin: z.string().regex(/^\d{6}$/), newPin: z.string().regex(/^\d{6}$/), deviceId: z.string().max(40).optional() }).strict(),
      output: pinOutcome(),
    }),
  }),
} as const;
