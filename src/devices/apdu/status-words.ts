import type { ErrorCode } from '../../shared/contract/errors';

/** ISO 7816-4 status words as typed outcomes, with the message key a person sees and the KioskError they become. */
export type SwOutcome =
  | 'ok'
  | 'moreData' // 61xx: GET RESPONSE with Le = xx
  | 'wrongLe' // 6Cxx: resend with Le = xx
  | 'pinWrong' // 63Cx: x tries left
  | 'verifyFailed' // 6300
  | 'pinBlocked' // 6983
  | 'securityNotSatisfied' // 6982
  | 'conditionsNotSatisfied' // 6985
  | 'fileNotFound' // 6A82
  | 'recordNotFound' // 6A83
  | 'wrongParameters' // 6A86, 6B00
  | 'wrongLength' // 6700
  | 'insNotSupported' // 6D00
  | 'claNotSupported' // 6E00
  | 'memoryFailure' // 6581
  | 'unknown';

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
  switch (sw) {
    case 0x6300:
      return m('verifyFailed', 'pin_wrong');
    case 0x6983:
      return m('pinBlocked', 'pin_blocked');
    case 0x6982:
      return m('securityNotSatisfied', 'card_unreadable');
    case 0x6985:
      return m('conditionsNotSatisfied', 'card_unreadable');
    case 0x6a82:
      return m('fileNotFound', 'card_unsupported');
    case 0x6a83:
      return m('recordNotFound', 'card_unsupported');
    case 0x6a86:
    case 0x6b00:
      return m('wrongParameters', 'device_error');
    case 0x6700:
      return m('wrongLength', 'device_error');
    case 0x6d00:
      return m('insNotSupported', 'card_unsupported');
    case 0x6e00:
      return m('claNotSupported', 'card_unsupported');
    case 0x6581:
      return m('memoryFailure', 'card_unreadable');
    default:
      return m('unknown', 'card_unreadable');
  }
}
