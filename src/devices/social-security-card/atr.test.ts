import { describe, expect, it } from '@jest/globals';
import { fromHex } from '../core/frame-log';
import { atrHistoricalBytes } from './atr';

const historical = (atr: string) => atrHistoricalBytes(fromHex(atr)!).toString('hex').toUpperCase();

describe("an ATR's historical bytes (ISO 7816-3)", () => {
  // Each row: an ATR and its historical bytes. TA1, TB1 and TC1 are stepped over as T0 announces them, the TD chain
  // followed; an ATR cut off (too short, a TD missing, fewer historical bytes than K) gives nothing.
  it.each<[string, string]>([
    ['3B 02 41 42', '4142'],
    ['3B 00', ''],
    ['3B 12 11 41 42', '4142'],
    ['3B 22 11 41 42', '4142'],
    ['3B 42 11 41 42', '4142'],
    ['3B 32 11 00 41 42', '4142'],
    ['3B 52 11 00 41 42', '4142'],
    ['3B 62 11 00 41 42', '4142'],
    ['3B 72 11 00 FF 41 42', '4142'],
    ['3B 81 00 41', '41'], // TD1 announcing nothing
    ['3B 81 01 41', '41'], // TD1 with T=1, its low nibble ignored
    ['3B 81 10 00 41', '41'], // TD1 announcing TA2
    ['3B 81 80 00 41', '41'], // TD1 -> TD2
    ['3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31', '4A434F5076323431'],
    ['', ''],
    ['3B', ''],
    ['3B 01', ''],
    ['3B 80', ''],
    ['3B 90 11', ''],
    ['3B 81 80', ''],
    ['3B 05 41 42', ''],
    ['3B 03 41 42', ''],
  ])('%s has the historical bytes %j', (atr, bytes) => {
    expect(historical(atr)).toBe(bytes);
  });

  it('stops after 16 levels of TD, so a chain of TDs never runs on', () => {
    // T0 and 16 TDs that each announce another: the walk ends after the 16th TD, K = 1.
    expect(historical(`3B 81 ${'80 '.repeat(16)}41 42`)).toBe('41');
    expect(historical(`3B 81 ${'80 '.repeat(15)}00 41`)).toBe('41');
  });

  it('returns a copy, not a view of the ATR', () => {
    const atr = fromHex('3B 02 41 42')!;
    const bytes = atrHistoricalBytes(atr);
    atr[2] = 0;
    expect(bytes.toString('hex')).toBe('4142');
  });
});
