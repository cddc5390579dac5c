import { createMemoryLogger } from '../../src/main/logging/logger';
import { CatalogService } from '../../src/main/services/catalog';
import { defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import { CatalogSchema, CatalogItemSchema } from '../../src/shared/catalog/schema';
import { DEFAULT_COUNTY_SETTINGS, applyCountySettings, type CountySettings } from '../../src/shared/catalog/county-settings';

/** The county's numbers travel with its catalogue and reach every text that names them; the shipped ones say so. */
describe('county settings in the catalogue', () => {
  const countySettings: CountySettings = {
    ...DEFAULT_COUNTY_SETTINGS,
    cardBlockDays: { value: 7, setOn: '2026-10-08' },
    startupLoanCap: { value: 200_000, setOn: '2026-10-08' },
    residentPensionGrades: { value: [300, 600, 900], setOn: '2026-10-08' },
    pinTries: { value: 5, setOn: '2026-10-08' },
  };
  const countyCatalog = CatalogSchema.parse({ ...defaultCatalogInput(), version: 7, settings: countySettings });
  const service = new CatalogService({ level: 'demonstration', log: createMemoryLogger().logger, stored: { read: () => ({ version: 7, body: countyCatalog }) } });
  const json = (code: string) => JSON.stringify(service.get(code));

  it('fills the county values into the texts in both languages, and names what each item read', () => {
    expect(service.list().settings.cardBlockDays).toEqual({ value: 7, setOn: '2026-10-08' });
    const card02 = service.get('CARD-02');
    expect(card02.guide.timeLimit['zh-CN']).toContain('临时挂失 7 天后自动解除');
    expect(card02.guide.timeLimit.en).toContain('after 7 days');
    expect(card02.settingsRead).toEqual(['cardBlockDays', 'timeLimit', 'legalBasis']);
    expect(json('JOB-12')).toContain('个人最多 20 万元');
    expect(json('JOB-12')).toContain('Up to 200,000 yuan');
    expect(json('CARD-03')).toContain('连续输错 5 次会锁住');
    // The form's limit follows the cap, so the core refuses an amount above the county's cap.
    const loan = service.get('JOB-12').form.flatMap((s) => s.fields).find((f) => f.name === 'loanAmount');
    expect(loan?.kind === 'amount' && loan.max).toBe(200_000);
    for (const code of ['CARD-02', 'CARD-03', 'JOB-12', 'INS-01', 'INS-14']) expect([code, json(code).includes('{{')]).toEqual([code, false]);
  });

  it('builds the grade choices from the county list, so the core checks the county grades too', () => {
    const grade = service.get('INS-01').form.flatMap((s) => s.fields).find((f) => f.name === 'grade');
    expect(grade?.kind === 'choice' && grade.options.map((o) => o.value)).toEqual(['y300', 'y600', 'y900']);
    expect(service.get('INS-01').settingsRead).toContain('residentPensionGrades');
  });

  it('ships today’s values, marked as not yet set by the county', () => {
    const shipped = new CatalogService({ level: 'demonstration', log: createMemoryLogger().logger });
    expect(shipped.list().settings.cardBlockDays).toEqual({ value: 15, setOn: null });
    expect(shipped.get('CARD-02').guide.timeLimit['zh-CN']).toContain('15 天');
    // A county catalogue from before settings existed still loads, with the shipped values.
    const { settings: _dropped, ...older } = countyCatalog;
    expect(CatalogSchema.parse(older).settings).toEqual(DEFAULT_COUNTY_SETTINGS);
  });

  it('refuses a text naming a setting the county does not publish, and a bad value', () => {
    const item = defaultCatalogInput().items.find((i) => i.code === 'CARD-02')!;
    const bad = { ...item, summary: { 'zh-CN': '挂失 {{blockWeeks}} 周', en: 'Blocked for {{blockWeeks}} weeks' } };
    expect(CatalogItemSchema.safeParse(bad).success).toBe(false);
    expect(CatalogSchema.safeParse({ ...defaultCatalogInput(), settings: { ...DEFAULT_COUNTY_SETTINGS, pinTries: { value: 0, setOn: null } } }).success).toBe(false);
    // Applying is pure: the record itself keeps its placeholders for the next county value.
    const applied = applyCountySettings(CatalogItemSchema.parse(item), DEFAULT_COUNTY_SETTINGS);
    expect(JSON.stringify(applied)).not.toContain('{{');
    expect(JSON.stringify(item)).toContain('{{cardBlockDays}}');
  });
});
