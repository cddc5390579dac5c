import { describe, expect, it } from '@jest/globals';
import { isDay } from './DateField';

describe('a date typed in the console', () => {
  it('is a real calendar day written yyyy-mm-dd, nothing else', () => {
    for (const good of ['2027-01-10', '2028-02-29', '2026-12-31']) expect(isDay(good)).toBe(true);
    for (const bad of ['2027-02-29', '2027-02-30', '2027-13-01', '2027-00-10', '2027-1-10', '01/10/2027', '2027-01-10x', '']) expect(isDay(bad)).toBe(false);
  });
});
