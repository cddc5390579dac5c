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
