import type { ErrorCode } from '../../shared/contract/errors';

/**
 * ISO 7816-4 status words as typed outcomes, with the message key a person sees (`card-readers:apdu.sw.<outcome>`) and
 * the KioskError they become.
 */

/** The status words with one fixed meaning, each written once, under the KioskError it becomes. */
const FIXED_WORDS = {
  pin_wrong: { verifyFailed: [0x6300] },
  pin_blocked: { pinBlocked: [0x6983] },
  card_unreadable: { securityNotSatisfied: [0x6982], conditionsNotSatisfied: [0x6985], memoryFailure: [0x6581] },
  card_unsupported: { fileNotFound: [0x6a82], recordNotFound: [0x6a83], insNotSupported: [0x6d00], claNotSupported: [0x6e00] },
  device_error: { wrongParameters: [0x6a86, 0x6b00], wrongLength: [0x6700] },
} as const satisfies Partial<Record<ErrorCode, Record<string, readonly number[]>>>;

type FixedOutcome = { [E in keyof typeof FIXED_WORDS]: keyof (typeof FIXED_WORDS)[E] }[keyof typeof FIXED_WORDS];

export type SwOutcome =
  | 'ok' // 9000
  | 'moreData' // 61xx: GET RESPONSE with Le = xx
  | 'wrongLe' // 6Cxx: resend with Le = xx
  | 'pinWrong' // 63Cx: x tries left
  | FixedOutcome
  | 'unknown';

const FIXED_MEANINGS = new Map<number, { outcome: FixedOutcome; error: ErrorCode }>(
  Object.entries(FIXED_WORDS).flatMap(([error, outcomes]) =>
    (Object.entries(outcomes) as Array<[string, readonly number[]]>).flatMap(([outcome, words]) => words.map((sw) => [sw, { outcome: outcome as FixedOutcome, error: error as ErrorCode }] as const)),
  ),
);

export interface SwMeaning {
  sw: number;
  outcome: SwOutcome;
  /** For 61xx/6Cxx the length, for 63Cx the tries left. */
  value?: number;
  error: ErrorCode | null;
  messageKey: string;
}

export function describeSw(sw: number): SwMeaning {
  const sw1 = (sw >> 8) & 0xff;
  const sw2 = sw & 0xff;
  const m = (outcome: SwOutcome, error: ErrorCode | null, value?: number): SwMeaning => ({
    sw,
    outcome,
    error,
    messageKey: `card-readers:apdu.sw.${outcome}`,
    ...(value === undefined ? {} : { value }),
  });
  if (sw === 0x9000) return m('ok', null);
  if (sw1 === 0x61) return m('moreData', null, sw2 === 0 ? 256 : sw2);
  if (sw1 === 0x6c) return m('wrongLe', null, sw2 === 0 ? 256 : sw2);
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) return m('pinWrong', 'pin_wrong', sw2 & 0x0f);
  const fixed = FIXED_MEANINGS.get(sw);
  return fixed ? m(fixed.outcome, fixed.error) : m('unknown', 'card_unreadable');
}
