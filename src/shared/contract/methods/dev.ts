import { z } from 'zod';
import { defineMethod } from '../define';
import { noParams, done } from '../method-shapes';
import { pinOutcome } from './session';

/**
 * The developer panel's control of the card reader simulators. They answer `forbidden` unless the kiosk runs with
 * simulated devices (`--simulate`), so on real hardware they do nothing.
 */
const deviceId = z.string().min(1).max(40).optional();

export const devMethods = {
  'dev.samples': defineMethod({
    summary: 'Simulator: the made-up sample residents a sample card can be made for.',
    access: ['public'],
    schemas: () => ({
      input: noParams(),
      output: z.object({
        residents: z.array(z.object({ index: z.number().int(), name: z.string(), documentType: z.enum(['residentIdCard', 'foreignPermanentResidentCard']), note: z.string() })),
      }),
    }),
  }),
  'dev.idCard.insert': defineMethod({
    summary: 'Simulator: put the sample ID card of resident `residentIndex` on the ID card reader.',
    access: ['public'],
    schemas: () => ({ input: z.object({ residentIndex: z.number().int().min(0).max(99), deviceId }).strict(), output: done() }),
  }),
  'dev.idCard.remove': defineMethod({
    summary: 'Simulator: take the card off the ID card reader.',
    access: ['public'],
    schemas: () => ({ input: z.object({ deviceId }).strict(), output: done() }),
  }),
  'dev.idCard.fault': defineMethod({
    summary: 'Simulator: make the ID card reader misbehave (null = healthy).',
    access: ['public'],
    schemas: () => ({
      input: z.object({ fault: z.enum(['wrongChecksum', 'garbage', 'silence', 'slow', 'removeMidRead', 'samFailure']).nullable(), slowMs: z.number().int().min(0).max(10_000).optional(), deviceId }).strict(),
      output: done(),
    }),
  }),
  'dev.ssCard.insert': defineMethod({
    summary: 'Simulator: insert the sample social security card of resident `residentIndex`.',
    access: ['public'],
    schemas: () => ({ input: z.object({ residentIndex: z.number().int().min(0).max(99), deviceId }).strict(), output: done() }),
  }),
  'dev.ssCard.remove': defineMethod({
    summary: 'Simulator: pull the social security card out.',
    access: ['public'],
    schemas: () => ({ input: z.object({ deviceId }).strict(), output: done() }),
  }),
  'dev.ssCard.fault': defineMethod({
    summary: 'Simulator: make the social security card reader misbehave (null = healthy); pinTries 0 blocks the PIN.',
    access: ['public'],
    schemas: () => ({
      input: z
        .object({
          fault: z.enum(['wrongChecksum', 'garbage', 'silence', 'slow', 'removeMidRead', 'mute']).nullable(),
          slowMs: z.number().int().min(0).max(10_000).optional(),
          pinTries: z.number().int().min(0).max(3).optional(),
          deviceId,
        })
        .strict(),
      output: done(),
    }),
  }),
  'dev.ssCard.verifyPin': defineMethod({
    summary: 'Simulator: checks a PIN on the card in the simulated reader through the reader, as a real check does (a wrong one spends a try), so a test can see what a card operation wrote.',
    access: ['public'],
    schemas: () => ({
      input: z.object({ pin: z.string().regex(/^\d{6}$/), deviceId }).strict(),
      output: pinOutcome(),
    }),
  }),
  'dev.cards.state': defineMethod({
    summary: 'Simulator: which sample card sits in which simulated reader, and the fault modes.',
    access: ['public'],
    schemas: () => ({
      input: noParams(),
      output: z.object({
        idCard: z.object({ deviceId: z.string(), card: z.boolean(), residentIndex: z.number().nullable(), fault: z.string().nullable() }).nullable(),
        ssCard: z.object({ deviceId: z.string(), card: z.boolean(), residentIndex: z.number().nullable(), fault: z.string().nullable(), pinTries: z.number().nullable() }).nullable(),
      }),
    }),
  }),
  'dev.clock.advance': defineMethod({
    summary: "Simulator: moves the kiosk's clock forward by `minutes` (timers keep real time), for the rules that run on the clock (faults that climb); answers the kiosk's time now.",
    access: ['public'],
    schemas: () => ({ input: z.object({ minutes: z.number().int().min(1).max(7 * 24 * 60) }).strict(), output: z.object({ now: z.string() }) }),
  }),
} as const;
