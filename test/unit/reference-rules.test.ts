import { ruleFor } from '../../src/county/back-office/reference-rules';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { CatalogItem } from '../../src/shared/catalog/schema';
import type { SubmissionPayload } from '../../src/shared/sync/protocol';

/**
 * The reference back office's rules (reference-rules.ts, the table in docs/back-office.md) called directly: which desk
 * each catalogue item goes to, how long automatic handling takes, and the age checks on arrival to the day. The
 * back-office tests reach the same through a started county, a few items at a time.
 */
const item = (code: string): CatalogItem => {
  const found = defaultCatalog().items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code} in the default catalogue`);
  return found;
};

/** Only the resident's birth date is read by the age checks; the rest of a submission does not matter here. */
const bornOn = (birthDate: string) => ({ resident: { birthDate } }) as unknown as SubmissionPayload;
const on = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

describe("the reference back office's rules", () => {
  it('sends card operations and certifications to the automatic desk at once', () => {
    const atOnce = defaultCatalog().items.filter((i) => i.type === 'card' || i.type === 'certify');
    expect(atOnce.map((i) => i.code).sort()).toEqual(expect.arrayContaining(['CARD-02', 'CARD-03', 'DEMO-02', 'INS-04']));
    for (const i of atOnce) expect({ code: i.code, ...ruleFor(i) }).toEqual({ code: i.code, desk: 'automatic', takesMinutes: 0 });
  });

  it('handles the low-risk registrations automatically in 30 minutes and sends every other application to a clerk', () => {
    const applications = defaultCatalog().items.filter((i) => i.type !== 'card' && i.type !== 'certify');
    const automatic = applications.filter((i) => ruleFor(i).desk === 'automatic').map((i) => i.code);
    expect(automatic.sort()).toEqual(['CARD-01', 'INS-01', 'INS-02', 'INS-16', 'JOB-01', 'JOB-04', 'JOB-05', 'JOB-06', 'JOB-07', 'JOB-14', 'SKL-01']);
    for (const i of applications) {
      const { desk, takesMinutes } = ruleFor(i);
      expect({ code: i.code, desk, takesMinutes }).toEqual({ code: i.code, desk, takesMinutes: desk === 'automatic' ? 30 : 0 });
    }
    // Anything that pays money or changes details waits for a clerk: the unemployment benefit claim, for one.
    expect(ruleFor(item('JOB-10'))).toMatchObject({ desk: 'clerk', takesMinutes: 0 });
  });

  it('checks age on arrival only for the four items the statutes set one for', () => {
    const checked = defaultCatalog().items.filter((i) => ruleFor(i).refuse).map((i) => i.code);
    expect(checked.sort()).toEqual(['INS-01', 'INS-03', 'JOB-10', 'JOB-14']);
  });

  it('refuses the resident pension enrolment (INS-01) under 16, to the day, saying why in both languages', () => {
    const refuse = ruleFor(item('INS-01')).refuse!;
    expect(refuse(bornOn('2010-12-01'), on('2026-11-30'))).toEqual({ 'zh-CN': '未满16周岁，不能参加城乡居民养老保险。', en: 'Under 16: cannot enrol in the resident pension scheme.' });
    expect(refuse(bornOn('2010-12-01'), on('2026-12-01'))).toBeNull();
  });

  it('refuses drawing the resident pension (INS-03) before the 60th birthday: a later day of the month, then a later month', () => {
    const refuse = ruleFor(item('INS-03')).refuse!;
    expect(refuse(bornOn('1966-12-15'), on('2026-12-14'))).toEqual({ 'zh-CN': '未满60周岁，暂不能领取城乡居民养老金。', en: 'Under 60: the resident pension cannot be drawn yet.' });
    expect(refuse(bornOn('1966-12-15'), on('2026-12-15'))).toBeNull();
    expect(refuse(bornOn('1967-01-01'), on('2026-12-31'))).not.toBeNull();
    expect(refuse(bornOn('1966-11-30'), on('2026-12-01'))).toBeNull();
    // The day of the month counts only within the birthday's own month: a later month with an earlier day is past it.
    expect(refuse(bornOn('1966-06-20'), on('2026-07-01'))).toBeNull();
  });

  it('refuses the unemployment benefit (JOB-10) from the 60th birthday on, and the graduate registration (JOB-14) from the 35th', () => {
    const benefit = ruleFor(item('JOB-10')).refuse!;
    expect(benefit(bornOn('1966-12-01'), on('2026-11-30'))).toBeNull();
    expect(benefit(bornOn('1966-12-01'), on('2026-12-01'))).toEqual({ 'zh-CN': '已达法定退休年龄，不能申领失业保险金。', en: 'Of statutory retirement age: unemployment benefit cannot be claimed.' });
    const graduate = ruleFor(item('JOB-14')).refuse!;
    expect(graduate(bornOn('1991-12-02'), on('2026-12-01'))).toBeNull();
    expect(graduate(bornOn('1991-12-01'), on('2026-12-01'))).toEqual({ 'zh-CN': '年龄超过高校毕业生失业登记的范围（35周岁以下）。', en: 'Over the age range of the graduate unemployment registration (under 35).' });
    expect(ruleFor(item('JOB-14'))).toMatchObject({ desk: 'automatic', takesMinutes: 30 });
  });

  it('counts age by the UTC calendar date of the decision, whatever its hour', () => {
    const refuse = ruleFor(item('INS-03')).refuse!;
    expect(refuse(bornOn('1966-12-01'), new Date('2026-11-30T23:59:59Z'))).not.toBeNull();
    expect(refuse(bornOn('1966-12-01'), new Date('2026-12-01T00:00:00Z'))).toBeNull();
  });
});
