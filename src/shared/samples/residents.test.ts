import { checkIdNumber } from '../domain/id-number';
import { SAMPLE_RESIDENTS, sampleResident } from './residents';

describe('sample residents', () => {
  const today = new Date('2026-11-29T00:00:00Z');

  it('gives every resident-card holder a valid GB 11643 ID number matching birth date and sex', () => {
    for (const r of SAMPLE_RESIDENTS.filter((s) => s.documentType === 'residentIdCard')) {
      const check = checkIdNumber(r.idNumber, today);
      expect(check).toMatchObject({ ok: true, birthDate: r.birthDate, sex: r.sex });
      expect(check.ok && check.divisionCode.startsWith('14')).toBe(true);
      expect(r.socialSecurityCard.socialSecurityNumber).toBe(r.idNumber);
    }
  });

  it('covers the cases tests rely on', () => {
    expect(SAMPLE_RESIDENTS.some((r) => r.validUntil === 'long-term')).toBe(true);
    expect(SAMPLE_RESIDENTS.some((r) => r.validUntil !== 'long-term' && r.validUntil < '2026-11-29')).toBe(true);
    expect(SAMPLE_RESIDENTS.some((r) => r.documentType === 'foreignPermanentResidentCard')).toBe(true);
    expect(new Set(SAMPLE_RESIDENTS.map((r) => r.sex)).size).toBe(2);
    SAMPLE_RESIDENTS.forEach((r, i) => {
      expect(r.index).toBe(i);
      expect(r.socialSecurityCard.cardIdentificationCode).toMatch(/^[0-9A-F]{32}$/);
      expect(r.socialSecurityCard.cardNumber).toMatch(/^[A-Z0-9]{9}$/);
      expect(r.socialSecurityCard.pin).toMatch(/^\d{6}$/);
    });
    expect(() => sampleResident(99)).toThrow(RangeError);
  });
});
