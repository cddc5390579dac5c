import { describe, expect, it } from '@jest/globals';
import { officeHoursLine, OfficeHoursListSchema, OfficeHoursSchema, parseOfficeHoursLines } from './office-hours';

describe('office hours as a line a person edits', () => {
  it('writes a run of days as from-to and anything else as a list, in day order', () => {
    expect(officeHoursLine({ days: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' })).toBe('1-5 08:30-12:00');
    expect(officeHoursLine({ days: [5, 3, 4], open: '14:00', close: '17:30' })).toBe('3-5 14:00-17:30');
    expect(officeHoursLine({ days: [6, 1, 3], open: '09:00', close: '11:30' })).toBe('1,3,6 09:00-11:30');
    expect(officeHoursLine({ days: [1, 2, 4], open: '09:00', close: '11:30' })).toBe('1,2,4 09:00-11:30');
    expect(officeHoursLine({ days: [7], open: '09:00', close: '11:30' })).toBe('7 09:00-11:30');
  });

  it('sorts a copy: the rule it was given keeps its order', () => {
    const hours = { days: [3, 1, 2], open: '08:00', close: '09:00' };
    expect(officeHoursLine(hours)).toBe('1-3 08:00-09:00');
    expect(hours.days).toEqual([3, 1, 2]);
  });

  it('reads each line back into a rule, with ranges, lists and spaces', () => {
    expect(parseOfficeHoursLines('1-5 08:30-12:00\n  1,3,6   09:00 - 11:30  \n\n7 14:00-17:00\n')).toEqual({
      ok: true,
      hours: [
        { days: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' },
        { days: [1, 3, 6], open: '09:00', close: '11:30' },
        { days: [7], open: '14:00', close: '17:00' },
      ],
    });
    expect(parseOfficeHoursLines('6 , 1 - 2 , 2 08:00-09:00')).toEqual({ ok: true, hours: [{ days: [1, 2, 6], open: '08:00', close: '09:00' }] });
    expect(parseOfficeHoursLines('4-4 08:00-09:00')).toEqual({ ok: true, hours: [{ days: [4], open: '08:00', close: '09:00' }] });
    // A line of spaces between rules is a blank line, not a line that does not read.
    expect(parseOfficeHoursLines('1 08:00-09:00\n   \n2 10:00-11:00')).toEqual({
      ok: true,
      hours: [
        { days: [1], open: '08:00', close: '09:00' },
        { days: [2], open: '10:00', close: '11:00' },
      ],
    });
  });

  it('round-trips what it writes', () => {
    const hours = [
      { days: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' },
      { days: [2, 4], open: '14:30', close: '17:30' },
    ];
    expect(parseOfficeHoursLines(hours.map(officeHoursLine).join('\n'))).toEqual({ ok: true, hours });
  });

  it('names the first line that does not read', () => {
    expect(parseOfficeHoursLines('1-5 08:30-12:00\nMonday 08:00-09:00\n8 08:00-09:00')).toEqual({ ok: false, line: 2 });
    // Blank lines are not counted: the third written line is the second rule.
    expect(parseOfficeHoursLines('1-5 08:30-12:00\n\n5-1 08:00-09:00')).toEqual({ ok: false, line: 2 });
    expect(parseOfficeHoursLines('0 08:00-09:00')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('8 08:00-09:00')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('1 24:00-24:30')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('1 08:60-09:00')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('1 8:00-09:00')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('1 08:00-09:00 x')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('x1 08:00-09:00')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('1 08:00')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('108:00-09:00')).toEqual({ ok: false, line: 1 });
  });

  it('refuses a rule that closes when or before it opens, and days counted backwards', () => {
    expect(parseOfficeHoursLines('1 09:00-09:00')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('1 12:00-08:30')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('5-1 08:00-09:00')).toEqual({ ok: false, line: 1 });
    // A backwards run beside a good day is refused too, not dropped quietly.
    expect(parseOfficeHoursLines('1,5-3 08:00-09:00')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines('1 23:58-23:59')).toEqual({ ok: true, hours: [{ days: [1], open: '23:58', close: '23:59' }] });
    expect(parseOfficeHoursLines('1 00:00-19:59')).toEqual({ ok: true, hours: [{ days: [1], open: '00:00', close: '19:59' }] });
  });

  it('wants one rule at least and fourteen at most: the answer then names the last line', () => {
    expect(parseOfficeHoursLines('')).toEqual({ ok: false, line: 1 });
    expect(parseOfficeHoursLines(' \n \n')).toEqual({ ok: false, line: 1 });
    const fourteen = Array.from({ length: 14 }, (_, i) => `${(i % 7) + 1} 08:00-09:00`);
    expect(parseOfficeHoursLines(fourteen.join('\n'))).toMatchObject({ ok: true });
    expect(parseOfficeHoursLines([...fourteen, '1 10:00-11:00'].join('\n'))).toEqual({ ok: false, line: 15 });
  });

  it('holds the same limits at a boundary', () => {
    expect(OfficeHoursSchema.safeParse({ days: [1, 7], open: '08:00', close: '09:00' }).success).toBe(true);
    for (const bad of [
      { days: [], open: '08:00', close: '09:00' },
      { days: [0], open: '08:00', close: '09:00' },
      { days: [1.5], open: '08:00', close: '09:00' },
      { days: [1, 2, 3, 4, 5, 6, 7, 1], open: '08:00', close: '09:00' },
      { days: [1], open: '8:00', close: '09:00' },
      { days: [1], open: '09:00', close: '08:00' },
    ])
      expect(OfficeHoursSchema.safeParse(bad).success).toBe(false);
    const refusal = OfficeHoursSchema.safeParse({ days: [1], open: '09:00', close: '08:00' });
    expect(refusal.success ? null : refusal.error.issues.map((i) => [i.path, i.message])).toEqual([[['close'], 'opens before it closes']]);
    expect(OfficeHoursListSchema.safeParse([]).success).toBe(false);
  });
});
