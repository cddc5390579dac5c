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

  it('dates: 1900 is the first year; impossible months and days are refused, leap days only in leap years', () => {
    expect(problem(id('110105', '18991231'))).toBe('birthDate');
    expect(problem(id('110105', '19000101'))).toBe('ok');
    expect(problem(id('110105', '19900001'))).toBe('birthDate');
    expect(problem(id('110105', '19901301'))).toBe('birthDate');
    expect(problem(id('110105', '19901200'))).toBe('birthDate');
    expect(problem(id('110105', '19900431'))).toBe('birthDate');
    expect(problem(id('110105', '19900132'))).toBe('birthDate');
    expect(problem(id('110105', '19000229'))).toBe('birthDate');
    expect(problem(id('110105', '20000229'))).toBe('ok');
    expect(problem(id('110105', '19901231'))).toBe('ok');
  });

  it('the birth date may be today but not tomorrow, whatever the month', () => {
    expect(problem(id('110105', '20260305'))).toBe('ok');
    expect(problem(id('110105', '20260306'))).toBe('birthDate');
    expect(problem(id('110105', '20260215'))).toBe('ok');
    expect(problem(id('110105', '20261001'))).toBe('birthDate');
    expect(problem(id('110105', '20270101'))).toBe('birthDate');
  });

  it('province codes run from 11 to 82', () => {
    expect(problem(id('100105', '19900101'))).toBe('division');
    expect(problem(id('110105', '19900101'))).toBe('ok');
    expect(problem(id('820105', '19900101'))).toBe('ok');
    expect(problem(id('830105', '19900101'))).toBe('division');
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
