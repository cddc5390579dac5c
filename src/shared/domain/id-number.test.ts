import { checkIdNumber, idCheckCharacter, makeIdNumber } from './id-number';

describe('resident ID number check (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('computes the check character of the standard example', () => {
    // GB 11643-1999 appendix example: 11010519491231002X
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X').ok).toBe(true);
  });

  it('accepts a lower-case x and normalises it', () => {
    const r = checkIdNumber('11010519491231002x');
    expect(r).toMatchObject({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
  });

  it('names the problem of a wrong number', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checkCharacter' });
    expect(checkIdNumber('1101051949123100')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('11010519491231A02X')).toEqual({ ok: false, problem: 'characters' });
    expect(checkIdNumber(makeIdNumber('110105', '19490230', '002'))).toEqual({ ok: false, problem: 'birthDate' });
    expect(checkIdNumber(makeIdNumber('990105', '19490101', '002'))).toEqual({ ok: false, problem: 'division' });
  });

  it('refuses a birth date in the future', () => {
    const id = makeIdNumber('140102', '20300101', '123');
    expect(checkIdNumber(id, new Date(2026, 10, 29))).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('makes numbers that check', () => {
    for (const seq of ['001', '123', '998']) expect(checkIdNumber(makeIdNumber('140102', '19900307', seq)).ok).toBe(true);
  });
});

describe('ID number checks, one part broken at a time (each boundary on both sides)', () => {
  const today = new Date(2026, 2, 5); // 5 March 2026, local time as the kiosk's clock reads it
  const id = (division: string, birth: string, sequence = '123') => makeIdNumber(division, birth, sequence);
  const problem = (raw: string) => {
    const r = checkIdNumber(raw, today);
    return r.ok ? 'ok' : r.problem;
  };

  /** Birth dates by what the check makes of them: 1900 is the first year; impossible months and days are refused,
   *  leap days only in leap years; a birth date may be today (5 March 2026) but not tomorrow, whatever the month. */
  const BIRTH_DATES = {
    ok: ['19000101', '20000229', '19901231', '20260305', '20260215'],
    birthDate: ['18991231', '19900001', '19901301', '19901200', '19900431', '19900132', '19000229', '20260306', '20261001', '20270101'],
  };
  it.each(Object.entries(BIRTH_DATES).flatMap(([outcome, births]) => births.map((birth) => [birth, outcome])))('born %s: %s', (birth, outcome) => {
    expect(problem(id('110105', birth))).toBe(outcome);
  });

  /** Division codes by outcome: province codes run from 11 to 82. */
  const DIVISIONS = { ok: ['110105', '820105'], division: ['100105', '830105'] };
  it.each(Object.entries(DIVISIONS).flatMap(([outcome, divisions]) => divisions.map((division) => [division, outcome])))('division %s: %s', (division, outcome) => {
    expect(problem(id(division, '19900101'))).toBe(outcome);
  });

  it('returns the division code and birth date exactly, after trimming spaces around the number', () => {
    const valid = id('140105', '19850607', '124');
    expect(checkIdNumber(`  ${valid} `, today)).toEqual({ ok: true, idNumber: valid, divisionCode: '140105', birthDate: '1985-06-07', sex: 'female' });
  });

  it('refuses characters other than digits and a final X', () => {
    const valid = id('140105', '19850607');
    expect(problem(`A${valid.slice(1)}`)).toBe('characters');
    expect(problem(`${valid.slice(0, 16)}X${valid[17]}`)).toBe('characters');
    expect(problem(`${valid.slice(0, 17)}Y`)).toBe('characters');
  });

  it('computes a check character only from exactly 17 digits', () => {
    expect(() => idCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckCharacter('110105194912310021')).toThrow(RangeError);
    expect(() => idCheckCharacter('1101051949123100A')).toThrow(RangeError);
    expect(() => idCheckCharacter('A11010519491231002')).toThrow(RangeError);
  });
});
