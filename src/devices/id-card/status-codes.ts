import type { ErrorCode } from '../../shared/contract/errors';

/**
 * SW3, the reader's status byte (DEVICES.md §1), as a typed outcome: what it means, which message a person sees,
 * and which KioskError it becomes when a command needed success.
 */
export type Sw3Outcome =
  | 'success'
  | 'noContent'
  | 'findSuccess'
  | 'hostChecksumError'
  | 'hostLengthError'
  | 'commandError'
  | 'unauthorised'
  | 'unrecognisedError'
  | 'cardRejectedSam'
  | 'samRejectedCard'
  | 'verificationError'
  | 'unknownCardType'
  | 'readFailed'
  | 'randomFailed'
  | 'samSelfTestFailed'
  | 'samNotAuthorised'
  | 'findFailed'
  | 'selectFailed'
  | 'unknownStatus';

interface Sw3Info {
  outcome: Sw3Outcome;
  /** null = not an error. */
  error: ErrorCode | null;
}

const TABLE: Record<number, Sw3Info> = {
  0x90: { outcome: 'success', error: null },
  0x91: { outcome: 'noContent', error: null },
  0x9f: { outcome: 'findSuccess', error: null },
  0x10: { outcome: 'hostChecksumError', error: 'device_error' },
  0x11: { outcome: 'hostLengthError', error: 'device_error' },
  0x21: { outcome: 'commandError', error: 'device_error' },
  0x23: { outcome: 'unauthorised', error: 'device_error' },
  0x24: { outcome: 'unrecognisedError', error: 'device_error' },
  0x31: { outcome: 'cardRejectedSam', error: 'card_unreadable' },
  0x32: { outcome: 'samRejectedCard', error: 'card_unreadable' },
  0x33: { outcome: 'verificationError', error: 'card_unreadable' },
  0x40: { outcome: 'unknownCardType', error: 'card_unsupported' },
  0x41: { outcome: 'readFailed', error: 'card_unreadable' },
  0x47: { outcome: 'randomFailed', error: 'card_unreadable' },
  0x60: { outcome: 'samSelfTestFailed', error: 'device_error' },
  0x66: { outcome: 'samNotAuthorised', error: 'device_error' },
  0x80: { outcome: 'findFailed', error: 'card_absent' },
  0x81: { outcome: 'selectFailed', error: 'card_absent' },
};

export interface Sw3Meaning extends Sw3Info {
  sw3: number;
  /** card-readers:idCard.sw.<outcome> */
  messageKey: string;
}

export function describeSw3(sw3: number): Sw3Meaning {
  const info = TABLE[sw3] ?? { outcome: 'unknownStatus', error: 'device_error' };
  return { ...info, sw3, messageKey: `card-readers:idCard.sw.${info.outcome}` };
}

export const KNOWN_SW3 = Object.keys(TABLE).map(Number);
