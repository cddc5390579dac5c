import { z } from 'zod';
import { defineMethod, type MethodSpec } from '../define';
import { done } from '../method-shapes';
import { pinOutcome } from './session';

/**
 * The developer panel's control of the card reader simulators. They answer `forbidden` unless the kiosk runs with
 * simulated devices (`--simulate`), so on real hardware they do nothing.
 */
const deviceId = z.string().min(1).max(40).optional();

/** Which sample card a simulated reader holds and how it misbehaves (null: not a simulated reader). */
const simulatedReaderState = <E extends z.ZodRawShape>(extra: E) =>
  z.object({ deviceId: z.string(), card: z.boolean(), residentIndex: z.number().nullable(), fault: z.string().nullable(), ...extra }).nullable();

type Faults = readonly [string, ...string[]];

/** How a simulated reader is told to misbehave: a fault mode or null (healthy), how slow, and the reader's own extras. */
const readerFaultParams = <F extends Faults, E extends z.ZodRawShape>(faults: F, extra: E) =>
  z.object({ fault: z.enum(faults).nullable(), slowMs: z.number().int().min(0).max(10_000).optional(), ...extra, deviceId }).strict();

const insertCardParams = () => z.object({ residentIndex: z.number().int().min(0).max(99), deviceId }).strict();
const removeCardParams = () => z.object({ deviceId }).strict();
type Done = ReturnType<typeof done>;

/**
 * A simulated card reader's three controls, `dev.<reader>.insert|remove|fault`: put the sample card of resident
 * `residentIndex` in, take it out, make the reader misbehave. The ID card and social security card readers share one
 * simulator kit (devices/simulators), so they share these controls; only the words and the fault modes differ.
 */
function simulatedCardReaderMethods<R extends string, const F extends Faults, E extends z.ZodRawShape>(
  reader: R,
  summaries: { readonly insert: string; readonly remove: string; readonly fault: string },
  faults: F,
  faultExtra: E,
) {
  const access = ['public'] as const;
  return {
    [`dev.${reader}.insert`]: defineMethod({ summary: summaries.insert, access, schemas: () => ({ input: insertCardParams(), output: done() }) }),
    [`dev.${reader}.remove`]: defineMethod({ summary: summaries.remove, access, schemas: () => ({ input: removeCardParams(), output: done() }) }),
    [`dev.${reader}.fault`]: defineMethod({ summary: summaries.fault, access, schemas: () => ({ input: readerFaultParams(faults, faultExtra), output: done() }) }),
  } as { readonly [M in `dev.${R}.insert`]: MethodSpec<ReturnType<typeof insertCardParams>, Done> } & {
    readonly [M in `dev.${R}.remove`]: MethodSpec<ReturnType<typeof removeCardParams>, Done>;
  } & { readonly [M in `dev.${R}.fault`]: MethodSpec<ReturnType<typeof readerFaultParams<F, E>>, Done> };
}

export const devMethods = {
  ...simulatedCardReaderMethods(
    'idCard',
    {
      insert: 'Simulator: put the sample ID card of resident `residentIndex` on the ID card reader.',
      remove: 'Simulator: take the card off the ID card reader.',
      fault: 'Simulator: make the ID card reader misbehave (null = healthy).',
    },
    ['wrongChecksum', 'garbage', 'silence', 'slow', 'removeMidRead', 'samFailure'],
    {},
  ),
  ...simulatedCardReaderMethods(
    'ssCard',
    {
      insert: 'Simulator: insert the sample social security card of resident `residentIndex`.',
      remove: 'Simulator: pull the social security card out.',
      fault: 'Simulator: make the social security card reader misbehave (null = healthy); pinTries 0 blocks the PIN.',
    },
    ['wrongChecksum', 'garbage', 'silence', 'slow', 'removeMidRead', 'mute'],
    { pinTries: z.number().int().min(0).max(3).optional() },
  ),
  'dev.ssCard.verifyPin': defineMethod({
    summary: 'Simulator: checks a PIN on the card in the simulated reader through the reader, as a real check does (a wrong one spends a try), so a test can see what a card operation wrote.',
    access: ['public'],
    schemas: () => ({
      input: z.object({ pin: z.string().regex(/^\d{6}$/), deviceId }).strict(),
      output: pinOutcome(),
    }),
  }),
  'dev.samples': defineMethod({
    summary: 'Simulator: the made-up sample residents a sample card can be made for.',
    access: ['public'],
    schemas: () => ({
      output: z.object({
        residents: z.array(z.object({ index: z.number().int(), name: z.string(), documentType: z.enum(['residentIdCard', 'foreignPermanentResidentCard']), note: z.string() })),
      }),
    }),
  }),
  'dev.cards.state': defineMethod({
    summary: 'Simulator: which sample card sits in which simulated reader, and the fault modes.',
    access: ['public'],
    schemas: () => ({ output: z.object({ idCard: simulatedReaderState({}), ssCard: simulatedReaderState({ pinTries: z.number().nullable() }) }) }),
  }),
  'dev.clock.advance': defineMethod({
    summary: "Simulator: moves the kiosk's clock forward by `minutes` (timers keep real time), for the rules that run on the clock (faults that climb); answers the kiosk's time now.",
    access: ['public'],
    schemas: () => ({ input: z.object({ minutes: z.number().int().min(1).max(7 * 24 * 60) }).strict(), output: z.object({ now: z.string() }) }),
  }),
} as const;
