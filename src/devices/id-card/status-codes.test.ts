import { describeSw3, KNOWN_SW3 } from './status-codes';

// The KioskError each SW3 becomes, as docs/devices/id-card-reader.md states it: the screen a resident sees follows it
// (put the card on, the card cannot be read, this card is not taken, the reader is at fault).
const ERRORS: Record<string, number[]> = {
  card_absent: [0x80, 0x81],
  card_unreadable: [0x31, 0x32, 0x33, 0x41, 0x47],
  card_unsupported: [0x40],
  device_error: [0x10, 0x11, 0x21, 0x23, 0x24, 0x60, 0x66],
};
const SUCCESSES = [0x90, 0x91, 0x9f];

describe('ID card reader SW3', () => {
  it('turns each error status into the KioskError the documentation names, and the three successes into none', () => {
    for (const [error, codes] of Object.entries(ERRORS)) for (const sw3 of codes) expect([sw3, describeSw3(sw3).error]).toEqual([sw3, error]);
    for (const sw3 of SUCCESSES) expect([sw3, describeSw3(sw3).error]).toEqual([sw3, null]);
    expect([...KNOWN_SW3].sort((a, b) => a - b)).toEqual([...SUCCESSES, ...Object.values(ERRORS).flat()].sort((a, b) => a - b));
  });

  it('gives an unknown status its own outcome, the device error and its message key, and carries the byte', () => {
    expect(describeSw3(0x55)).toStrictEqual({ outcome: 'unknownStatus', error: 'device_error', sw3: 0x55, messageKey: 'card-readers:idCard.sw.unknownStatus' });
    expect(describeSw3(0x80)).toStrictEqual({ outcome: 'findFailed', error: 'card_absent', sw3: 0x80, messageKey: 'card-readers:idCard.sw.findFailed' });
  });
});
